import { ProductCard } from "../components/product-card"
import { getStoreClient } from "../lib/server/medusa.server"
import { loadHomePage } from "../lib/server/pages.server"
import { translator } from "../lib/i18n"
import { langFromMatches, useT } from "../lib/use-i18n"
import type { Route } from "./+types/home"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = translator(langFromMatches(matches))
  return [
    { title: `${t("home.title")} · ${t("site.name")}` },
    { name: "description", content: t("home.meta.description") },
  ]
}

export async function loader() {
  return loadHomePage(getStoreClient())
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export default function Home({ loaderData }: Route.ComponentProps) {
  const { products } = loaderData
  const t = useT()
  return (
    <section aria-labelledby="home-title">
      <div className="mb-4 flex items-baseline justify-between">
        <h1 id="home-title" className="text-xl font-bold">
          {t("home.title")}
        </h1>
        {products.length > 0 ? <p className="text-sm text-stone-500">{t("home.count", { count: products.length })}</p> : null}
      </div>
      {products.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-center text-stone-600 ring-1 ring-stone-200">{t("home.empty")}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {products.map((product, i) => (
            <li key={product.id}>
              <ProductCard product={product} eager={i < 4} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
