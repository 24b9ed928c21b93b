import { Form, Link, useNavigation } from "react-router"
import { FormAlert, FormField } from "../components/form-field"
import { CycleCountdown } from "../components/pickup"
import { refusalParams } from "../lib/checkout-refusal"
import { checkoutSchema } from "../lib/forms"
import { translator } from "../lib/i18n"
import { availabilityNotes } from "../lib/commerce"
import { formatFen } from "../lib/money"
import { routeHeaders } from "../lib/route-headers"
import { appSessions, getPickupApi } from "../lib/server/app.server"
import { checkoutAction, loadCheckoutPage } from "../lib/server/checkout.server"
import { getStoreClient } from "../lib/server/medusa.server"
import { useFormHints } from "../lib/use-form-hints"
import { langFromMatches, useT } from "../lib/use-i18n"
import type { Route } from "./+types/checkout"
import { LineList } from "../components/line-list"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = translator(langFromMatches(matches))
  return [{ title: `${t("checkout.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return loadCheckoutPage(getStoreClient(), appSessions, getPickupApi(), request)
}

export async function action({ request }: Route.ActionArgs) {
  return checkoutAction(getStoreClient(), appSessions, getPickupApi(), request)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function CheckoutPage({ loaderData, actionData }: Route.ComponentProps) {
  const { cart, compound, cycle, customer, now } = loaderData
  const t = useT()
  const navigation = useNavigation()
  const { errors, onBlur, onChange, onSubmit } = useFormHints(checkoutSchema, actionData?.errors)
  const values = actionData?.values
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST"
  const point = compound.point
  return (
    <section aria-labelledby="checkout-title" className="mx-auto max-w-xl">
      <h1 id="checkout-title" className="mb-3 text-xl font-bold">
        {t("checkout.title")}
      </h1>
      <Form method="post" noValidate onBlur={onBlur} onChange={onChange} onSubmit={onSubmit} className="space-y-5">
        {cycle ? <input type="hidden" name="cycleId" value={cycle.id} /> : null}
        {errors.form ? (
          <FormAlert>
            {errors.form === "checkout.failed"
              ? t("checkout.failed", { reason: actionData?.reason ?? "" })
              : t(errors.form, refusalParams(actionData?.refusal))}
          </FormAlert>
        ) : null}
        <fieldset className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <legend className="px-1 text-base font-semibold">{t("checkout.contact")}</legend>
          {customer ? (
            <p className="text-sm text-stone-700">{t("checkout.signedInAs", { email: customer.email })}</p>
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

        <section aria-labelledby="pickup-title" className="space-y-2 rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <h2 id="pickup-title" className="text-base font-semibold">
            {t("checkout.pickup")}
          </h2>
          <p className="text-sm">{t("checkout.pickupOption")}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-stone-600">{t("checkout.pickupAddress")}</dt>
            <dd>
              {point ? (
                <>
                  <span className="font-medium">{point.compoundName}</span> · {point.name}
                  <span className="block text-stone-700">{point.address}</span>
                  <Link to="/compound?redirectTo=%2Fcheckout" className="text-emerald-800 underline underline-offset-2">
                    {t("compound.change")}
                  </Link>
                </>
              ) : (
                <Placeholder />
              )}
            </dd>
            <dt className="text-stone-600">{t("checkout.pickupWindow")}</dt>
            <dd>{cycle ? <CycleCountdown cycles={[cycle]} now={now} /> : compound.cycles.length ? t("cycle.closed") : <Placeholder />}</dd>
          </dl>
          {cycle ? <p className="text-xs text-stone-600">{t("checkout.cycleFixed")}</p> : null}
          {availabilityNotes(compound.availability).map((key) => (
            <p key={key} role="note" className="rounded bg-amber-50 p-2 text-sm text-amber-950 ring-1 ring-amber-300">
              {t("availability.checkout", { reason: t(key) })}
            </p>
          ))}
          {!point || !compound.cycles.length ? <p className="text-xs text-stone-600">{t("checkout.pickupPending")}</p> : null}
        </section>

        <section aria-labelledby="payment-title" className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <h2 id="payment-title" className="text-base font-semibold">
            {t("checkout.payment")}
          </h2>
          <p className="mt-1 text-sm">{t("checkout.payAtPickup")}</p>
        </section>

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

function Placeholder() {
  const t = useT()
  return <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">{t("confirm.placeholder")}</span>
}
