import { formatFen } from "../lib/money"

type Line = { id: string; title: string; variantTitle?: string | null; quantity: number; totalFen: number }

/** What is in a cart or an order: one row per line with its total. */
export function LineList({ lines }: { lines: ReadonlyArray<Line> }) {
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {lines.map((line) => (
        <li key={line.id} className="flex justify-between gap-2">
          <span>
            {line.title}
            {line.variantTitle ? ` · ${line.variantTitle}` : ""} × {line.quantity}
          </span>
          <span className="tabular-nums">{formatFen(line.totalFen)}</span>
        </li>
      ))}
    </ul>
  )
}
