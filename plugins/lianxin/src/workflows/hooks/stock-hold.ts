import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CheckoutRefusal } from "../../utils/checkout-refusal"
import { stockShortfall, type StockLine } from "../../utils/stock-check"
import type { Query } from "../pickup/steps/service"

export type { StockLine } from "../../utils/stock-check"

/** How long a checkout may wait for the products' hold before it is told to try again, and how long a hold lives at most. */
const WAIT_MS = 20_000
const HOLD_SECONDS = 60

/** The lock owner of a cart's stock hold (released by owner, whatever the keys). */
export const stockOwner = (cartId: string) => `lianxin-stock:${cartId}`
const stockKey = (inventoryItemId: string) => `lianxin-stock:${inventoryItemId}`

type Locking = {
  acquire(keys: string[], args: { ownerId: string; expire: number }): Promise<void>
  release(keys: string[], args: { ownerId: string }): Promise<boolean>
  releaseAll(args: { ownerId: string }): Promise<void>
}

/**
 * Holds the cart's inventory items (in one sorted order, so two carts with
 * the same products never wait for each other crosswise) and checks, under
 * the hold, that every line's quantity is still available at one of the
 * sales channel's stock locations. The hold is one of Medusa's locks (the
 * locking module: in memory for one process, Redis across servers), keyed
 * apart from the inventory module's own locks, with an expiry so a crashed
 * checkout cannot keep it. Throws a CheckoutRefusal "out_of_stock" naming the
 * product, or "busy" after waiting WAIT_MS.
 */
export async function holdStock(
  container: { resolve: (key: string) => any },
  cartId: string,
  lines: StockLine[],
  salesChannelId: string | null
): Promise<void> {
  if (!lines.length) return
  const locking = container.resolve(Modules.LOCKING) as Locking
  const owner = stockOwner(cartId)
  const keys = [...new Set(lines.map((l) => stockKey(l.inventory_item_id)))].sort()
  const deadline = Date.now() + WAIT_MS
  let pause = 10
  for (;;) {
    try {
      await locking.acquire(keys, { ownerId: owner, expire: HOLD_SECONDS })
      break
    } catch {
      // Some keys may have been taken before one was found held: give them back.
      await locking.release(keys, { ownerId: owner }).catch(() => false)
    }
    // While someone else holds the products, a committed reservation may already have taken what this
    // cart needs: then it is refused at once instead of waiting for its turn (a refusal only, never a yes).
    const short = stockShortfall(lines, await availableByItem(container, lines, salesChannelId))
    if (short) throw new CheckoutRefusal("out_of_stock", { product: short })
    if (Date.now() >= deadline) throw new CheckoutRefusal("busy")
    await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())))
    pause = Math.min(pause * 2, 200)
  }
  try {
    const available = await availableByItem(container, lines, salesChannelId)
    const short = stockShortfall(lines, available)
    if (short) throw new CheckoutRefusal("out_of_stock", { product: short })
  } catch (error) {
    await locking.release(keys, { ownerId: owner }).catch(() => false)
    throw error
  }
}

/** Gives the cart's hold back (compensation; a second release changes nothing). */
export async function releaseStock(container: { resolve: (key: string) => any }, cartId: string): Promise<void> {
  await (container.resolve(Modules.LOCKING) as Locking).releaseAll({ ownerId: stockOwner(cartId) })
}

/**
 * Units available now per inventory item and stock location of the sales
 * channel (stocked − reserved), read after the hold was taken so that the
 * previous holder's reservation is counted.
 */
async function availableByItem(
  container: { resolve: (key: string) => any },
  lines: StockLine[],
  salesChannelId: string | null
): Promise<Map<string, number[]>> {
  const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
  const itemIds = [...new Set(lines.map((l) => l.inventory_item_id))]
  const [{ data: levels }, { data: channels }] = await Promise.all([
    query.graph({
      entity: "inventory_level",
      fields: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"],
      filters: { inventory_item_id: itemIds },
    }),
    salesChannelId
      ? query.graph({ entity: "sales_channel", fields: ["id", "stock_locations.id"], filters: { id: salesChannelId } })
      : Promise.resolve({ data: [] }),
  ])
  // The rows as asked for above (the plugin has no generated query types).
  const [channel] = channels as Array<{ stock_locations?: Array<{ id: string }> | null }>
  const locations = new Set<string>((channel?.stock_locations ?? []).map((l) => l.id))
  const available = new Map<string, number[]>()
  for (const level of levels as Array<{
    inventory_item_id: string
    location_id: string
    stocked_quantity: unknown
    reserved_quantity: unknown
  }>) {
    if (salesChannelId && !locations.has(level.location_id)) continue
    const list = available.get(level.inventory_item_id) ?? []
    list.push(Number(level.stocked_quantity ?? 0) - Number(level.reserved_quantity ?? 0))
    available.set(level.inventory_item_id, list)
  }
  return available
}
