import { type LineAttribution, lineParties, type PolicySnapshot } from "../../utils/ledger-postings"
import { resolvePolicy, type StoredPolicy, toSnapshot } from "../../utils/policy-resolution"

export type PricedVariant = { variant_id: string; title: string; price_fen: number }

export type SplitVariant = PricedVariant & {
  shares_fen: { household: number; cooperative: number; property_office: number; platform: number }
}

/**
 * The split of each priced variant under the policy that would apply to a line
 * of this product (resolvePolicy over the current policies), with the ledger's
 * functions; null when no policy is in force. Pure: productSplit and the
 * product page's lean read (catalog/product.ts) both call it, so their answers
 * cannot drift apart.
 */
export function splitVariants(
  current: StoredPolicy[],
  line: { attribution: LineAttribution | null; category_ids: string[] },
  variants: PricedVariant[]
): { stored: StoredPolicy; policy: PolicySnapshot; variants: SplitVariant[] } | null {
  const stored = resolvePolicy(current, line)
  if (!stored) return null
  const policy = toSnapshot(stored)
  return {
    stored,
    policy,
    variants: variants.map((v) => {
      const shares = { household: 0, cooperative: 0, property_office: 0, platform: 0 }
      for (const party of lineParties(v.price_fen, policy.shares, line.attribution, null)) {
        shares[party.party_type] += party.amount
      }
      return { ...v, shares_fen: shares }
    }),
  }
}
