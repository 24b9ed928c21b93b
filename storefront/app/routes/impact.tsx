import { translator } from "../lib/i18n"
import { formatFen } from "../lib/money"
import { routeHeaders } from "../lib/route-headers"
import { getStoreClient } from "../lib/server/medusa.server"
import { loadImpactPage } from "../lib/server/pages.server"
import { langFromMatches, useT } from "../lib/use-i18n"
import type { Route } from "./+types/impact"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = translator(langFromMatches(matches))
  return [{ title: `${t("impact.title")} · ${t("site.name")}` }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return loadImpactPage(getStoreClient(), request)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function ImpactPage({ loaderData }: Route.ComponentProps) {
  const { impact } = loaderData
  const t = useT()
  return (
    <section aria-labelledby="impact-title" className="mx-auto max-w-2xl space-y-4">
      <h1 id="impact-title" className="text-2xl font-bold">
        {t("impact.title")}
      </h1>
      {!impact ? (
        <p className="rounded-xl bg-white p-4 text-stone-700 ring-1 ring-stone-200">{t("impact.unavailable")}</p>
      ) : (
        <>
          <p className="text-sm text-stone-700">{t("impact.intro", { min: impact.minimum })}</p>
          {impact.suppressed ? (
            <p className="rounded-xl bg-white p-4 text-stone-700 ring-1 ring-stone-200">
              {t("impact.suppressed", { min: impact.minimum })}
            </p>
          ) : (
            <>
              <dl className="grid grid-cols-2 gap-3">
                {[
                  ["impact.households", String(impact.households)],
                  ["impact.villages", String(impact.villages)],
                  ["impact.earned", formatFen(impact.earnedFen)],
                  ["impact.paid", formatFen(impact.paidFen)],
                ].map(([label, value]) => (
                  <div key={label} className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
                    <dt className="text-sm text-stone-600">{t(label as Parameters<typeof t>[0])}</dt>
                    <dd className="mt-1 text-2xl font-bold text-emerald-800">{value}</dd>
                  </div>
                ))}
              </dl>
              {impact.groups.length > 0 || impact.other ? (
                <section aria-labelledby="by-village-title">
                  <h2 id="by-village-title" className="mb-2 text-lg font-semibold">
                    {t("impact.byVillage")}
                  </h2>
                  <table className="w-full rounded-xl bg-white text-sm ring-1 ring-stone-200">
                    <thead>
                      <tr className="text-left text-stone-600">
                        <th scope="col" className="p-2">
                          {t("village.region")}
                        </th>
                        <th scope="col" className="p-2 text-right">
                          {t("impact.households")}
                        </th>
                        <th scope="col" className="p-2 text-right">
                          {t("impact.earned")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {impact.groups.map((g) => (
                        <tr key={g.key} className="border-t border-stone-200">
                          <th scope="row" className="p-2 text-left font-normal">
                            {g.key}
                          </th>
                          <td className="p-2 text-right tabular-nums">{g.households}</td>
                          <td className="p-2 text-right tabular-nums">{formatFen(g.earnedFen)}</td>
                        </tr>
                      ))}
                      {impact.other ? (
                        <tr className="border-t border-stone-200">
                          <th scope="row" className="p-2 text-left font-normal">
                            {t("impact.other")}
                          </th>
                          <td className="p-2 text-right tabular-nums">{impact.other.households}</td>
                          <td className="p-2 text-right tabular-nums">{formatFen(impact.other.earnedFen)}</td>
                        </tr>
                      ) : null}
                    </tbody>
                  </table>
                </section>
              ) : null}
            </>
          )}
        </>
      )}
    </section>
  )
}
