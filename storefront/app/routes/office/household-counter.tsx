import { officeTranslator } from "../../lib/office/i18n"
import { formatFen } from "../../lib/money"
import { DataTable } from "../../components/office/data-table"
import { shanghaiDays } from "../../lib/office/format"
import { routeHeaders } from "../../lib/route-headers"
import { officeDeps } from "../../lib/server/office/context.server"
import { counterLoader } from "../../lib/server/office/farmers.server"
import { langFromMatches, useLang, useT } from "../../lib/use-i18n"
import type { Route } from "./+types/household-counter"

export const meta: Route.MetaFunction = ({ matches, data }) => {
  const t = officeTranslator(langFromMatches(matches))
  return [
    {
      title: `${t("office.household.counterTitle", { name: data?.household.displayName ?? "" })} · ${t("office.name")}`,
    },
  ]
}

export async function loader({ request, params }: Route.LoaderArgs) {
  return counterLoader(officeDeps(), request, params.id)
}

export const headers: Route.HeadersFunction = routeHeaders

const PRINT_CSS = `@page { size: A4; margin: 12mm; } @media print { body > div > header, body > div > footer, body > div > a, nav, .print-hidden { display: none !important; } body { background: #fff; } }`

export default function HouseholdCounterPage({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const { household, period, sold, accruedFen, earnedFen, statement } = loaderData
  const periodText = period.name ?? shanghaiDays(period.start, period.end, lang)
  return (
    <article aria-labelledby="counter-title" className="space-y-4 bg-white p-3">
      <style>{PRINT_CSS}</style>
      <h1 id="counter-title" className="text-xl font-bold">
        {t("office.household.counterTitle", { name: household.displayName })}
      </h1>
      <p className="text-sm text-stone-600">
        {household.code} · {t("office.household.period", { period: periodText })}
      </p>
      <dl className="grid grid-cols-2 gap-2">
        <div className="rounded-lg bg-stone-50 p-3">
          <dt className="text-sm text-stone-600">{t("office.household.earned")}</dt>
          <dd className="text-2xl font-bold">{formatFen(earnedFen)}</dd>
        </div>
        <div className="rounded-lg bg-stone-50 p-3">
          <dt className="text-sm text-stone-600">{t("office.household.accrued")}</dt>
          <dd className="text-2xl font-bold">{formatFen(accruedFen)}</dd>
        </div>
      </dl>
      <section aria-labelledby="sold-title">
        <h2 id="sold-title" className="font-semibold">
          {t("office.household.sold")}
        </h2>
        {sold.length === 0 ? (
          <p className="text-sm text-stone-600">{t("office.household.noSales")}</p>
        ) : (
          <DataTable
            className="mt-2"
            columns={[
              { label: t("office.col.product") },
              { label: t("office.col.quantity"), align: "right" },
              { label: t("office.col.amount"), align: "right" },
            ]}
          >
            {sold.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only table rendered once; rows never move
              <tr key={i} className="border-b border-stone-200">
                <td className="p-2">
                  {row.product} {row.variant ? `· ${row.variant}` : ""}
                </td>
                <td className="p-2 text-right">{row.quantity}</td>
                <td className="p-2 text-right">{formatFen(row.amountFen)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section aria-labelledby="statement-title">
        <h2 id="statement-title" className="font-semibold">
          {t("office.household.latestStatement")}
        </h2>
        {statement ? (
          <p className="text-sm">
            {shanghaiDays(statement.start, statement.end, lang)} · {formatFen(statement.totalFen)} ·{" "}
            {t(statement.paid ? "office.household.paid" : "office.household.unpaid")}
          </p>
        ) : (
          <p className="text-sm text-stone-600">{t("office.household.noStatement")}</p>
        )}
      </section>
      <p className="print-hidden">
        <button
          type="button"
          onClick={() => window.print()}
          className="min-h-12 rounded-xl bg-emerald-700 px-5 font-medium text-white"
        >
          {t("office.household.print")}
        </button>
      </p>
    </article>
  )
}
