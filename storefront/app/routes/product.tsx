import { Link } from "react-router"
import { Price } from "../components/price"
import { ProductImage } from "../components/product-image"
import { StockLabel } from "../components/stock-status"
import { translator } from "../lib/i18n"
import { getStoreClient } from "../lib/server/medusa.server"
import { loadProductPage } from "../lib/server/pages.server"
import { langFromMatches, useT } from "../lib/use-i18n"
import type { Route } from "./+types/product"

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = translator(langFromMatches(matches))
  const product = loaderData?.product
  if (!product) return [{ title: `${t("error.productNotFound.title")} · ${t("site.name")}` }]
  return [
    { title: `${product.title} · ${t("site.name")}` },
    ...(product.description ? [{ name: "description", content: product.description.slice(0, 160) }] : []),
    ...(product.thumbnail ? [{ property: "og:image", content: product.thumbnail }] : []),
  ]
}

export async function loader({ params }: Route.LoaderArgs) {
  return loadProductPage(getStoreClient(), params.handle)
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export default function ProductPage({ loaderData }: Route.ComponentProps) {
  const { product } = loaderData
  const t = useT()
  const several = product.variants.length > 1
  return (
    <article aria-labelledby="product-title" className="md:grid md:grid-cols-2 md:gap-8">
      <p className="mb-3 md:col-span-2">
        <Link to="/" className="text-sm text-emerald-800 underline-offset-2 hover:underline">
          ← {t("product.back")}
        </Link>
      </p>
      <div className="-mx-4 overflow-hidden md:mx-0 md:rounded-xl">
        <ProductImage src={product.thumbnail} alt={product.title} eager sizes="(min-width: 768px) 50vw, 100vw" />
      </div>
      <div className="mt-4 md:mt-0">
        <h1 id="product-title" className="text-2xl font-bold leading-tight">
          {product.title}
        </h1>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <p>
            <span className="sr-only">{t("product.price")}: </span>
            <Price fen={product.priceFen} from={product.priceVaries} className="text-2xl font-semibold text-red-700" />
          </p>
          <StockLabel stock={product.stock} className="text-sm" />
        </div>

        {several ? (
          <section aria-labelledby="variants-title" className="mt-4">
            <h2 id="variants-title" className="text-sm font-medium text-stone-500">
              {t("product.variants")}
            </h2>
            <ul className="mt-2 divide-y divide-stone-200 rounded-lg bg-white ring-1 ring-stone-200">
              {product.variants.map((variant) => (
                <li key={variant.id} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
                  <span>{variant.title}</span>
                  <span className="flex items-center gap-2">
                    <Price fen={variant.priceFen} />
                    <StockLabel stock={variant.stock} />
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {product.unit ? (
            <>
              <dt className="text-stone-500">{t("product.unit")}</dt>
              <dd>{product.unit}</dd>
            </>
          ) : null}
          {product.village ? (
            <>
              <dt className="text-stone-500">{t("product.village")}</dt>
              <dd>
                {product.village}
                {product.villageRegion ? <span className="block text-xs text-stone-500">{product.villageRegion}</span> : null}
              </dd>
            </>
          ) : null}
          {product.cooperative ? (
            <>
              <dt className="text-stone-500">{t("product.cooperative")}</dt>
              <dd>{product.cooperative}</dd>
            </>
          ) : null}
          {product.householdCode ? (
            <>
              <dt className="text-stone-500">{t("product.household")}</dt>
              <dd>{product.householdCode}</dd>
            </>
          ) : null}
        </dl>

        {product.description ? (
          <section aria-labelledby="description-title" className="mt-6">
            <h2 id="description-title" className="text-base font-semibold">
              {t("product.description")}
            </h2>
            <p className="mt-2 whitespace-pre-line leading-relaxed text-stone-700">{product.description}</p>
          </section>
        ) : null}
      </div>
    </article>
  )
}
