import { Form, Link } from "react-router"
import { Notice } from "../../components/form-field"
import { officeTranslator } from "../../lib/office/i18n"
import { routeHeaders } from "../../lib/route-headers"
import { officeDeps } from "../../lib/server/office/context.server"
import { householdsLoader } from "../../lib/server/office/farmers.server"
import { langFromMatches, useT } from "../../lib/use-i18n"
import type { Route } from "./+types/households"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = officeTranslator(langFromMatches(matches))
  return [{ title: `${t("office.households.title")} · ${t("office.name")}` }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return householdsLoader(officeDeps(), request)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function HouseholdsPage({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const { households, q, notice } = loaderData
  return (
    <section aria-labelledby="households-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="households-title" className="text-xl font-bold">
          {t("office.households.title")}
        </h1>
        <Link
          to="/office/households/new"
          className="inline-flex min-h-12 items-center rounded-xl bg-emerald-700 px-5 font-medium text-white"
        >
          {t("office.households.new")}
        </Link>
      </div>
      {notice ? <Notice>{t("office.household.created")}</Notice> : null}
      <Form method="get" role="search" className="flex gap-2">
        <label htmlFor="household-q" className="sr-only">
          {t("office.households.search")}
        </label>
        <input
          id="household-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={t("office.households.search")}
          className="min-h-12 flex-1 rounded-lg border border-stone-300 px-3"
        />
        <button type="submit" className="min-h-12 rounded-xl border border-stone-300 bg-white px-4">
          {t("office.households.searchSubmit")}
        </button>
      </Form>
      {households.length === 0 ? <p className="text-stone-600">{t("office.households.none")}</p> : null}
      <ul className="space-y-2">
        {households.map((h) => (
          <li
            key={h.id}
            className="flex flex-wrap items-center justify-between gap-2 rounded-xl bg-white p-4 ring-1 ring-stone-200"
          >
            <div>
              <p className="font-medium">{h.displayName}</p>
              <p className="text-sm text-stone-600">
                {h.code} {h.village ? `· ${h.village}` : ""}
              </p>
            </div>
            <div className="flex gap-2">
              <Link
                to={`/office/households/${h.id}`}
                className="inline-flex min-h-11 items-center rounded-xl border border-stone-300 px-3 text-sm"
              >
                {t("office.households.view")}
              </Link>
              <Link
                to={`/office/listings/new?household=${h.id}`}
                className="inline-flex min-h-11 items-center rounded-xl border border-stone-300 px-3 text-sm"
              >
                {t("office.listings.new")}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
