import { useT } from "../lib/use-i18n"

/**
 * A square product picture, or a quiet placeholder. `alt` is empty where the
 * title is printed right next to the image (cards), so screen readers do not
 * read it twice; the product page passes the title.
 */
export function ProductImage({
  src,
  alt,
  eager = false,
  sizes,
}: {
  src: string | null
  alt: string
  eager?: boolean
  sizes: string
}) {
  const t = useT()
  if (!src) {
    return (
      <div className="flex aspect-square w-full items-center justify-center bg-stone-100 text-sm text-stone-400">
        <span aria-hidden={alt === "" ? true : undefined}>{t("product.noImage")}</span>
      </div>
    )
  }
  // Drawings (the demo data's SVG illustrations) sit inside the square; photos fill it.
  const drawing = /\.svg(\?|#|$)/i.test(src)
  return (
    <img
      src={src}
      alt={alt}
      width={600}
      height={600}
      sizes={sizes}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      className={`aspect-square w-full bg-stone-100 ${drawing ? "object-contain p-[12%]" : "object-cover"}`}
    />
  )
}
