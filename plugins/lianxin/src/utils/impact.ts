/**
 * Small-group suppression for public impact figures: no published figure may
 * describe fewer than `minimum` households. Groups below the minimum are pooled
 * into "other"; if the pool itself is still too small, the smallest published
 * groups join it (secondary suppression) so the hidden groups cannot be
 * recovered by subtracting the published ones from the total.
 */
export type ImpactGroup = { key: string; households: number; earned_fen: number; paid_fen: number }

export type SuppressedGroups = {
  groups: ImpactGroup[]
  other: ImpactGroup | null
  suppressed_groups: number
}

export const MIN_HOUSEHOLDS = 5

export function suppressSmallGroups(all: ImpactGroup[], minimum = MIN_HOUSEHOLDS): SuppressedGroups {
  const sorted = [...all].sort((a, b) => a.households - b.households || a.key.localeCompare(b.key))
  const pooled: ImpactGroup[] = []
  const published: ImpactGroup[] = []
  for (const g of sorted) {
    if (g.households < minimum) pooled.push(g)
    else published.push(g)
  }
  const poolSize = () => pooled.reduce((s, g) => s + g.households, 0)
  while (pooled.length && poolSize() < minimum && published.length) {
    pooled.push(published.shift()!)
  }
  if (pooled.length && poolSize() < minimum) {
    // Everything together is below the minimum: publish nothing.
    return { groups: [], other: null, suppressed_groups: all.length }
  }
  const other = pooled.length
    ? pooled.reduce(
        (acc, g) => ({
          key: "other",
          households: acc.households + g.households,
          earned_fen: acc.earned_fen + g.earned_fen,
          paid_fen: acc.paid_fen + g.paid_fen,
        }),
        { key: "other", households: 0, earned_fen: 0, paid_fen: 0 }
      )
    : null
  return {
    groups: published.sort((a, b) => a.key.localeCompare(b.key)),
    other,
    suppressed_groups: pooled.length,
  }
}
