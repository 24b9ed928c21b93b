import { Link } from "react-router"
import { batchStatusKey, shanghaiDateTime, shanghaiWindow } from "../../lib/office/format"
import { routeHeaders } from "../../lib/route-headers"
import { officeDeps } from "../../lib/server/office/context.server"
import { todayLoader } from "../../lib/server/office/pickups.server"
import { officeTranslator } from "../../lib/office/i18n"
import { langFromMatches, useLang, useT } from "../../lib/use-i18n"
import type { Route } from "./+types/today"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = officeTranslator(langFromMatches(matches))
  return [{ title: `${t("office.today.title")} · ${t("office.name")}` }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return todayLoader(officeDeps(), request)
}

export const headers: Route.HeadersFunction = routeHeaders

const COUNT_KEYS = ["placed", "ready", "collected", "uncollected", "canceled"] as const

export default function TodayPage({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const { point, batches, uncollectedPending } = loaderData
  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title" className="text-xl font-bold">
        {t("office.today.title")} · {point.compoundName}
      </h1>
      {uncollectedPending ? (
        <p className="mt-3">
          <Link
            to="/office/uncollected"
            className="inline-flex min-h-11 items-center rounded-xl bg-amber-50 px-4 text-amber-900 ring-1 ring-amber-200"
          >
            {t("office.today.uncollectedPending", { count: uncollectedPending })}
          </Link>
        </p>
      ) : null}
      {batches.length === 0 ? <p className="mt-4 text-stone-600">{t("office.today.none")}</p> : null}
      <ul className="mt-4 space-y-4">
        {batches.map((batch) => (
          <li key={batch.id}>
            <article aria-labelledby={`batch-${batch.id}`} className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
              <h2 id={`batch-${batch.id}`} className="font-semibold">
                {batch.cycle
                  ? t("office.today.cycle", {
                      window: shanghaiWindow(batch.cycle.pickupStartAt, batch.cycle.pickupEndAt, lang),
                    })
                  : t("office.today.batch", { id: batch.id })}
              </h2>
              <p className="mt-1 text-sm text-stone-700">
                {t("office.batch.status", { status: t(batchStatusKey(batch.status)) })} ·{" "}
                {batch.arrivedAt
                  ? t("office.today.arrived", { time: shanghaiDateTime(batch.arrivedAt, lang) })
                  : t("office.today.notArrived")}
              </p>
              {batch.cycle.residentCutoffAt ? (
                <p className="text-sm text-stone-600">
                  {t("office.today.cutoff", { time: shanghaiDateTime(batch.cycle.residentCutoffAt, lang) })}
                </p>
              ) : null}
              <dl className="mt-3 grid grid-cols-5 gap-1 text-center">
                {COUNT_KEYS.map((key) => (
                  <div key={key} className="rounded-lg bg-stone-50 p-2">
                    <dt className="text-xs text-stone-600">{t(`office.count.${key}`)}</dt>
                    <dd className="text-lg font-semibold">{batch.counts[key]}</dd>
                  </div>
                ))}
              </dl>
              {batch.shortLines ? (
                <p className="mt-2 text-sm text-red-800">{t("office.today.shortLines", { count: batch.shortLines })}</p>
              ) : null}
              <p className="mt-3">
                <Link
                  to={`/office/batches/${batch.id}`}
                  className="inline-flex min-h-12 items-center rounded-xl bg-emerald-700 px-5 font-medium text-white hover:bg-emerald-800"
                >
                  {t("office.today.open")}
                </Link>
              </p>
            </article>
          </li>
        ))}
      </ul>
    </section>
  )
}
