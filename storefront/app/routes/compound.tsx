import { Form } from "react-router"
import { FormField, Notice } from "../components/form-field"
import { PointDetails } from "../components/pickup"
import { translator } from "../lib/i18n"
import { routeHeaders } from "../lib/route-headers"
import { appSessions, getPickupApi } from "../lib/server/app.server"
import { compoundAction, loadCompoundPage } from "../lib/server/compound.server"
import { langFromMatches, useT } from "../lib/use-i18n"
import type { Route } from "./+types/compound"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = translator(langFromMatches(matches))
  return [{ title: `${t("compound.title")} · ${t("site.name")}` }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return loadCompoundPage(getPickupApi(), request)
}

export async function action({ request }: Route.ActionArgs) {
  return compoundAction(request, { sessions: appSessions, pickup: getPickupApi() })
}

export const headers: Route.HeadersFunction = routeHeaders

export default function CompoundPage({ loaderData }: Route.ComponentProps) {
  const { q, error, points, chosenId, notice, redirectTo } = loaderData
  const t = useT()
  return (
    <section aria-labelledby="compound-title" className="mx-auto max-w-xl space-y-4">
      <h1 id="compound-title" className="text-xl font-bold">
        {t("compound.title")}
      </h1>
      {notice ? <Notice>{t(notice)}</Notice> : null}
      {redirectTo === "/checkout" ? (
        <p className="rounded-xl bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-amber-200">
          {t("compound.forCheckout")}
        </p>
      ) : null}
      <>
        <Form method="get" role="search" className="flex items-end gap-2">
          {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
          <FormField
            name="q"
            label={t("compound.search")}
            type="search"
            defaultValue={q}
            maxLength={60}
            error={error}
            className="flex-1"
          />
          <button
            type="submit"
            className="min-h-11 shrink-0 whitespace-nowrap rounded-full bg-emerald-700 px-4 text-white hover:bg-emerald-800"
          >
            {t("compound.searchSubmit")}
          </button>
        </Form>
        {points.length === 0 ? (
          <p className="text-sm text-stone-600">{t("compound.none")}</p>
        ) : (
          <ul className="space-y-3">
            {points.map((p) => (
              <li key={p.id}>
                <article aria-labelledby={`point-${p.id}`} className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
                  <h2 id={`point-${p.id}`} className="flex flex-wrap items-center gap-2 text-base font-semibold">
                    {p.compoundName}
                    {p.id === chosenId ? (
                      <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-normal text-emerald-900">
                        {t("compound.picked")}
                      </span>
                    ) : null}
                  </h2>
                  <PointDetails point={p} />
                  <Form method="post" className="mt-3">
                    <input type="hidden" name="pickupPointId" value={p.id} />
                    {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
                    <button
                      type="submit"
                      aria-pressed={p.id === chosenId}
                      aria-label={`${t("compound.pick")}：${p.compoundName}`}
                      className="min-h-11 w-full whitespace-nowrap rounded-full border border-emerald-700 px-4 text-sm font-medium text-emerald-800 hover:bg-emerald-50 sm:w-auto"
                    >
                      {t("compound.pick")}
                    </button>
                  </Form>
                </article>
              </li>
            ))}
          </ul>
        )}
      </>
    </section>
  )
}
