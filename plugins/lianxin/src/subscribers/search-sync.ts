import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Query } from "../workflows/pickup/steps/service"
import { drainSearchOutbox, productSearchModule } from "../workflows/search/drain-search-outbox"
import { enqueueSearchSyncWorkflow } from "../workflows/search/enqueue-search-sync"

type Data = { id?: string | string[] } | { id?: string }[]

function ids(data: Data): string[] {
  const list = Array.isArray(data) ? data.map((d) => d.id) : Array.isArray(data.id) ? data.id : [data.id]
  return list.filter((id): id is string => typeof id === "string" && id !== "")
}

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

async function productsOfHouseholds(query: Query, householdIds: string[]): Promise<string[]> {
  if (!householdIds.length) return []
  const { data: shares } = await query.graph({
    entity: "attribution_share",
    fields: ["attribution_id"],
    filters: { household_id: householdIds },
  })
  const attributionIds = pluck(shares, ["attribution_id"])
  if (!attributionIds.length) return []
  const { data } = await query.graph({ entity: "attribution", fields: ["product.id"], filters: { id: attributionIds } })
  return pluck(data, ["product", "id"])
}

/**
 * Which products' documents an event changes. A deleted variant, inventory level or category is read with
 * `withDeleted` (in the query itself: Medusa ignores it as the second argument, which is where it was until
 * 2026-12-06, so a deleted variant's price stayed in the index).
 */
export async function affectedProducts(container: MedusaContainer, name: string, data: Data): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const eventIds = ids(data)
  if (!eventIds.length) return []
  if (name.startsWith("product.") || name === "lianxin.product.attributed") return eventIds
  if (name.startsWith("product-variant.")) {
    const { data: rows } = await query.graph({
      entity: "product_variant",
      fields: ["product_id"],
      filters: { id: eventIds },
      withDeleted: true,
    })
    return pluck(rows, ["product_id"])
  }
  if (name.startsWith("inventory-level.")) {
    const { data: levels } = await query.graph({
      entity: "inventory_level",
      fields: ["inventory_item_id"],
      filters: { id: eventIds },
      withDeleted: true,
    })
    const itemIds = pluck(levels, ["inventory_item_id"])
    if (!itemIds.length) return []
    const { data: items } = await query.graph({
      entity: "inventory_item",
      fields: ["variants.product_id"],
      filters: { id: itemIds },
    })
    return pluck(items, ["variants", "product_id"])
  }
  if (name.startsWith("inventory-item.")) {
    const { data: items } = await query.graph({
      entity: "inventory_item",
      fields: ["variants.product_id"],
      filters: { id: eventIds },
    })
    return pluck(items, ["variants", "product_id"])
  }
  if (name.startsWith("order.") || name === "lianxin.order.edited") {
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["items.product_id"],
      filters: { id: eventIds },
    })
    return pluck(orders, ["items", "product_id"])
  }
  if (name.startsWith("product-category.")) {
    const { data: categories } = await query.graph({
      entity: "product_category",
      fields: ["products.id"],
      filters: { id: eventIds },
      withDeleted: true,
    })
    return pluck(categories, ["products", "id"])
  }
  if (name.startsWith("lianxin.household.")) return productsOfHouseholds(query, eventIds)
  if (name === "lianxin.village.updated") {
    const { data: households } = await query.graph({
      entity: "household",
      fields: ["id"],
      filters: { village_id: eventIds },
    })
    return productsOfHouseholds(query, pluck(households, ["id"]))
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
