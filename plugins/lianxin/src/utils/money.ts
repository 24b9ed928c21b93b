/**
 * Converts an amount in yuan as Medusa returns it (number, decimal string such
 * as "136.00000000000000000", or a BigNumber object) into integer fen, rounding
 * half away from zero at the third decimal. Works on the decimal string so no
 * binary floating point can move a fen. The one conversion in the repository:
 * the storefront's toFen (storefront/app/lib/money.ts) calls this one.
 */
export function toFen(value: unknown): number {
  const text = decimalText(value)
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)
  if (!match) {
    throw new TypeError(`not a decimal amount: ${JSON.stringify(value)}`)
  }
  const sign = match[1] ?? ""
  const whole = match[2] ?? "0"
  const fraction = match[3] ?? ""
  const cents = BigInt(whole) * 100n + BigInt(`${fraction}00`.slice(0, 2))
  const roundUp = (fraction[2] ?? "0") >= "5" ? 1n : 0n
  const fen = Number(cents + roundUp)
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError(`amount out of range: ${text}`)
  }
  return sign === "-" && fen !== 0 ? -fen : fen
}

function decimalText(value: unknown): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite amount: ${value}`)
    // Up to 10 decimals is far beyond what a price carries; avoids exponent notation.
    return value.toFixed(10).replace(/\.?0+$/, "") || "0"
  }
  if (typeof value === "string") return value.trim()
  if (value && typeof value === "object") {
    const v = value as { raw?: { value?: unknown }; numeric?: unknown; value?: unknown }
    if (v.raw?.value !== undefined) return decimalText(v.raw.value)
    if (v.value !== undefined) return decimalText(v.value)
    if (v.numeric !== undefined) return decimalText(v.numeric)
  }
  throw new TypeError(`not a decimal amount: ${JSON.stringify(value)}`)
}

/** Integer fen to the yuan amount Medusa stores (major units). */
export function fenToAmount(fen: number): number {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be an integer, got ${fen}`)
  return fen / 100
}
