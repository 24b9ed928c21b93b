import type { StockStatus } from "../lib/catalog"
import { useT } from "../lib/use-i18n"

export function StockLabel({ stock, className = "" }: { stock: StockStatus; className?: string }) {
  const t = useT()
  const [text, tone] =
    stock.kind === "out"
      ? [t("stock.out"), "bg-stone-200 text-stone-600"]
      : stock.kind === "low"
        ? [t("stock.low", { count: stock.count }), "bg-amber-100 text-amber-800"]
        : [t("stock.in"), "bg-emerald-50 text-emerald-800"]
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs ${tone} ${className}`}>{text}</span>
}
