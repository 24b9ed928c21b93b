import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { drainSearchOutbox, productSearchModule } from "../workflows/search/drain-search-outbox"
import { enqueueSearchSyncWorkflow } from "../workflows/search/enqueue-search-sync"

type Data = { id?: string | string[] } | { id?: string }[]

function ids(data: Data): string[] {
  const list = Array.isArray(data) ? data.map((d) => d.id) : Array.isArray(data.id) ? data.id : [data.id]
  return list.filter((id): id is string => typeof id === "string" && id !== "")
}

type Graph = (input: Record<string, unknown>, options?: Record<string, unknown>) => Promise<{ data: unknown[] }>

function pluck(rows: unknown[], path: string[]): string[] {
  const out: string[] = []
  const walk = (value: unknown, depth: number) => {
    if (value == null) return
    if (Array.isArray(value)) {
      for (const v of value) walk(v, depth)
      return
    }
    if (depth === path.length) {
      if (typeof value === "string") out.push(value)
      return
    }
    walk((value as Record<string, unknown>)[path[depth]], depth + 1)
  }
  walk(rows, 0)
  return out
}

async function productsOfHouseholds(graph: Graph, householdIds: string[]): Promise<string[]> {
  if (!householdIds.length) return []
  const { data: shares } = await graph({
    entity: "attribution_share",
    fields: ["attribution_id"],
    filters: { household_id: householdIds },
  })
  const attributionIds = pluck(shares, ["attribution_id"])
  if (!attributionIds.length) return []
  const { data } = await graph({ entity: "attribution", fields: ["product.id"], filters: { id: attributionIds } })
  return pluck(data, ["product", "id"])
}

/** Which products' documents an event changes. */
export async function affectedProducts(container: MedusaContainer, name: string, data: Data): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const graph: Graph = (input, options) => query.graph(input as never, options as never) as never
  const eventIds = ids(data)
  if (!eventIds.length) return []
  if (name.startsWith("product.") || name === "lianxin.product.attributed") return eventIds
  if (name.startsWith("product-variant.")) {
    const { data: rows } = await graph(
      { entity: "product_variant", fields: ["product_id"], filters: { id: eventIds } },
      { withDeleted: true }
    )
    return pluck(rows, ["product_id"])
  }
  if (name.startsWith("inventory-level.")) {
    const { data: levels } = await graph(
      { entity: "inventory_level", fields: ["inventory_item_id"], filters: { id: eventIds } },
      { withDeleted: true }
    )
    const itemIds = pluck(levels, ["inventory_item_id"])
    if (!itemIds.length) return []
    const { data: items } = await graph({
      entity: "inventory_item",
      fields: ["variants.product_id"],
      filters: { id: itemIds },
    })
    return pluck(items, ["variants", "product_id"])
  }
  if (name.startsWith("inventory-item.")) {
    const { data: items } = await graph({
      entity: "inventory_item",
      fields: ["variants.product_id"],
      filters: { id: eventIds },
    })
    return pluck(items, ["variants", "product_id"])
  }
  if (name.startsWith("order.") || name === "lianxin.order.edited") {
    const { data: orders } = await graph({ entity: "order", fields: ["items.product_id"], filters: { id: eventIds } })
    return pluck(orders, ["items", "product_id"])
  }
  if (name.startsWith("product-category.")) {
    const { data: categories } = await graph(
      { entity: "product_category", fields: ["products.id"], filters: { id: eventIds } },
      { withDeleted: true }
    )
    return pluck(categories, ["products", "id"])
  }
  if (name.startsWith("lianxin.household.")) return productsOfHouseholds(graph, eventIds)
  if (name === "lianxin.village.updated") {
    const { data: households } = await graph({ entity: "household", fields: ["id"], filters: { village_id: eventIds } })
    return productsOfHouseholds(graph, pluck(households, ["id"]))
  }
  return []
}

/**
 * Any change to what a product's search document holds → the product goes into
 * the search outbox (durable), then a best-effort drain applies it right away.
 * If Meilisearch is down the rows wait; the drain job retries with backoff.
 */
export default async function searchSync({ event, container }: SubscriberArgs<Data>) {
  if (!productSearchModule(container)) return
  const productIds = [...new Set(await affectedProducts(container, event.name, event.data))]
  if (!productIds.length) return
  await enqueueSearchSyncWorkflow(container).run({ input: { product_ids: productIds, reason: event.name } })
  try {
    await drainSearchOutbox(container, { maxBatches: 3 })
  } catch (error) {
    container
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .warn(
        `[search] drain after ${event.name} failed; the job retries: ${error instanceof Error ? error.message : error}`
      )
  }
}

export const config: SubscriberConfig = {
  event: [
    "product.created",
    "product.updated",
    "product.deleted",
    "product-variant.created",
    "product-variant.updated",
    "product-variant.deleted",
    "inventory-level.created",
    "inventory-level.updated",
    "inventory-level.deleted",
    "inventory-item.updated",
    "order.placed",
    "order.canceled",
    "lianxin.order.edited",
    "product-category.updated",
    "product-category.deleted",
    "lianxin.product.attributed",
    "lianxin.household.consent_recorded",
    "lianxin.household.updated",
    "lianxin.village.updated",
  ],
  context: { subscriberId: "lianxin-search-sync" },
}
