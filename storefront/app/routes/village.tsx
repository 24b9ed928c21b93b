import { Link } from "react-router"
import { ProductCard } from "../components/product-card"
import { translator } from "../lib/i18n"
import { routeHeaders } from "../lib/route-headers"
import { getStoreClient } from "../lib/server/medusa.server"
import { loadVillagePage } from "../lib/server/pages.server"
import { langFromMatches, useT } from "../lib/use-i18n"
import type { Route } from "./+types/village"

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = translator(langFromMatches(matches))
  return [{ title: `${loaderData?.village.name ?? t("village.notFound")} · ${t("site.name")}` }]
}

export async function loader({ params, request }: Route.LoaderArgs) {
  return loadVillagePage(getStoreClient(), params.code, request)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function VillagePage({ loaderData }: Route.ComponentProps) {
  const { village, products } = loaderData
  const t = useT()
  return (
    <article aria-labelledby="village-title" className="space-y-5">
      <header>
        <h1 id="village-title" className="text-2xl font-bold">
          {village.name}
        </h1>
        {village.region ? <p className="text-sm text-stone-600">{village.region}</p> : null}
      </header>
      <section aria-labelledby="households-title">
        <h2 id="households-title" className="mb-2 text-lg font-semibold">
          {t("village.households")}
        </h2>
        <ul className="flex flex-wrap gap-2">
          {village.householdCodes.map((code) => (
            <li key={code}>
              <Link
                to={`/households/${code}`}
                className="inline-flex min-h-11 items-center rounded-full bg-white px-4 text-sm ring-1 ring-stone-300 hover:bg-stone-100"
              >
                {code}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="village-products-title">
        <h2 id="village-products-title" className="mb-2 text-lg font-semibold">
          {t("village.products")}
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {products.map((product, i) => (
            <li key={product.id}>
              <ProductCard product={product} eager={i < 4} headingLevel={3} />
            </li>
          ))}
        </ul>
      </section>
    </article>
  )
}
