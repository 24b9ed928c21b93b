import { Link } from "react-router"
import { ProductImage } from "../components/product-image"
import { villageCodeOf } from "../lib/catalog"
import { translator } from "../lib/i18n"
import { routeHeaders } from "../lib/route-headers"
import { getStoreClient } from "../lib/server/medusa.server"
import { loadHouseholdPage } from "../lib/server/pages.server"
import { langFromMatches, useT } from "../lib/use-i18n"
import type { Route } from "./+types/household"

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = translator(langFromMatches(matches))
  const h = loaderData?.household
  return [
    {
      title: `${h ? (h.displayName ?? t("household.title", { code: h.code })) : t("household.notFound")} · ${t("site.name")}`,
    },
  ]
}

export async function loader({ params, request }: Route.LoaderArgs) {
  return loadHouseholdPage(getStoreClient(), params.code, request)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function HouseholdPage({ loaderData }: Route.ComponentProps) {
  const { household } = loaderData
  const t = useT()
  const villageCode = villageCodeOf(household.code)
  return (
    <article aria-labelledby="household-title" className="mx-auto max-w-2xl space-y-5">
      <header>
        <h1 id="household-title" className="text-2xl font-bold">
          {household.displayName ?? t("household.title", { code: household.code })}
        </h1>
        <p className="text-sm text-stone-600">{household.code}</p>
      </header>
      {household.village ? (
        <p className="text-sm">
          <span className="text-stone-600">{t("household.village")}：</span>
          {villageCode ? (
            <Link to={`/villages/${villageCode}`} className="text-emerald-800 underline underline-offset-2">
              {household.village.name}
            </Link>
          ) : (
            household.village.name
          )}
          <span className="block text-xs text-stone-600">
            {household.village.province}
            {household.village.county}
            {household.village.township ?? ""}
          </span>
        </p>
      ) : null}
      <section aria-labelledby="story-title">
        <h2 id="story-title" className="text-lg font-semibold">
          {t("household.story")}
        </h2>
        {household.story ? (
          <p className="mt-2 whitespace-pre-line leading-relaxed text-stone-700">{household.story}</p>
        ) : (
          <p className="mt-2 text-sm text-stone-600">{t("product.storyPrivate")}</p>
        )}
      </section>
      <section aria-labelledby="household-products-title">
        <h2 id="household-products-title" className="mb-2 text-lg font-semibold">
          {t("household.products")}
        </h2>
        {household.products.length === 0 ? (
          <p className="text-sm text-stone-600">{t("household.noProducts")}</p>
        ) : (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            {household.products.map((p) => (
              <li key={p.id} className="overflow-hidden rounded-xl bg-white ring-1 ring-stone-200">
                <ProductImage src={p.thumbnail} alt="" sizes="50vw" />
                <p className="p-2 text-sm font-medium">
                  {p.handle ? <Link to={`/products/${p.handle}`}>{p.title}</Link> : p.title}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  )
}
