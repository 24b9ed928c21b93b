import { useEffect, useState } from "react"
import { Form, Link } from "react-router"
import { SearchResultCard } from "../components/search-result-card"
import { translator, type MessageKey, type Translate } from "../lib/i18n"
import { routeHeaders } from "../lib/route-headers"
import {
  SEARCH_SORTS,
  activeFilterCount,
  searchHref,
  toggleFacet,
  type FacetKey,
  type FacetOption,
  type SearchParams,
} from "../lib/search"
import { getPickupApi } from "../lib/server/app.server"
import { getEnv } from "../lib/server/env.server"
import { getStoreClient } from "../lib/server/medusa.server"
import { loadSearchPage } from "../lib/server/search.server"
import { langFromMatches, useT } from "../lib/use-i18n"
import type { Route } from "./+types/search"

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = translator(langFromMatches(matches))
  const q = loaderData?.params.q
  return [
    { title: `${q ? t("search.titleFor", { q }) : t("search.title")} · ${t("site.name")}` },
    { name: "description", content: t("search.meta.description") },
    // Result pages are endless combinations of the catalogue: only the plain page is worth indexing.
    ...(q || (loaderData && activeFilterCount(loaderData.params) > 0) ? [{ name: "robots", content: "noindex" }] : []),
  ]
}

export async function loader({ request }: Route.LoaderArgs) {
  return loadSearchPage(getStoreClient(), request, { pickup: getPickupApi(), backendUrl: getEnv().backendUrl })
}

export const headers: Route.HeadersFunction = routeHeaders

const FACET_GROUPS: Array<{ key: Exclude<FacetKey, "inStock">; title: MessageKey }> = [
  { key: "category", title: "search.facet.category" },
  { key: "price", title: "search.facet.price" },
  { key: "province", title: "search.facet.province" },
  { key: "village", title: "search.facet.village" },
  { key: "storage", title: "search.facet.storage" },
]

function optionLabel(t: Translate, key: FacetKey, option: Pick<FacetOption, "value" | "label">): string {
  if (key === "price") return t(`search.price.${option.value}` as MessageKey)
  if (key === "storage") return t(`search.storage.${option.value}` as MessageKey)
  if (key === "inStock") return t("search.inStockOnly")
  return option.label
}

export default function SearchPage({ loaderData }: Route.ComponentProps) {
  const { params, results, unavailable, categories, availability } = loaderData
  const t = useT()
  const filters = activeFilterCount(params)
  return (
    <section aria-labelledby="search-title" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 id="search-title" className="text-xl font-bold">
          {params.q ? t("search.titleFor", { q: params.q }) : t("search.all")}
        </h1>
        {results ? <p className="text-sm text-stone-600">{t("search.count", { count: results.count })}</p> : null}
      </div>

      {results?.degraded ? (
        <p role="status" className="rounded-xl bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">
          {t("search.degraded")}
        </p>
      ) : null}
      {results?.retriedWith ? (
        <p role="status" className="rounded-xl bg-sky-50 p-3 text-sm text-sky-950 ring-1 ring-sky-200">
          {t("search.retried", { q: params.q, pinyin: results.retriedWith })}
        </p>
      ) : null}

      {unavailable || !results ? (
        <div className="space-y-3">
          <p role="status" className="rounded-xl bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-amber-200">
            {t("search.unavailable")}
          </p>
          <CategoryLinks categories={categories} />
        </div>
      ) : (
        <>
          {filters > 0 ? <ActiveFilters params={params} facets={results.facets} /> : null}
          {results.count > 0 || filters > 0 ? (
            <div className="flex flex-wrap items-start justify-between gap-3">
              <details className="group w-full rounded-xl bg-white ring-1 ring-stone-200 sm:w-auto sm:min-w-72">
                <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 px-4 text-sm font-medium">
                  {filters > 0 ? t("search.filtersCount", { count: filters }) : t("search.filters")}
                  <span aria-hidden="true" className="text-stone-500 transition-transform group-open:rotate-180">
                    ▾
                  </span>
                </summary>
                <div className="space-y-4 border-t border-stone-200 p-4">
                  {FACET_GROUPS.map(({ key, title }) =>
                    results.facets[key].length > 0 ? (
                      <FacetGroup
                        key={key}
                        facetKey={key}
                        title={t(title)}
                        options={results.facets[key]}
                        params={params}
                      />
                    ) : null
                  )}
                  {results.facets.inStock.length > 0 ? (
                    <FacetGroup
                      facetKey="inStock"
                      title={t("search.facet.inStock")}
                      options={results.facets.inStock}
                      params={params}
                    />
                  ) : null}
                </div>
              </details>
              <SortForm params={params} />
            </div>
          ) : null}

          {results.hits.length === 0 ? (
            <div className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-stone-200">
              <h2 className="font-medium">
                {filters > 0 ? t("search.empty.filtered") : t("search.empty.title", { q: params.q })}
              </h2>
              <p className="text-sm text-stone-600">{t("search.empty.tips")}</p>
              {filters > 0 ? (
                <Link
                  to={searchHref({
                    ...params,
                    category: undefined,
                    province: undefined,
                    village: undefined,
                    price: undefined,
                    storage: undefined,
                    inStock: undefined,
                  })}
                  className="inline-flex min-h-11 items-center text-sm text-emerald-800 underline"
                >
                  {t("search.clearAll")}
                </Link>
              ) : null}
              <CategoryLinks categories={categories} />
            </div>
          ) : (
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
              {results.hits.map((hit, i) => (
                <li key={hit.id}>
                  <SearchResultCard hit={hit} eager={i < 4} availability={availability} />
                </li>
              ))}
            </ul>
          )}
          {results.pageCount > 1 ? <Pagination params={params} pages={results.pageCount} /> : null}
        </>
      )}
    </section>
  )
}

function FacetGroup({
  facetKey,
  title,
  options,
  params,
}: {
  facetKey: FacetKey
  title: string
  options: FacetOption[]
  params: SearchParams
}) {
  const t = useT()
  const id = `facet-${facetKey}`
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-2 text-xs font-medium tracking-wide text-stone-600">
        {title}
      </h2>
      <ul className="flex flex-wrap gap-2">
        {options.map((option) => (
          <li key={option.value}>
            <Link
              to={toggleFacet(params, facetKey, facetKey === "inStock" ? option.value === "true" : option.value)}
              preventScrollReset
              aria-current={option.selected ? "true" : undefined}
              className={`inline-flex min-h-11 items-center gap-1.5 rounded-full px-3 text-sm ring-1 ${option.selected ? "bg-emerald-700 text-white ring-emerald-700" : "bg-white ring-stone-300 hover:bg-stone-100"}`}
            >
              {option.selected ? <span aria-hidden="true">✓</span> : null}
              <span>{optionLabel(t, facetKey, option)}</span>
              <span aria-hidden="true" className={option.selected ? "text-emerald-100" : "text-stone-500"}>
                {option.count}
              </span>
              <span className="sr-only">
                {t("search.facet.count", { count: option.count })}
                {option.selected ? t("search.facet.selected") : ""}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}

function ActiveFilters({ params, facets }: { params: SearchParams; facets: Record<FacetKey, FacetOption[]> }) {
  const t = useT()
  const chosen = (["category", "price", "province", "village", "storage", "inStock"] as const).flatMap((key) => {
    const value = params[key]
    if (value === undefined) return []
    const option = facets[key].find((o) => o.selected) ?? { value: String(value), label: String(value) }
    return [{ key, label: optionLabel(t, key, option) }]
  })
  return (
    <nav aria-label={t("search.active")}>
      <ul className="flex flex-wrap items-center gap-2">
        {chosen.map(({ key, label }) => (
          <li key={key}>
            <Link
              to={searchHref(params, { [key]: undefined } as Partial<SearchParams>)}
              preventScrollReset
              aria-label={t("search.remove", { label })}
              className="inline-flex min-h-11 items-center gap-1 rounded-full bg-emerald-50 px-3 text-sm text-emerald-900 ring-1 ring-emerald-200 hover:bg-emerald-100"
            >
              {label}
              <span aria-hidden="true">×</span>
            </Link>
          </li>
        ))}
        {chosen.length > 1 ? (
          <li>
            <Link
              to={searchHref({
                ...params,
                category: undefined,
                province: undefined,
                village: undefined,
                price: undefined,
                storage: undefined,
                inStock: undefined,
              })}
              className="inline-flex min-h-11 items-center px-2 text-sm text-emerald-800 underline"
            >
              {t("search.clearAll")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

/** A GET form so it works without JavaScript; with it, choosing submits at once and the button goes away. */
function SortForm({ params }: { params: SearchParams }) {
  const t = useT()
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  const kept = new URLSearchParams(searchHref({ ...params, sort: "relevance" }).split("?")[1] ?? "")
  return (
    <Form method="get" action="/search" preventScrollReset className="flex items-center gap-2">
      {[...kept].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="search-sort" className="text-sm text-stone-700">
        {t("search.sort")}
      </label>
      <select
        id="search-sort"
        name="sort"
        key={params.sort}
        defaultValue={params.sort}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="min-h-11 rounded-lg border border-stone-300 bg-white px-2 text-sm"
      >
        {SEARCH_SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {t(`search.sort.${sort}` as MessageKey)}
          </option>
        ))}
      </select>
      {hydrated ? null : (
        <button type="submit" className="min-h-11 rounded-full bg-stone-800 px-3 text-sm text-white">
          {t("search.sort.apply")}
        </button>
      )}
    </Form>
  )
}

function Pagination({ params, pages }: { params: SearchParams; pages: number }) {
  const t = useT()
  const link =
    "inline-flex min-h-11 items-center rounded-full px-4 text-sm ring-1 ring-stone-300 bg-white hover:bg-stone-100"
  return (
    <nav aria-label={t("search.pagination")} className="flex items-center justify-between gap-2 pt-2">
      {params.page > 1 ? (
        <Link to={searchHref(params, { page: params.page - 1 })} rel="prev" className={link}>
          {t("search.prev")}
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-stone-600">{t("search.pageOf", { page: params.page, pages })}</p>
      {params.page < pages ? (
        <Link to={searchHref(params, { page: params.page + 1 })} rel="next" className={link}>
          {t("search.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}

function CategoryLinks({ categories }: { categories: Array<{ handle: string; name: string }> }) {
  const t = useT()
  if (!categories.length) return null
  return (
    <nav aria-label={t("home.categories")}>
      <h2 className="mb-2 text-sm font-medium">{t("home.categories")}</h2>
      <ul className="flex flex-wrap gap-2">
        {categories.map((c) => (
          <li key={c.handle}>
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
  )
}
