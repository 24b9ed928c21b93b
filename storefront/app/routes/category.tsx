import { Link } from "react-router"
import { ProductCard } from "../components/product-card"
import { translator } from "../lib/i18n"
import { getEnv } from "../lib/server/env.server"
import { getStoreClient } from "../lib/server/medusa.server"
import { getPickupApi } from "../lib/server/app.server"
import { loadCategoryPage } from "../lib/server/pages.server"
import { routeHeaders } from "../lib/route-headers"
import { langFromMatches, useT } from "../lib/use-i18n"
import type { Route } from "./+types/category"

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = translator(langFromMatches(matches))
  const category = loaderData?.category
  return [
    { title: `${category?.name ?? t("category.notFound")} · ${t("site.name")}` },
    ...(category?.description ? [{ name: "description", content: category.description }] : []),
  ]
}

export async function loader({ params, request }: Route.LoaderArgs) {
  return loadCategoryPage(getStoreClient(), params.handle, request, getPickupApi(), getEnv().backendUrl)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function CategoryPage({ loaderData }: Route.ComponentProps) {
  const { category, categories, products, total, page, pages, availability } = loaderData
  const t = useT()
  return (
    <section aria-labelledby="category-title">
      <nav aria-label={t("nav.categories")} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link
              to="/"
              className="inline-flex min-h-11 items-center rounded-full px-3 text-sm text-emerald-800 underline-offset-2 hover:underline"
            >
              ← {t("product.back")}
            </Link>
          </li>
          {categories.map((c) => (
            <li key={c.id}>
              <Link
                to={`/categories/${c.handle}`}
                aria-current={c.id === category.id ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-full px-4 text-sm ring-1 ${c.id === category.id ? "bg-emerald-700 text-white ring-emerald-700" : "bg-white ring-stone-300 hover:bg-stone-100"}`}
              >
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mb-4 flex items-baseline justify-between">
        <h1 id="category-title" className="text-xl font-bold">
          {category.name}
        </h1>
        <p className="text-sm text-stone-600">{t("category.count", { count: total })}</p>
      </div>
      {products.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-center text-stone-600 ring-1 ring-stone-200">
          {t("category.empty")}
        </p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {products.map((product, i) => (
            <li key={product.id}>
              <ProductCard product={product} eager={i < 4} availability={availability} />
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav
          aria-label={t("search.pageOf", { page, pages })}
          className="mt-6 flex items-center justify-center gap-4 text-sm"
        >
          {page > 1 ? (
            <Link
              to={page === 2 ? `/categories/${category.handle}` : `/categories/${category.handle}?page=${page - 1}`}
              className="inline-flex min-h-11 items-center rounded-full bg-white px-4 ring-1 ring-stone-300"
            >
              {t("search.prev")}
            </Link>
          ) : null}
          <span>{t("search.pageOf", { page, pages })}</span>
          {page < pages ? (
            <Link
              to={`/categories/${category.handle}?page=${page + 1}`}
              className="inline-flex min-h-11 items-center rounded-full bg-white px-4 ring-1 ring-stone-300"
            >
              {t("search.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  )
}
