import { harvestList, type Attribution, type HarvestListRow } from "../../../utils/pickup-manifest"
import type { Query } from "./service"

/** Who produces each product (household / cooperative), read across modules through the product link. */
export async function loadAttributions(query: Query, productIds: string[]): Promise<Map<string, Attribution>> {
  const attributions = new Map<string, Attribution>()
  if (!productIds.length) return attributions
  try {
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "attribution.cooperative_id", "attribution.shares.household_id"],
      filters: { id: productIds },
    })
    for (const p of data as any[]) {
      attributions.set(
        p.id,
        p.attribution
          ? {
              cooperative_id: p.attribution.cooperative_id ?? null,
              household_ids: (p.attribution.shares ?? []).map((s: any) => s.household_id).sort(),
            }
          : null
      )
    }
  } catch {
    // Without the household module's link the list is still useful, unattributed.
  }
  return attributions
}

/** The harvest list (per producer and variant) of these assignments' lines. */
export async function harvestRowsOf(query: Query, assignments: any[]): Promise<HarvestListRow[]> {
  const lines = assignments.flatMap((a: any) =>
    (a.lines ?? []).map((l: any) => ({
      product_id: l.product_id,
      variant_id: l.variant_id,
      title: l.title,
      quantity: Number(l.quantity),
      short_quantity: Number(l.short_quantity),
    }))
  )
  const productIds = [...new Set(lines.map((l) => l.product_id).filter(Boolean))] as string[]
  return harvestList(lines, await loadAttributions(query, productIds))
}
