import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { BaseSetup } from "../base"
import { ensureCategories, toProductInputs, variantSku } from "../catalog"
import { DEMO_CATALOG, DEMO_STOCK_LOCATION } from "../data/demo"
import type { ProductSeed } from "../data/types"
import { ensurePickupLocation } from "../fulfillment"
import { demoScenario } from "./demo"

/** Products the bench scenario holds in all (the demo's 24 included), unless LIANXIN_BENCH_PRODUCTS says otherwise. */
export const BENCH_PRODUCTS = 5000
/** Products per createProductsWorkflow run: fewer runs, same workflow (each run is one transaction with its events). */
const BATCH = 100

/** The n-th generated product: a demo product's twin with its own handle, title, prices and stock. Pure and deterministic. */
export function benchProduct(n: number): ProductSeed {
  const template = DEMO_CATALOG.products[n % DEMO_CATALOG.products.length]!
  // 0.80–1.20 of the template's price, rounded to 10 fen; one in 13 sold out.
  const factor = 0.8 + ((n * 37) % 41) / 100
  return {
    ...template,
    handle: `bench-${String(n).padStart(5, "0")}-${template.handle}`.slice(0, 120),
    title: `${template.title}（第${n}批）`,
    keywords: template.keywords,
    variants: template.variants.map((v) => ({
      ...v,
      priceFen: Math.max(100, Math.round((v.priceFen * factor) / 10) * 10),
      stock: n % 13 === 0 ? 0 : 20 + (n % 50),
    })),
  }
}

/**
 * The demo, then generated products up to LIANXIN_BENCH_PRODUCTS (default 5,000) for `npm run bench` (issue 16):
 * created through createProductsWorkflow in batches of 100 and stocked through createInventoryLevelsWorkflow, so
 * every event (search outbox included) fires as in production. Metadata names the template's household and village;
 * no household attribution links (those are the demo's 24).
 */
export async function benchScenario(container: MedusaContainer, base: BaseSetup, now = new Date()): Promise<void> {
  await demoScenario(container, base, now)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const productModule = container.resolve(Modules.PRODUCT)
  const total = Number(process.env.LIANXIN_BENCH_PRODUCTS ?? BENCH_PRODUCTS)
  const wanted = Math.max(0, total - DEMO_CATALOG.products.length)
  const started = Date.now()

  const pickup = await ensurePickupLocation(container, base, DEMO_STOCK_LOCATION)
  const categoryIds = await ensureCategories(container, DEMO_CATALOG.categories)
  const demo = await productModule.listProducts(
    { handle: DEMO_CATALOG.products.map((p) => p.handle) },
    { select: ["handle", "thumbnail"] }
  )
  const thumbnails = new Map(demo.map((p) => [p.handle, p.thumbnail ?? ""]))
  const imageUrls = new Map(DEMO_CATALOG.products.map((p) => [p.emoji, thumbnails.get(p.handle) ?? ""]))

  for (let from = 0; from < wanted; from += BATCH) {
    const seeds = Array.from({ length: Math.min(BATCH, wanted - from) }, (_, i) => benchProduct(from + i))
    const existing = await productModule.listProducts({ handle: seeds.map((s) => s.handle) }, { select: ["handle"] })
    const have = new Set(existing.map((p) => p.handle))
    const missing = seeds.filter((s) => !have.has(s.handle))
    if (!missing.length) continue
    const inputs = toProductInputs(DEMO_CATALOG, missing, {
      categoryIds,
      imageUrls,
      salesChannelId: base.salesChannelId,
      shippingProfileId: pickup.shippingProfileId,
    })
    await createProductsWorkflow(container).run({ input: { products: inputs } })
    const skus = missing.flatMap((p) => p.variants.map((v) => variantSku(p, v)))
    const { data: variants } = await query.graph({
      entity: "product_variant",
      fields: ["sku", "inventory_items.inventory_item_id"],
      filters: { sku: skus },
    })
    const itemBySku = new Map(
      variants.map((v) => [v.sku as string, v.inventory_items?.[0]?.inventory_item_id as string])
    )
    const levels = missing.flatMap((p) =>
      p.variants.flatMap((v) => {
        const itemId = itemBySku.get(variantSku(p, v))
        return itemId
          ? [{ inventory_item_id: itemId, location_id: pickup.stockLocationId, stocked_quantity: v.stock }]
          : []
      })
    )
    if (levels.length) await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } })
    if ((from / BATCH) % 10 === 0)
      logger.info(`Seed (bench): ${from + missing.length}/${wanted} generated products in ${Date.now() - started} ms`)
  }
  logger.info(`Seed (bench): ${wanted} generated products (${total} in all) in ${Date.now() - started} ms`)
}
