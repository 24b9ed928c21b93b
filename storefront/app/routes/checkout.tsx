import { useEffect, useRef, useState } from "react"
import { Form, Link, useNavigation } from "react-router"
import { FormAlert, FormField } from "../components/form-field"
import { CycleCountdown, PointDetails } from "../components/pickup"
import { reasonInLanguage, refusalBody, refusalTitle, type CycleRefusal } from "../lib/checkout-refusal"
import { checkoutSchema } from "../lib/forms"
import { translator, type Lang, type MessageKey } from "../lib/i18n"
import { availabilityNotes, formatDateTime, formatWindow, type CycleView } from "../lib/commerce"
import { formatFen } from "../lib/money"
import { routeHeaders } from "../lib/route-headers"
import { appSessions, getPickupApi } from "../lib/server/app.server"
import { checkoutAction, loadCheckoutPage } from "../lib/server/checkout.server"
import { getStoreClient } from "../lib/server/medusa.server"
import { getEnv } from "../lib/server/env.server"
import { useFormHints } from "../lib/use-form-hints"
import { langFromMatches, useLang, useT } from "../lib/use-i18n"
import type { Route } from "./+types/checkout"
import { LineList } from "../components/line-list"
import { PaymentChoice } from "../components/payment-choice"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = translator(langFromMatches(matches))
  return [{ title: `${t("checkout.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return loadCheckoutPage(getStoreClient(), appSessions, getPickupApi(), request, {
    stripeKey: getEnv().stripePublishableKey,
  })
}

export async function action({ request }: Route.ActionArgs) {
  return checkoutAction(getStoreClient(), appSessions, getPickupApi(), request)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function CheckoutPage({ loaderData, actionData }: Route.ComponentProps) {
  const { cart, compound, cycles, customer, now } = loaderData
  const t = useT()
  const lang = useLang()
  const navigation = useNavigation()
  const { errors, onBlur, onChange, onSubmit } = useFormHints(checkoutSchema, actionData?.errors)
  const values = actionData?.values
  const refusal = actionData?.refusal ?? null
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST"
  const point = compound.point
  // After a refusal nothing is preselected: the next cycle is taken only by tapping the offer (or choosing one below).
  const refusedId = refusal?.refusedId ?? refusal?.refused?.id ?? null
  const offered = refusal ? cycles.filter((c) => c.id !== refusedId) : cycles
  // The cycles this page has shown: a refusal names the chosen one by its window even when the server no longer lists it.
  const shown = useRef(new Map<string, CycleView>())
  for (const c of cycles) shown.current.set(c.id, c)
  const [chosenId, setChosenId] = useState<string | null>(refusal ? null : (offered[0]?.id ?? null))
  useEffect(() => setChosenId(refusal ? null : (offered[0]?.id ?? null)), [refusal, offered[0]?.id])
  const chosen = offered.find((c) => c.id === chosenId) ?? null
  const notes =
    compound.availability?.cycleId && chosen && compound.availability.cycleId !== chosen.id
      ? []
      : availabilityNotes(compound.availability)
  return (
    <section aria-labelledby="checkout-title" className="mx-auto max-w-xl">
      <h1 id="checkout-title" className="mb-3 text-xl font-bold">
        {t("checkout.title")}
      </h1>
      <Form method="post" noValidate onBlur={onBlur} onChange={onChange} onSubmit={onSubmit} className="space-y-5">
        {refusal ? (
          <CycleRefusalAlert
            refusal={refusal}
            refused={refusal.refused ?? (refusedId ? shown.current.get(refusedId) : undefined) ?? null}
            busy={busy}
          />
        ) : errors.form ? (
          <FormAlert>{formError(t, errors.form, actionData?.reason, lang, actionData?.params)}</FormAlert>
        ) : null}
        <fieldset className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <legend className="px-1 text-base font-semibold">{t("checkout.contact")}</legend>
          {customer ? (
            <p className="text-sm text-stone-700">
              {t("checkout.signedInAs", { email: customer.email ?? customer.phone ?? "" })}
            </p>
          ) : (
            <p className="text-sm text-stone-700">
              {t("checkout.guestHint")}{" "}
              <Link to="/account/login?redirectTo=/checkout" className="text-emerald-800 underline underline-offset-2">
                {t("checkout.login")}
              </Link>
            </p>
          )}
          <p className="text-xs text-stone-600">{t("checkout.contactHint")}</p>
          <FormField
            name="name"
            label={t("checkout.name")}
            autoComplete="name"
            maxLength={40}
            defaultValue={values?.name ?? customer?.name ?? ""}
            error={errors.name}
            required
          />
          <FormField
            name="mobile"
            label={t("checkout.mobile")}
            type="tel"
            inputMode="tel"
            autoComplete="tel-national"
            maxLength={20}
            defaultValue={values?.mobile ?? ""}
            hint={t("checkout.mobileHint")}
            error={errors.mobile}
            required
          />
          {customer ? null : (
            <FormField
              name="email"
              label={t("checkout.email")}
              type="email"
              autoComplete="email"
              maxLength={300}
              defaultValue={values?.email ?? ""}
              hint={t("checkout.emailHint")}
              error={errors.email}
            />
          )}
        </fieldset>

        <section aria-labelledby="pickup-title" className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <h2 id="pickup-title" className="text-base font-semibold">
            {t("checkout.pickup")}
          </h2>
          <p className="text-sm">{t("checkout.pickupOption")}</p>
          <div className="text-sm">
            <p className="text-stone-600">{t("checkout.pickupAddress")}</p>
            {point ? (
              <>
                <p className="font-medium">{point.compoundName}</p>
                <PointDetails point={point} />
                <Link to="/compound?redirectTo=%2Fcheckout" className="text-emerald-800 underline underline-offset-2">
                  {t("compound.change")}
                </Link>
              </>
            ) : (
              <Placeholder />
            )}
          </div>
          {offered.length > 0 ? (
            <CycleChoice cycles={offered} chosenId={chosenId} onChoose={setChosenId} error={errors.cycleId} />
          ) : (
            <div className="text-sm">
              <p className="text-stone-600">{t("checkout.pickupWindow")}</p>
              {compound.cycles.length ? <p>{t("cycle.closed")}</p> : <Placeholder />}
            </div>
          )}
          {chosen ? <CycleCountdown cycles={[chosen]} now={now} showWindow={false} /> : null}
          {chosen ? <p className="text-xs text-stone-600">{t("checkout.cycleFixed")}</p> : null}
          {notes.map((key) => (
            <p key={key} role="note" className="rounded bg-amber-50 p-2 text-sm text-amber-950 ring-1 ring-amber-300">
              {t("availability.checkout", { reason: t(key) })}
            </p>
          ))}
          {!point || !compound.cycles.length ? (
            <p className="text-xs text-stone-600">{t("checkout.pickupPending")}</p>
          ) : null}
        </section>

        <PaymentChoice
          methods={loaderData.payment.methods}
          stripeKey={loaderData.payment.stripeKey}
          defaultValue={values?.payment}
          error={errors.payment}
        />

        <section aria-labelledby="items-title" className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <h2 id="items-title" className="text-base font-semibold">
            {t("checkout.items")}
          </h2>
          <LineList lines={cart.lines} />
          <p className="mt-3 flex items-baseline justify-between border-t border-stone-200 pt-2 text-lg">
            <span>{t("checkout.total")}</span>
            <span className="font-bold text-red-700">{formatFen(cart.totalFen)}</span>
          </p>
        </section>

        <button
          type="submit"
          disabled={busy}
          className="flex min-h-12 w-full items-center justify-center rounded-full bg-emerald-700 font-medium text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700 disabled:opacity-70"
        >
          {busy ? t("checkout.submitting") : t("checkout.submit")}
        </button>
      </Form>
    </section>
  )
}

/** A form-level failure in the resident's language: the backend's own words only when it has them in that language. */
function formError(
  t: ReturnType<typeof useT>,
  key: MessageKey,
  reason: string | undefined,
  lang: Lang,
  params?: Record<string, string>
): string {
  if (key !== "checkout.failed") return t(key, params)
  const said = reasonInLanguage(reason, lang)
  return said ? t("checkout.failed", { reason: said.replace(/[。.]$/, "") }) : t("checkout.failedGeneric")
}

/** The cycles open for orders, the next one preselected; each says when to collect and until when to order. */
function CycleChoice({
  cycles,
  chosenId,
  onChoose,
  error,
}: {
  cycles: CycleView[]
  chosenId: string | null
  onChoose: (id: string) => void
  error?: MessageKey
}) {
  const t = useT()
  const lang = useLang()
  return (
    <fieldset aria-describedby={error ? "cycle-error" : undefined} aria-invalid={error ? true : undefined}>
      <legend className="text-sm text-stone-600">{t("checkout.cycle.legend")}</legend>
      <div className="mt-1 space-y-2">
        {cycles.map((c) => (
          <label
            key={c.id}
            className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg bg-white p-3 ring-1 ring-stone-300 has-[:checked]:ring-2 has-[:checked]:ring-emerald-700"
          >
            <input
              type="radio"
              name="cycleId"
              value={c.id}
              checked={chosenId === c.id}
              onChange={() => onChoose(c.id)}
              className="mt-1"
            />
            <span>
              <span className="block font-medium">
                {t("checkout.cycle.option", { window: formatWindow(c.pickupStartsAt, c.pickupEndsAt, lang) })}
              </span>
              <span className="block text-xs text-stone-600">
                {t("checkout.cycle.orderBy", { time: formatDateTime(c.cutoffAt, lang) })}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id="cycle-error" className="mt-1 text-sm text-red-700">
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  )
}

/**
 * The chosen cycle closed while the resident checked out: said first, with
 * focus, in their language, and the next open cycle one tap away. The form's
 * fields keep what was typed, so nothing is entered twice.
 */
function CycleRefusalAlert({
  refusal,
  refused,
  busy,
}: {
  refusal: CycleRefusal
  refused: CycleView | null
  busy: boolean
}) {
  const t = useT()
  const lang = useLang()
  const ref = useRef<HTMLDivElement>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: every new refusal (a new answer object) takes the focus again
  useEffect(() => {
    ref.current?.focus()
    ref.current?.scrollIntoView({ block: "start" })
  }, [refusal])
  const cycle = refused
    ? t("checkout.refused.cycle", { window: formatWindow(refused.pickupStartsAt, refused.pickupEndsAt, lang) })
    : t("checkout.refused.thisCycle")
  const body = t(refusalBody(refusal.kind), { cycle })
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="refusal-title"
      className="space-y-3 rounded-xl bg-red-50 p-4 text-red-950 ring-1 ring-red-200 focus:outline-2 focus:outline-offset-2 focus:outline-red-700"
    >
      <h2 id="refusal-title" className="text-base font-semibold">
        {t(refusalTitle(refusal.kind))}
      </h2>
      <p className="text-sm">
        {lang === "en" ? body.charAt(0).toUpperCase() + body.slice(1) : body}
        {lang === "en" ? " " : ""}
        {t("checkout.refused.kept")}
      </p>
      {refusal.next ? (
        <button
          type="submit"
          name="nextCycleId"
          value={refusal.next.id}
          disabled={busy}
          className="flex min-h-12 w-full items-center justify-center rounded-full bg-emerald-700 px-4 text-center font-medium text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700 disabled:opacity-70"
        >
          {t("checkout.refused.switch", {
            window: formatWindow(refusal.next.pickupStartsAt, refusal.next.pickupEndsAt, lang),
          })}
        </button>
      ) : (
        <p className="text-sm">
          {t("checkout.refused.none")}{" "}
          <Link to="/cart" className="font-medium underline underline-offset-2">
            {t("error.cutoff.action")}
          </Link>
        </p>
      )}
    </div>
  )
}

function Placeholder() {
  const t = useT()
  return <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">{t("confirm.placeholder")}</span>
}
