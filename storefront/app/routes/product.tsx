import { useState } from "react"
import { Link } from "react-router"
import { BuyBar, useUnitPriceText, VariantPicker } from "../components/add-to-cart"
import { PriceBreakdownView } from "../components/breakdown"
import { Notice } from "../components/form-field"
import { Price } from "../components/price"
import { ProductImage } from "../components/product-image"
import { StockLabel } from "../components/stock-status"
import { initialVariant } from "../lib/catalog"
import { translator } from "../lib/i18n"
import { routeHeaders } from "../lib/route-headers"
import { appSessions, getPickupApi } from "../lib/server/app.server"
import { cartAction } from "../lib/server/cart.server"
import { getEnv } from "../lib/server/env.server"
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

export async function loader({ params, request }: Route.LoaderArgs) {
  return loadProductPage(getStoreClient(), params.handle, request, getPickupApi(), getEnv().backendUrl)
}

export async function action({ request }: Route.ActionArgs) {
  return cartAction(getStoreClient(), appSessions, request)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function ProductPage({ loaderData, actionData }: Route.ComponentProps) {
  const { product, household, breakdown, villageCode, notice, unavailable, compound } = loaderData
  const t = useT()
  const photos = product.images.length > 0 ? product.images : product.thumbnail ? [product.thumbnail] : []
  const extraPhotos = photos.slice(1)
  const failed = actionData && !actionData.ok ? actionData : undefined
  const posted = failed && "values" in failed ? failed.values : undefined
  // The pack chosen in the picker: the prices at the top and in the buy bar are its own, never "¥39.90 起".
  const [chosenId, setChosenId] = useState(() => initialVariant(product.variants, posted?.variantId)?.id ?? null)
  const chosen = product.variants.find((v) => v.id === chosenId) ?? initialVariant(product.variants)
  const perWeight = useUnitPriceText(chosen)
  const buying = !unavailable
  return (
    <article aria-labelledby="product-title" className="md:grid md:grid-cols-2 md:gap-8 md:pb-6">
      <p className="mb-3 md:col-span-2">
        <Link to="/" className="text-sm text-emerald-800 underline-offset-2 hover:underline">
          ← {t("product.back")}
        </Link>
      </p>
      {notice === "cart.added" ? (
        <div className="md:col-span-2">
          <Notice>
            {t("cart.added")} ·{" "}
            <Link to="/cart" className="font-medium underline underline-offset-2">
              {t("cart.checkout")}
            </Link>
          </Notice>
        </div>
      ) : null}
      <div>
        <div className="-mx-4 overflow-hidden md:mx-0 md:rounded-xl">
          <ProductImage src={product.thumbnail} alt={product.title} eager sizes="(min-width: 768px) 50vw, 100vw" />
        </div>
        {extraPhotos.length > 0 ? (
          <ul aria-label={t("product.photos")} className="mt-2 flex gap-2 overflow-x-auto">
            {extraPhotos.map((src, i) => (
              <li key={src} className="w-24 shrink-0 overflow-hidden rounded-lg">
                <ProductImage src={src} alt={t("product.photo", { n: i + 2, title: product.title })} sizes="96px" />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="mt-4 md:mt-0">
        <h1 id="product-title" className="text-2xl font-bold leading-tight">
          {product.title}
        </h1>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <p>
            <span className="sr-only">{t("product.unitPrice")}: </span>
            {chosen ? (
              <>
                <Price fen={chosen.priceFen} className="text-2xl font-semibold text-red-700" />
                {chosen.title && (product.unit || product.variants.length > 1) ? (
                  <span className="ml-1 text-sm text-stone-600">/ {chosen.title}</span>
                ) : null}
              </>
            ) : (
              <Price
                fen={product.priceFen}
                from={product.priceVaries}
                className="text-2xl font-semibold text-red-700"
              />
            )}
          </p>
          <StockLabel stock={chosen?.stock ?? product.stock} className="text-sm" />
        </div>
        {perWeight ? <p className="mt-1 text-sm text-stone-600">{perWeight}</p> : null}

        {buying ? (
          <VariantPicker
            variants={product.variants}
            chosenId={chosenId}
            onChoose={setChosenId}
            error={failed?.errors.variantId}
          />
        ) : null}

        {!buying && product.variants.length > 1 ? (
          <section aria-labelledby="variants-title" className="mt-4">
            <h2 id="variants-title" className="text-sm font-medium text-stone-600">
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

        {unavailable ? (
          <section
            aria-labelledby="unavailable-title"
            className="mt-4 rounded-lg bg-amber-50 p-3 ring-1 ring-amber-300"
          >
            <h2 id="unavailable-title" className="text-base font-semibold text-amber-950">
              {t("availability.title")}
            </h2>
            <p className="mt-1 text-sm text-amber-950">
              {unavailable === "full"
                ? t(`availability.full.${product.storage ?? "ambient"}`)
                : t(`availability.${unavailable}`)}
            </p>
            <Link
              to={`/compound?redirectTo=${encodeURIComponent(`/products/${product.handle}`)}`}
              className="mt-1 inline-block text-sm text-emerald-800 underline underline-offset-2"
            >
              {t("compound.change")} · {compound?.name}
            </Link>
          </section>
        ) : null}
        {failed?.errors.form ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {t(failed.errors.form)}
          </p>
        ) : null}
        <p className="mt-2 text-xs text-stone-600">{t("cart.pickupNote")}</p>

        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {product.harvest ? (
            <>
              <dt className="text-stone-600">{t("product.harvest")}</dt>
              <dd>{product.harvest}</dd>
            </>
          ) : null}
          {product.harvestNote ? (
            <>
              <dt className="text-stone-600">{t("product.harvestNote")}</dt>
              <dd>{product.harvestNote}</dd>
            </>
          ) : null}
          {product.village ? (
            <>
              <dt className="text-stone-600">{t("product.village")}</dt>
              <dd>
                {villageCode ? (
                  <Link to={`/villages/${villageCode}`} className="text-emerald-800 underline underline-offset-2">
                    {product.village}
                  </Link>
                ) : (
                  product.village
                )}
                {product.villageRegion ? (
                  <span className="block text-xs text-stone-600">{product.villageRegion}</span>
                ) : null}
              </dd>
            </>
          ) : null}
          {product.cooperative ? (
            <>
              <dt className="text-stone-600">{t("product.cooperative")}</dt>
              <dd>{product.cooperative}</dd>
            </>
          ) : null}
          {product.householdCode ? (
            <>
              <dt className="text-stone-600">{t("product.household")}</dt>
              <dd>
                <Link
                  to={`/households/${product.householdCode}`}
                  className="text-emerald-800 underline underline-offset-2"
                >
                  {household?.displayName
                    ? `${household.displayName}（${product.householdCode}）`
                    : product.householdCode}
                </Link>
              </dd>
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

        {household ? (
          <section aria-labelledby="producer-title" className="mt-6">
            <h2 id="producer-title" className="text-base font-semibold">
              {t("product.producer")}
            </h2>
            {household.story ? (
              <p className="mt-2 whitespace-pre-line leading-relaxed text-stone-700">{household.story}</p>
            ) : (
              <p className="mt-2 text-sm text-stone-600">{t("product.storyPrivate")}</p>
            )}
            <p className="mt-2 text-sm">
              <Link to={`/households/${household.code}`} className="text-emerald-800 underline underline-offset-2">
                {t("product.householdLink")}
              </Link>
            </p>
          </section>
        ) : null}

        <PriceBreakdownView breakdown={breakdown} />
        {buying ? (
          <BuyBar
            variants={product.variants}
            chosen={chosen}
            redirectTo={`/products/${product.handle}`}
            serverErrors={failed?.errors}
            values={posted}
          />
        ) : null}
      </div>
    </article>
  )
}
