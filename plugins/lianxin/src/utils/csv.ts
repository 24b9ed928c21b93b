/**
 * CSV for accountants who open it in Excel or WPS: UTF-8 with a BOM (so
 * Chinese shows correctly), CRLF line ends, RFC 4180 quoting, and cells that
 * start like a formula (= + - @ tab CR) prefixed with ' so a spreadsheet never
 * executes them.
 */
export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(","))
  return `\uFEFF${lines.join("\r\n")}\r\n`
}

/** The same, for rows as objects: one column per key, in the order given. */
export function toCsvRecords(columns: readonly string[], rows: readonly object[]): string {
  return toCsv(
    [...columns],
    rows.map((row) =>
      columns.map((c) => {
        const value = (row as Record<string, unknown>)[c]
        return value === null || value === undefined || typeof value === "number" ? value : String(value)
      })
    )
  )
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ""
  let text = String(value)
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Integer fen as a plain yuan amount with two decimals ("12.80"), exact. */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? "-" : ""
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`
}
