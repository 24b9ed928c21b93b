import { formatFen, type Fen } from "../lib/money"
import { useT } from "../lib/use-i18n"

/** A price in fen, "¥12.80"; "¥12.80 起" when variants differ. */
export function Price({ fen, from = false, className }: { fen: Fen | null; from?: boolean; className?: string }) {
  const t = useT()
  if (fen === null) return <span className={className}>{t("product.priceUnknown")}</span>
  const formatted = formatFen(fen)
  return (
    <data value={(fen / 100).toFixed(2)} className={className}>
      {from ? t("product.from", { price: formatted }) : formatted}
    </data>
  )
}
