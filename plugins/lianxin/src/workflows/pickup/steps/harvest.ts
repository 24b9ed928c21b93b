import { HARVEST_MANIFEST_COLUMNS } from "../../../utils/pickup-counter"
import { harvestList, type Attribution, type HarvestListRow } from "../../../utils/pickup-manifest"
import type { Query } from "./service"

/**
 * A harvest row with who its producers are by public code and name: the
 * household's public code (YN-LC-001) and display name, the cooperative's
 * name. Never registry data (ID number, phone, bank).
 */
export type NamedHarvestRow = HarvestListRow & {
  household_codes: string
  household_names: string
  cooperative_name: string
}

/** CSV columns of the harvest manifest: the list's columns with the producers' codes and names. */
export const NAMED_HARVEST_COLUMNS: string[] = HARVEST_MANIFEST_COLUMNS.flatMap((c): string[] =>
  c === "household_ids"
    ? [c, "household_codes", "household_names"]
    : c === "cooperative_id"
      ? [c, "cooperative_name"]
      : [c]
)

const idsOf = (joined: string | null | undefined) => (joined ?? "").split(" ").filter(Boolean)

/**
 * Adds household codes/names and the cooperative name to harvest rows, read
 * across modules with query.graph (households and cooperatives live in the
 * household module). Rows that already carry names (frozen with them) keep
 * them; a producer that cannot be read is left blank rather than failing the list.
 */
export async function withProducerNames<T extends HarvestListRow>(
  query: Pick<Query, "graph">,
  rows: T[]
): Promise<Array<T & NamedHarvestRow>> {
  const named = (r: T) =>
    "household_codes" in r &&
    typeof r.household_codes === "string" &&
    "cooperative_name" in r &&
    typeof r.cooperative_name === "string"
  const missing = rows.filter((r) => !named(r))
  const householdIds = [...new Set(missing.flatMap((r) => idsOf(r.household_ids)))]
  const cooperativeIds = [...new Set(missing.map((r) => r.cooperative_id).filter(Boolean))]
  const households = new Map<string, { code: string; display_name: string }>()
  const cooperatives = new Map<string, string>()
  try {
    if (householdIds.length) {
      const { data } = await query.graph({
        entity: "household",
        fields: ["id", "code", "display_name"],
        filters: { id: householdIds },
      })
      for (const h of data as Array<{ id: string; code: string | null; display_name: string | null }>) {
        households.set(h.id, { code: h.code ?? "", display_name: h.display_name ?? "" })
      }
    }
    if (cooperativeIds.length) {
      const { data } = await query.graph({
        entity: "cooperative",
        fields: ["id", "name"],
        filters: { id: cooperativeIds },
      })
      for (const c of data as Array<{ id: string; name: string | null }>) cooperatives.set(c.id, c.name ?? "")
    }
  } catch {
    // Without the household module the list is still useful, by id.
  }
  return rows.map((r) => {
    if (named(r)) return r as T & NamedHarvestRow
    // Same order as household_ids; codes and names stay aligned (a household not found is left out of both).
    const hs = idsOf(r.household_ids).flatMap((id) => households.get(id) ?? [])
    return {
      ...r,
      household_codes: hs.map((h) => h.code).join(" "),
      household_names: hs.map((h) => h.display_name).join("、"),
      cooperative_name: (r.cooperative_id && cooperatives.get(r.cooperative_id)) || "",
    }
  })
}

/** Who produces each product (household / cooperative), read across modules through the product link. */
export async function loadAttributions(
  query: Pick<Query, "graph">,
  productIds: string[]
): Promise<Map<string, Attribution>> {
  const attributions = new Map<string, Attribution>()
  if (!productIds.length) return attributions
  try {
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "attribution.cooperative_id", "attribution.shares.household_id"],
      filters: { id: productIds },
    })
    type AttributedProduct = {
      id: string
      attribution?: { cooperative_id: string | null; shares?: Array<{ household_id: string }> | null } | null
    }
    for (const p of data as AttributedProduct[]) {
      attributions.set(
        p.id,
        p.attribution
          ? {
              cooperative_id: p.attribution.cooperative_id ?? null,
              household_ids: (p.attribution.shares ?? []).map((s) => s.household_id).sort(),
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
/** What the harvest list reads of a pickup assignment: its lines (the relation `lines` of the Pickup Module). */
export type HarvestAssignment = {
  lines?: ReadonlyArray<{
    product_id: string | null
    variant_id: string | null
    title: string
    quantity: number
    short_quantity: number
  }> | null
}

export async function harvestRowsOf(
  query: Pick<Query, "graph">,
  assignments: HarvestAssignment[]
): Promise<NamedHarvestRow[]> {
  const lines = assignments.flatMap((a) =>
    (a.lines ?? []).map((l) => ({
      product_id: l.product_id,
      variant_id: l.variant_id,
      title: l.title,
      quantity: Number(l.quantity),
      short_quantity: Number(l.short_quantity),
    }))
  )
  const productIds = [...new Set(lines.map((l) => l.product_id).filter(Boolean))] as string[]
  return withProducerNames(query, harvestList(lines, await loadAttributions(query, productIds)))
}
