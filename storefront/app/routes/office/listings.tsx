import { Link } from "react-router"
import { Notice } from "../../components/form-field"
import type { MessageKey } from "../../lib/i18n"
import { officeTranslator } from "../../lib/office/i18n"
import { formatFen } from "../../lib/money"
import { routeHeaders } from "../../lib/route-headers"
import { officeDeps } from "../../lib/server/office/context.server"
import { listingsLoader } from "../../lib/server/office/farmers.server"
import { langFromMatches, useT } from "../../lib/use-i18n"
import type { Route } from "./+types/listings"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = officeTranslator(langFromMatches(matches))
  return [{ title: `${t("office.listings.title")} · ${t("office.name")}` }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return listingsLoader(officeDeps(), request)
}

export const headers: Route.HeadersFunction = routeHeaders

const STATUS: Record<string, MessageKey> = {
  pending_review: "office.listing.status.pending_review",
  approved: "office.listing.status.approved",
  rejected: "office.listing.status.rejected",
}

export default function ListingsPage({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const { listings, notice } = loaderData
  return (
    <section aria-labelledby="listings-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="listings-title" className="text-xl font-bold">
          {t("office.listings.title")}
        </h1>
        <Link
          to="/office/listings/new"
          className="inline-flex min-h-12 items-center rounded-xl bg-emerald-700 px-5 font-medium text-white"
        >
          {t("office.listings.new")}
        </Link>
      </div>
      {notice ? <Notice>{t("office.listing.created")}</Notice> : null}
      {listings.length === 0 ? <p className="text-stone-600">{t("office.listings.none")}</p> : null}
      <ul className="space-y-2">
        {listings.map((l) => (
          <li key={l.id} className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
            <p className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium">{l.title}</span>
              <span className="rounded-full bg-stone-100 px-3 py-1 text-sm">
                {STATUS[l.status] ? t(STATUS[l.status]!) : l.status}
              </span>
            </p>
            <p className="text-sm text-stone-600">
              {l.household}
              {l.priceFen !== null ? ` · ${formatFen(l.priceFen)}` : ""}
            </p>
            {l.rejectReason ? (
              <p className="mt-1 text-sm text-red-800">{t("office.listings.rejected", { reason: l.rejectReason })}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
