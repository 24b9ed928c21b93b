import { Link } from "react-router"
import { CompoundBanner, CycleCountdown } from "../components/pickup"
import { ProductCard } from "../components/product-card"
import { getPickupApi } from "../lib/server/app.server"
import { getEnv } from "../lib/server/env.server"
import { getStoreClient } from "../lib/server/medusa.server"
import { loadHomePage } from "../lib/server/pages.server"
import { translator } from "../lib/i18n"
import { routeHeaders } from "../lib/route-headers"
import { langFromMatches, useT } from "../lib/use-i18n"
import type { Route } from "./+types/home"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = translator(langFromMatches(matches))
  return [
    { title: `${t("home.title")} · ${t("site.name")}` },
    { name: "description", content: t("home.meta.description") },
  ]
}

export async function loader({ request }: Route.LoaderArgs) {
  return loadHomePage(getStoreClient(), request, getPickupApi(), getEnv().backendUrl)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function Home({ loaderData }: Route.ComponentProps) {
  const { products, total, categories, villages, compound } = loaderData
  const t = useT()
  return (
    <>
      <div className="mb-4 space-y-2">
        <CompoundBanner point={compound.point} />
        <CycleCountdown cycles={compound.cycles} closedIds={compound.closedCycleIds} />
      </div>
      {categories.length > 0 ? (
        <nav aria-labelledby="categories-title" className="mb-5">
          <h2 id="categories-title" className="sr-only">
            {t("home.categories")}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {categories.map((c) => (
              <li key={c.id}>
                <Link
                  to={`/categories/${c.handle}`}
                  className="inline-flex min-h-11 items-center rounded-full bg-white px-4 text-sm ring-1 ring-stone-300 hover:bg-stone-100"
                >
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <section aria-labelledby="home-title">
        <div className="mb-4 flex items-baseline justify-between">
          <h1 id="home-title" className="text-xl font-bold">
            {t("home.title")}
          </h1>
          {total > 0 ? <p className="text-sm text-stone-600">{t("home.count", { count: total })}</p> : null}
        </div>
        {products.length === 0 ? (
          <p className="rounded-xl bg-white p-6 text-center text-stone-600 ring-1 ring-stone-200">{t("home.empty")}</p>
        ) : (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
            {products.map((product, i) => (
              <li key={product.id}>
                <ProductCard product={product} eager={i < 4} availability={compound.availability} />
              </li>
            ))}
          </ul>
        )}
        {total > products.length ? (
          <p className="mt-4 text-center">
            <Link
              to="/search"
              className="inline-flex min-h-11 items-center rounded-full bg-white px-5 text-sm font-medium text-emerald-800 ring-1 ring-stone-300 hover:bg-stone-100"
            >
              {t("search.all")} →
            </Link>
          </p>
        ) : null}
      </section>
      {villages.length > 0 ? (
        <section aria-labelledby="villages-title" className="mt-8">
          <h2 id="villages-title" className="mb-3 text-lg font-bold">
            {t("home.villages")}
          </h2>
          <ul className="grid gap-2 sm:grid-cols-2">
            {villages.map((v) => (
              <li key={v.code}>
                <Link
                  to={`/villages/${v.code}`}
                  className="block rounded-xl bg-white p-3 ring-1 ring-stone-200 hover:ring-emerald-700"
                >
                  <span className="font-medium">{v.name}</span>
                  <span className="block text-xs text-stone-600">
                    {v.region} · {t("home.villageProducts", { count: v.productCount })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
