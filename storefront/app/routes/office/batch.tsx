import { Form, Link } from "react-router"
import { FormAlert, Notice } from "../../components/form-field"
import { ManifestTables } from "../../components/office/manifest-tables"
import { SubmitButton } from "../../components/office/submit-button"
import { officeTranslator } from "../../lib/office/i18n"
import { formatFen } from "../../lib/money"
import { batchStatusKey } from "../../lib/office/format"
import { checkInSchema } from "../../lib/office/schemas"
import { routeHeaders } from "../../lib/route-headers"
import { officeDeps } from "../../lib/server/office/context.server"
import { batchAction, batchLoader } from "../../lib/server/office/pickups.server"
import { useFormHints } from "../../lib/use-form-hints"
import { langFromMatches, useT } from "../../lib/use-i18n"
import type { Route } from "./+types/batch"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = officeTranslator(langFromMatches(matches))
  return [{ title: `${t("office.batch.title")} · ${t("office.name")}` }]
}

export async function loader({ request, params }: Route.LoaderArgs) {
  return batchLoader(officeDeps(), request, params.id)
}

export async function action({ request, params }: Route.ActionArgs) {
  return batchAction(officeDeps(), request, params.id)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function BatchPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const { batch, checkIn, pickup, harvest, notice, checkInResult: result } = loaderData
  const schema = checkInSchema(checkIn)
  const failed = actionData
  const { errors, onBlur, onChange, onSubmit } = useFormHints(schema, failed?.errors)
  const canArrive = batch.status === "open" || batch.status === "harvest_frozen"
  const canCheckIn = batch.status === "arrived" && !result
  return (
    <section aria-labelledby="batch-title" className="space-y-5">
      <div>
        <h1 id="batch-title" className="text-xl font-bold">
          {t("office.batch.title")}
        </h1>
        <p className="text-sm text-stone-700">
          {t("office.batch.status", { status: t(batchStatusKey(batch.status)) })}
        </p>
      </div>
      {notice === "arrived" && canCheckIn ? <Notice>{t("office.batch.arrived")}</Notice> : null}
      {failed?.problem ? <FormAlert>{t(failed.problem)}</FormAlert> : null}

      {canArrive ? (
        <Form method="post" className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <p className="mb-3 text-sm text-stone-700">{t("office.batch.notYet")}</p>
          {batch.status === "open" ? (
            // Marking an open batch arrived closes its cycle to residents (the pickup module refuses new orders for
            // an arrived batch); say so before the tap, not after.
            <p role="note" className="mb-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
              {t("office.batch.stillOrdering")}
            </p>
          ) : null}
          <SubmitButton intent="arrive">{t("office.batch.arrive")}</SubmitButton>
        </Form>
      ) : null}

      {canCheckIn ? (
        <Form
          method="post"
          noValidate
          onBlur={onBlur}
          onChange={onChange}
          onSubmit={onSubmit}
          aria-labelledby="check-in-title"
          className="rounded-xl bg-white p-4 ring-1 ring-stone-200"
        >
          <h2 id="check-in-title" className="font-semibold">
            {t("office.batch.actual")}
          </h2>
          <p className="mt-1 text-sm text-stone-600">{t("office.batch.checkInIntro")}</p>
          <ul className="mt-3 divide-y divide-stone-100">
            {checkIn.map((row) => {
              const name = `actual_${row.variant_id}`
              const error = errors[name]
              return (
                <li key={row.variant_id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div className="min-w-0">
                    <p className="font-medium">{row.title}</p>
                    <p className="text-sm text-stone-600">
                      {t("office.batch.expected")} {row.expected}
                    </p>
                  </div>
                  <div className="w-28">
                    <label htmlFor={name} className="sr-only">
                      {t("office.batch.actualLabel", { title: row.title })}
                    </label>
                    <input
                      id={name}
                      name={name}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={row.expected}
                      defaultValue={failed?.values?.[name] ?? String(row.expected)}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${name}-error` : undefined}
                      className={`block min-h-12 w-full rounded-lg border bg-white px-3 text-right text-lg ${error ? "border-red-600" : "border-stone-300"}`}
                    />
                    {error ? (
                      <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
                        {t(error)}
                      </p>
                    ) : null}
                  </div>
                </li>
              )
            })}
          </ul>
          <input type="hidden" name="intent" value="check-in" />
          <SubmitButton className="mt-3">{t("office.batch.submit")}</SubmitButton>
        </Form>
      ) : null}

      {result ? (
        <section
          aria-labelledby="check-in-result"
          role="status"
          className="rounded-xl bg-emerald-50 p-4 ring-1 ring-emerald-200"
        >
          <h2 id="check-in-result" className="font-semibold text-emerald-900">
            {t("office.batch.done", { ready: result.readyCount })}
          </h2>
          {result.shortages.length ? (
            <>
              <h3 className="mt-2 text-sm font-medium">{t("office.batch.refunds")}</h3>
              <ul className="mt-1 list-disc pl-5 text-sm">
                {result.shortages.map((s) => (
                  <li key={`${s.orderId}-${s.lineItemId}`}>
                    {t("office.batch.refund", {
                      order: s.orderId.slice(-6),
                      count: s.shortQuantity,
                      amount: formatFen(s.refundFen),
                    })}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mt-1 text-sm">{t("office.batch.noShortage")}</p>
          )}
        </section>
      ) : null}

      <nav aria-label={t("office.batch.print")} className="grid grid-cols-2 gap-2">
        <Link
          to={`/office/batches/${batch.id}/print?kind=pickup`}
          className="flex min-h-12 items-center justify-center rounded-xl bg-white text-center text-sm ring-1 ring-stone-300"
        >
          {t("office.batch.print")} {t("office.batch.pickupList")}
        </Link>
        <Link
          to={`/office/batches/${batch.id}/print?kind=harvest`}
          className="flex min-h-12 items-center justify-center rounded-xl bg-white text-center text-sm ring-1 ring-stone-300"
        >
          {t("office.batch.print")} {t("office.batch.harvestList")}
        </Link>
        <a
          href={`/office/batches/${batch.id}/csv?kind=pickup`}
          download
          className="flex min-h-12 items-center justify-center rounded-xl bg-white text-center text-sm ring-1 ring-stone-300"
        >
          {t("office.batch.pickupList")} {t("office.batch.csv")}
        </a>
        <a
          href={`/office/batches/${batch.id}/csv?kind=harvest`}
          download
          className="flex min-h-12 items-center justify-center rounded-xl bg-white text-center text-sm ring-1 ring-stone-300"
        >
          {t("office.batch.harvestList")} {t("office.batch.csv")}
        </a>
      </nav>

      <ManifestTables pickup={pickup} harvest={harvest} />
    </section>
  )
}
