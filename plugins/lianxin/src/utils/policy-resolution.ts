import type { ShareBasisPoints } from "./revenue-split"
import type { LineAttribution, PolicySnapshot } from "./ledger-postings"

export type StoredPolicy = {
  id: string
  scope: "global" | "category" | "cooperative" | "household"
  scope_id: string | null
  version: number
  household_bp: number
  cooperative_bp: number
  property_office_bp: number
  platform_bp: number
}

export function toSnapshot(p: StoredPolicy): PolicySnapshot {
  const shares: ShareBasisPoints = {
    household: Number(p.household_bp),
    cooperative: Number(p.cooperative_bp),
    property_office: Number(p.property_office_bp),
    platform: Number(p.platform_bp),
  }
  return { id: p.id, version: Number(p.version), shares }
}

/**
 * The policy in force for a line, most specific first: the household's own
 * (only when one household produced it), then the cooperative's, then the
 * first of the product's categories that has one (categories sorted by id so
 * the choice is stable), then the global policy.
 */
export function resolvePolicy(
  current: StoredPolicy[],
  line: { attribution: LineAttribution | null; category_ids: string[] }
): StoredPolicy | null {
  const find = (scope: StoredPolicy["scope"], id: string | null) =>
    current.find((p) => p.scope === scope && (p.scope_id ?? null) === id) ?? null
  const households = line.attribution?.households ?? []
  if (households.length === 1) {
    const own = find("household", households[0].household_id)
    if (own) return own
  }
  if (line.attribution?.cooperative_id) {
    const coop = find("cooperative", line.attribution.cooperative_id)
    if (coop) return coop
  }
  for (const categoryId of [...line.category_ids].sort()) {
    const cat = find("category", categoryId)
    if (cat) return cat
  }
  return find("global", null)
}
