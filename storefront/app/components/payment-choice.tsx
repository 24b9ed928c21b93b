import type { MessageKey } from "../lib/i18n"
import { METHOD_HINT, METHOD_LABEL, type PaymentMethod } from "../lib/payments"
import { useT } from "../lib/use-i18n"
import { useStripeJs } from "../lib/use-stripe"

/**
 * The checkout's payment step: pay at pickup first and chosen by default, then
 * the online methods the backend offers. Card is shown only once Stripe.js has
 * loaded in this browser (never without JavaScript); everything else is a
 * plain radio that posts with the form.
 */
export function PaymentChoice({
  methods,
  stripeKey,
  defaultValue,
  error,
}: {
  methods: PaymentMethod[]
  stripeKey: string | null
  defaultValue?: string
  error?: MessageKey
}) {
  const t = useT()
  const stripe = useStripeJs(methods.includes("card") ? stripeKey : null)
  const chosen = methods.includes(defaultValue as PaymentMethod) ? defaultValue : "pickup"
  const online = methods.some((m) => m !== "pickup")
  return (
    <fieldset
      aria-describedby={error ? "payment-error" : undefined}
      className="rounded-xl bg-white p-4 ring-1 ring-stone-200"
    >
      <legend className="px-1 text-base font-semibold">{t("payment.choose")}</legend>
      <div className="mt-1 space-y-2">
        {methods.map((method) => (
          <label
            key={method}
            hidden={method === "card" && stripe.status !== "ready"}
            className="flex min-h-12 cursor-pointer items-start gap-3 rounded-lg p-2 ring-1 ring-stone-200 has-[:checked]:bg-emerald-50 has-[:checked]:ring-emerald-600"
          >
            <input
              type="radio"
              name="payment"
              value={method}
              defaultChecked={method === chosen}
              disabled={method === "card" && stripe.status !== "ready"}
              className="mt-1 size-4 accent-emerald-700"
            />
            <span>
              <span className="block font-medium">{t(METHOD_LABEL[method])}</span>
              <span className="block text-xs text-stone-600">{t(METHOD_HINT[method])}</span>
            </span>
          </label>
        ))}
      </div>
      {online ? <p className="mt-2 text-xs text-stone-600">{t("payment.onlineRefunds")}</p> : null}
      {error ? (
        <p id="payment-error" className="mt-2 text-sm text-red-700">
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  )
}
