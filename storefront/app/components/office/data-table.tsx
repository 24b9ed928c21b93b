import type { ReactNode } from "react"

export type Column = {
  label: string
  /** Amounts and counts line up on the right. */
  align?: "right"
  className?: string
}

/**
 * The office portal's tables (pickup list, harvest list, a household's sales): one header row of column
 * headers, the caller's rows, scrolling sideways on a phone rather than squeezing the columns.
 */
export function DataTable({
  columns,
  children,
  className,
}: {
  columns: Column[]
  children: ReactNode
  className?: string
}) {
  return (
    <div className={className ? `overflow-x-auto ${className}` : "overflow-x-auto"}>
      <table className="w-full border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-stone-300">
            {columns.map((c) => (
              <th
                key={c.label}
                scope="col"
                className={["p-2", c.align === "right" ? "text-right" : "", c.className ?? ""]
                  .filter(Boolean)
                  .join(" ")}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
