/**
 * Money in the storefront is an integer number of fen (分, 1/100 yuan).
 *
 * Medusa 2 returns prices in major units (12.8 for ¥12.80), as numbers or as
 * BigNumber strings such as "12.80000000000000000". We convert once, at the
 * edge where data arrives, and never do arithmetic on floating yuan.
 */
import { toFen as ledgerToFen } from "../../../plugins/lianxin/src/utils/money"

export type Fen = number

/**
 * Major units (yuan) → integer fen; null for anything that is not a finite amount.
 * The conversion itself is the plugin's (decimal text, half away from zero), so a
 * price reads the same fen in the shop as in the ledger. Imported by path until the
 * plugin exports its contract to the storefront as a package entry.
 */
export function toFen(amount: number | string | null | undefined): Fen | null {
  if (amount === null || amount === undefined) return null
  if (typeof amount === "string" && amount.trim() === "") return null
  try {
    return ledgerToFen(amount)
  } catch {
    return null
  }
}

const cny = new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY" })

/** 1280 → "¥12.80". Always the mainland format, whatever the interface language. */
export function formatFen(fen: Fen): string {
  if (!Number.isInteger(fen)) {
    throw new TypeError(`formatFen expects integer fen, got ${fen}`)
  }
  return cny.format(fen / 100)
}

/** The lowest of several prices, ignoring unknown ones; null when none is known. */
export function minFen(amounts: ReadonlyArray<Fen | null>): Fen | null {
  let lowest: Fen | null = null
  for (const amount of amounts) {
    if (amount !== null && (lowest === null || amount < lowest)) lowest = amount
  }
  return lowest
}
