import { useEffect, useRef, useState } from "react"
import { Form, Link, useNavigation, useRevalidator } from "react-router"
import { FormAlert } from "../components/form-field"
import { translator } from "../lib/i18n"
import { formatFen } from "../lib/money"
import { FAILURE_REASON, METHOD_LABEL } from "../lib/payments"
import { routeHeaders } from "../lib/route-headers"
import { appSessions, getPickupApi } from "../lib/server/app.server"
import { getEnv } from "../lib/server/env.server"
import { getStoreClient } from "../lib/server/medusa.server"
import { loadPayPage, payAction } from "../lib/server/payment.server"
import { qrDataUrl } from "../lib/server/qr.server"
import { langFromMatches, useLang, useT } from "../lib/use-i18n"
import { useStripeJs, type StripeJs } from "../lib/use-stripe"
import type { Route } from "./+types/checkout-pay"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = translator(langFromMatches(matches))
  return [{ title: `${t("pay.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }]
}

/** Completes the order once paid (then the confirmation), else shows how to pay or why it failed. */
export async function loader({ request }: Route.LoaderArgs) {
  return loadPayPage(getStoreClient(), appSessions, getPickupApi(), request, qrDataUrl, getEnv().stripePublishableKey)
}

/** Pay again (a new QR / intent), or switch to pay at pickup and place the order. */
export async function action({ request }: Route.ActionArgs) {
  return payAction(getStoreClient(), appSessions, getPickupApi(), request)
}

export const headers: Route.HeadersFunction = routeHeaders

/** How often the page asks again while the resident pays on their phone. */
const POLL_MS = 3000

export default function PayPage({ loaderData }: Route.ComponentProps) {
  const { view, qr, stripeKey, returnUrl } = loaderData
  const t = useT()
  const waitingForWallet = view.state === "waiting" && view.method !== "card"
  usePolling(waitingForWallet)
  const method = view.method ? t(METHOD_LABEL[view.method]) : ""
  return (
    <section aria-labelledby="pay-title" className="mx-auto max-w-xl space-y-4">
      {waitingForWallet ? (
        // Without JavaScript the page asks again by itself; with it, usePolling does (no full reloads).
        // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant meta tag, no resident input in it
        <noscript dangerouslySetInnerHTML={{ __html: `<meta http-equiv="refresh" content="${POLL_MS / 1000 + 2}">` }} />
      ) : null}
      <h1 id="pay-title" className="text-xl font-bold">
        {t("pay.title")} · {method}
      </h1>
      <p className="flex items-baseline justify-between rounded-xl bg-white p-4 text-lg ring-1 ring-stone-200">
        <span>{t("pay.amount")}</span>
        <span className="font-bold text-red-700">{formatFen(view.totalFen)}</span>
      </p>

      {view.state === "failed" || view.state === "canceled" ? (
        <FormAlert>
          {view.state === "failed"
            ? t("pay.failed", {
                reason:
                  view.reasonCode && FAILURE_REASON[view.reasonCode]
                    ? t(FAILURE_REASON[view.reasonCode]!)
                    : (view.reason ?? t("pay.failedGeneric")),
              })
            : t("pay.canceled")}
        </FormAlert>
      ) : null}

      {view.state === "waiting" && view.method === "wechat_pay" && qr ? (
        <div className="space-y-3 rounded-xl bg-white p-4 text-center ring-1 ring-stone-200">
          <p className="font-medium">{t("pay.wechat.scan")}</p>
          <img src={qr} alt={t("pay.wechat.qrAlt")} width={224} height={224} className="mx-auto size-56" />
          <p className="text-sm text-stone-700" role="status">
            {t("pay.wechat.waiting")}
          </p>
        </div>
      ) : null}

      {view.state === "waiting" && view.method === "alipay" && view.redirectUrl ? (
        <div className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <a
            href={view.redirectUrl}
            className="flex min-h-12 w-full items-center justify-center rounded-full bg-sky-700 font-medium text-white hover:bg-sky-800"
          >
            {t("pay.alipay.go")}
          </a>
          <p className="text-sm text-stone-700" role="status">
            {t("pay.alipay.waiting")}
          </p>
        </div>
      ) : null}

      {view.state === "waiting" && view.method === "card" && view.clientSecret ? (
        <CardForm stripeKey={stripeKey} clientSecret={view.clientSecret} returnUrl={returnUrl} />
      ) : null}

      {waitingForWallet ? (
        <Link
          to="/checkout/pay"
          reloadDocument
          className="block text-center text-sm text-emerald-800 underline underline-offset-2"
        >
          {t("pay.refresh")}
        </Link>
      ) : null}

      <div className="space-y-2">
        {view.state !== "waiting" ? <PayAction intent="retry" label={t("pay.retry")} primary /> : null}
        <PayAction intent="pickup" label={t("pay.switchToPickup")} />
        <Link to="/checkout" className="block text-center text-sm text-stone-700 underline underline-offset-2">
          {t("pay.back")}
        </Link>
      </div>
    </section>
  )
}

function PayAction({
  intent,
  label,
  primary = false,
}: {
  intent: "retry" | "pickup"
  label: string
  primary?: boolean
}) {
  const navigation = useNavigation()
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST"
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <button
        type="submit"
        disabled={busy}
        className={`flex min-h-12 w-full items-center justify-center rounded-full font-medium disabled:opacity-70 ${
          primary
            ? "bg-emerald-700 text-white hover:bg-emerald-800"
            : "bg-white text-emerald-800 ring-1 ring-emerald-700 hover:bg-emerald-50"
        }`}
      >
        {label}
      </button>
    </Form>
  )
}

/** Re-runs the loader every few seconds while the resident pays elsewhere; it redirects once the order exists. */
function usePolling(active: boolean) {
  const revalidator = useRevalidator()
  const ref = useRef(revalidator)
  ref.current = revalidator
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => {
      if (ref.current.state === "idle" && document.visibilityState !== "hidden") void ref.current.revalidate()
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [active])
}

/** Stripe's Payment Element, when Stripe.js loads; otherwise a clear note (the actions below still work). */
function CardForm({
  stripeKey,
  clientSecret,
  returnUrl,
}: {
  stripeKey: string | null
  clientSecret: string
  returnUrl: string
}) {
  const t = useT()
  const lang = useLang()
  const stripe = useStripeJs(stripeKey)
  const mountRef = useRef<HTMLDivElement>(null)
  const [elements, setElements] = useState<ReturnType<StripeJs["elements"]> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (stripe.status !== "ready" || !stripe.stripe || !mountRef.current) return
    const els = stripe.stripe.elements({ clientSecret, locale: lang === "en" ? "en" : "zh" })
    const element = els.create("payment")
    element.mount(mountRef.current)
    setElements(els)
    return () => element.destroy()
  }, [stripe, clientSecret, lang])

  if (stripe.status === "off" || stripe.status === "unavailable") {
    return <FormAlert>{t("pay.card.unavailable")}</FormAlert>
  }
  return (
    <form
      className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200"
      onSubmit={async (event) => {
        event.preventDefault()
        if (!stripe.stripe || !elements) return
        setBusy(true)
        // On success Stripe sends the browser to returnUrl (this page), which then places the order.
        const result = await stripe.stripe.confirmPayment({ elements, confirmParams: { return_url: returnUrl } })
        setBusy(false)
        if (result.error) setError(result.error.message ?? t("pay.failedGeneric"))
      }}
    >
      <h2 className="text-base font-semibold">{t("pay.card.title")}</h2>
      {stripe.status === "loading" ? <p className="text-sm text-stone-600">{t("pay.card.loading")}</p> : null}
      <div ref={mountRef} />
      {error ? <FormAlert>{error}</FormAlert> : null}
      <button
        type="submit"
        disabled={busy || !elements}
        className="flex min-h-12 w-full items-center justify-center rounded-full bg-emerald-700 font-medium text-white hover:bg-emerald-800 disabled:opacity-70"
      >
        {t("pay.card.submit")}
      </button>
    </form>
  )
}
