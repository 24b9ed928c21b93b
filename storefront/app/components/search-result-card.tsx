import { Link } from "react-router"
import { unavailableReason, type AvailabilityView } from "../lib/commerce"
import type { SearchHit } from "../lib/search"
import { useT } from "../lib/use-i18n"
import { Highlighted } from "./highlighted"
import { Price } from "./price"
import { ProductImage } from "./product-image"
import { StockLabel } from "./stock-status"

/**
 * A search result: the product card's layout with the matched part of the
 * title marked, and the village it comes from. The link holds only the title,
 * so its accessible name is the product's name.
 */
export function SearchResultCard({
  hit,
  eager,
  availability,
}: {
  hit: SearchHit
  eager: boolean
  availability?: AvailabilityView | null
}) {
  const t = useT()
  const unavailable = unavailableReason(availability, hit.storage)
  return (
    <article className="relative flex h-full flex-col overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-stone-200 focus-within:ring-2 focus-within:ring-emerald-700">
      <div className={hit.inStock ? undefined : "opacity-60"}>
        <ProductImage
          src={hit.thumbnail}
          alt=""
          eager={eager}
          sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
        />
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h2 className="line-clamp-2 text-sm font-medium leading-snug text-stone-900 sm:text-base">
          <Link
            to={`/products/${encodeURIComponent(hit.handle)}`}
            prefetch="intent"
            className="after:absolute after:inset-0 focus:outline-none"
          >
            <Highlighted segments={hit.segments} />
          </Link>
        </h2>
        {hit.villages[0] ? (
          <p className="truncate text-xs text-stone-600">{t("search.village", { village: hit.villages[0] })}</p>
        ) : null}
        <div className="mt-auto flex flex-wrap items-center justify-between gap-1 pt-1">
          <Price fen={hit.priceFen} from={hit.priceVaries} className="text-base font-semibold text-red-700" />
          {hit.inStock ? null : <StockLabel stock={{ kind: "out" }} />}
          {unavailable ? (
            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
              {t("availability.badge")}
            </span>
          ) : null}
        </div>
      </div>
    </article>
  )
}
