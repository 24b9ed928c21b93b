/**
 * Largest-remainder (Hamilton) apportionment of an integer total over weights.
 *
 * Each key first gets floor(total × weight / Σweights); the units still left go
 * one each to the keys with the largest fractional remainders. Ties go to the
 * key listed first, so callers decide who wins a tie by the order they pass.
 * The result always sums exactly to `total`, and every part is within one unit
 * of its exact proportional value. Works in integers only (BigInt inside), so
 * no floating-point rounding can move a fen.
 */
export type Weighted<K extends string> = { key: K; weight: number }

export function allocateLargestRemainder<K extends string>(
  total: number,
  weights: ReadonlyArray<Weighted<K>>
): Record<K, number> {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`total must be a non-negative safe integer, got ${total}`)
  }
  if (weights.length === 0) {
    throw new RangeError("at least one weight is required")
  }
  const seen = new Set<string>()
  for (const { key, weight } of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw new RangeError(`weight of "${key}" must be a non-negative integer, got ${weight}`)
    }
    if (seen.has(key)) {
      throw new RangeError(`duplicate key "${key}"`)
    }
    seen.add(key)
  }
  const sum = weights.reduce((acc, w) => acc + BigInt(w.weight), 0n)
  if (sum === 0n) {
    throw new RangeError("weights must not all be zero")
  }

  const big = BigInt(total)
  const parts = weights.map(({ key, weight }, index) => {
    const exact = big * BigInt(weight)
    return { key, index, floor: exact / sum, remainder: exact % sum }
  })
  let left = big - parts.reduce((acc, p) => acc + p.floor, 0n)
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1
  )
  for (const part of byRemainder) {
    if (left === 0n) break
    // A zero weight never receives a leftover unit.
    if (part.remainder === 0n && weights[part.index].weight === 0) continue
    part.floor += 1n
    left -= 1n
  }
  const result = {} as Record<K, number>
  for (const part of parts) {
    result[part.key] = Number(part.floor)
  }
  return result
}
