/**
 * Whether a cart's lines can still be reserved: what checkout asks while it
 * holds the products (workflows/hooks/stock-hold.ts). Pure, so the rule is
 * tested apart from the locking.
 */
import type { RefusedProduct } from "./checkout-refusal"

/** One inventory item a cart line needs (a variant may need several items, each `required_per_unit` times). */
export type StockLine = {
  inventory_item_id: string
  /** Units of the inventory item this line needs (quantity × required_per_unit). */
  required: number
  required_per_unit: number
  quantity: number
  variant_id: string
  product_id: string | null
  title: string
  variant_title: string | null
}

/**
 * The first line (in cart order) whose inventory item cannot be reserved at
 * any single stock location — all lines needing the same item counted
 * together — as the refused product with the units of it still orderable;
 * null when everything can be reserved. `available` maps an inventory item to
 * stocked − reserved at each location it is stocked at (missing: none).
 */
export function stockShortfall(lines: StockLine[], available: Map<string, number[]>): RefusedProduct | null {
  const needed = new Map<string, number>()
  for (const line of lines)
    needed.set(line.inventory_item_id, (needed.get(line.inventory_item_id) ?? 0) + line.required)
  for (const line of lines) {
    const best = Math.max(0, ...(available.get(line.inventory_item_id) ?? [0]))
    if (best >= (needed.get(line.inventory_item_id) ?? 0)) continue
    return {
      product_id: line.product_id,
      variant_id: line.variant_id,
      title: line.title,
      variant_title: line.variant_title,
      requested: line.quantity,
      available: Math.max(0, Math.floor(best / Math.max(1, line.required_per_unit))),
    }
  }
  return null
}
