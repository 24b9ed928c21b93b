import { Link } from "react-router"
import type { ProductSummary } from "../lib/catalog"
import { unavailableReason, type AvailabilityView } from "../lib/commerce"
import { useT } from "../lib/use-i18n"
import { Price } from "./price"
import { ProductImage } from "./product-image"
import { StockLabel } from "./stock-status"

/**
 * The whole card is clickable, but the link itself holds only the title, so
 * its accessible name is exactly the product's name (the link's ::after
 * stretches over the card).
 */
export function ProductCard({
  product,
  eager,
  headingLevel = 2,
  availability,
}: {
  product: ProductSummary
  eager: boolean
  headingLevel?: 2 | 3
  /** My compound's next cycle: a product it cannot take gets a badge. */
  availability?: AvailabilityView | null
}) {
  const t = useT()
  const Heading = headingLevel === 3 ? "h3" : "h2"
  const soldOut = product.stock.kind === "out"
  const unavailable = unavailableReason(availability, product.storage ?? "ambient")
  return (
    <article className="relative flex h-full flex-col overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-stone-200 focus-within:ring-2 focus-within:ring-emerald-700">
      <div className={soldOut ? "opacity-60" : undefined}>
        <ProductImage
          src={product.thumbnail}
          alt=""
          eager={eager}
          sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
        />
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <Heading className="line-clamp-2 text-sm font-medium leading-snug text-stone-900 sm:text-base">
          <Link
            to={`/products/${encodeURIComponent(product.handle)}`}
            prefetch="intent"
            className="after:absolute after:inset-0 focus:outline-none"
          >
            {product.title}
          </Link>
        </Heading>
        {product.unit ? <p className="text-xs text-stone-600">{product.unit}</p> : null}
        <div className="mt-auto flex flex-wrap items-center justify-between gap-1 pt-1">
          <Price fen={product.priceFen} from={product.priceVaries} className="text-base font-semibold text-red-700" />
          {product.stock.kind !== "in" ? <StockLabel stock={product.stock} /> : null}
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
