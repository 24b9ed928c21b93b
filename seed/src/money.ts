/**
 * Seed data keeps prices in fen (integers); Medusa 2 stores amounts in major
 * units (12.8 is ¥12.80). This is the one place that converts.
 */
export function fenToAmount(fen: number): number {
  if (!Number.isSafeInteger(fen) || fen < 0) {
    throw new Error(`A price must be a non-negative whole number of fen, got ${fen}`)
  }
  return fen / 100
}
