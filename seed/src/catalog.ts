import type { CreateProductWorkflowInputDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { CURRENCY_CODE } from "./constants"
import type { Catalog, CategorySeed, Household, ProductSeed, Village, VariantSeed } from "./data/types"
import { uploadEmojiImages } from "./images"
import { fenToAmount } from "./money"

/** The variant option every product has; its values are the variant titles (5斤装, 500g, 30枚 …). */
export const SIZE_OPTION_TITLE = "规格"

export function variantSku(product: ProductSeed, variant: VariantSeed): string {
  return `${product.handle}-${variant.key}`
}

/**
 * Producer and place, recorded on the product until the households module
 * links products to households (then this stays as a readable copy).
 */
export function producerMetadata(household: Household, village: Village): Record<string, string> {
  return {
    household_code: household.code,
    household_name: household.displayName,
    village: village.name,
    township: village.township,
    county: village.county,
    prefecture: village.prefecture,
    province: village.province,
    ...(household.cooperativeMember && village.cooperative ? { cooperative: village.cooperative } : {}),
  }
}

export type ProductRefs = {
  categoryIds: ReadonlyMap<string, string>
  imageUrls: ReadonlyMap<string, string>
  salesChannelId: string
  shippingProfileId: string
}

function lookup<T>(map: ReadonlyMap<string, T>, key: string, what: string): T {
  const value = map.get(key)
  if (value === undefined) {
    throw new Error(`No ${what} "${key}" in the seed data`)
  }
  return value
}

/** Pure: the createProductsWorkflow input for catalog products, in catalog order. */
export function toProductInputs(
  catalog: Catalog,
  products: readonly ProductSeed[],
  refs: ProductRefs
): CreateProductWorkflowInputDTO[] {
  const households = new Map(catalog.households.map((h) => [h.code, h]))
  const villages = new Map(catalog.villages.map((v) => [v.codePrefix, v]))
  return products.map((product) => {
    const household = lookup(households, product.householdCode, "household")
    const village = lookup(villages, household.villageCodePrefix, "village")
    const imageUrl = lookup(refs.imageUrls, product.emoji, "uploaded image for emoji")
    return {
      title: product.title,
      handle: product.handle,
      description: product.description,
      status: ProductStatus.PUBLISHED,
      thumbnail: imageUrl,
      images: [{ url: imageUrl }],
      origin_country: "cn",
      category_ids: [lookup(refs.categoryIds, product.category, "category")],
      sales_channels: [{ id: refs.salesChannelId }],
      shipping_profile_id: refs.shippingProfileId,
      metadata: {
        ...producerMetadata(household, village),
        image_source: `fluentui-emoji:flat/${product.emoji}`,
        ...(product.keywords?.length ? { search_keywords: product.keywords } : {}),
      },
      options: [{ title: SIZE_OPTION_TITLE, values: product.variants.map((v) => v.title) }],
      variants: product.variants.map((variant) => ({
        title: variant.title,
        sku: variantSku(product, variant),
        manage_inventory: true,
        allow_backorder: false,
        weight: variant.netWeightG ?? null,
        options: { [SIZE_OPTION_TITLE]: variant.title },
        prices: [{ currency_code: CURRENCY_CODE, amount: fenToAmount(variant.priceFen) }],
        metadata: {
          ...(variant.netWeightG !== undefined ? { net_weight_g: variant.netWeightG } : {}),
          ...(variant.count !== undefined ? { count: variant.count } : {}),
        },
      })),
    }
  })
}

/** Creates the categories that are missing (by handle); returns handle → id for all of them. */
export async function ensureCategories(
  container: MedusaContainer,
  categories: readonly CategorySeed[]
): Promise<Map<string, string>> {
  const productModule = container.resolve(Modules.PRODUCT)
  const handles = categories.map((c) => c.handle)
  const existing = await productModule.listProductCategories({ handle: handles }, { select: ["id", "handle"] })
  const ids = new Map(existing.map((c) => [c.handle, c.id]))
  const missing = categories.filter((c) => !ids.has(c.handle))
  if (missing.length > 0) {
    const { result } = await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: missing.map((c) => ({
          name: c.name,
          handle: c.handle,
          description: c.description,
          is_active: true,
          is_internal: false,
          rank: categories.indexOf(c),
        })),
      },
    })
    for (const category of result) {
      ids.set(category.handle, category.id)
    }
  }
  return ids
}

export type CatalogTarget = {
  salesChannelId: string
  shippingProfileId: string
  stockLocationId: string
}

/**
 * Categories, pictures, products and their stock at one location. Products are
 * matched by handle and stock levels by item and location, so a scenario that
 * stopped half-way can be run again without duplicates.
 */
export async function ensureCatalog(
  container: MedusaContainer,
  catalog: Catalog,
  target: CatalogTarget
): Promise<{ createdProducts: number; createdLevels: number }> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const productModule = container.resolve(Modules.PRODUCT)
  const inventoryModule = container.resolve(Modules.INVENTORY)

  const categoryIds = await ensureCategories(container, catalog.categories)

  const handles = catalog.products.map((p) => p.handle)
  const existing = await productModule.listProducts({ handle: handles }, { select: ["id", "handle"] })
  const existingHandles = new Set(existing.map((p) => p.handle))
  const toCreate = catalog.products.filter((p) => !existingHandles.has(p.handle))

  if (toCreate.length > 0) {
    const imageUrls = await uploadEmojiImages(
      container,
      toCreate.map((p) => p.emoji)
    )
    const inputs = toProductInputs(catalog, toCreate, {
      categoryIds,
      imageUrls,
      salesChannelId: target.salesChannelId,
      shippingProfileId: target.shippingProfileId,
    })
    // One run per product: each gets its own created_at, so "newest first"
    // lists come out in the same order on every seeded database.
    for (const product of inputs) {
      await createProductsWorkflow(container).run({ input: { products: [product] } })
    }
    logger.info(`Seed: created ${toCreate.length} products with ${imageUrls.size} pictures`)
  }

  // Stock: createProductsWorkflow made one inventory item per variant (by SKU).
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["sku", "inventory_items.inventory_item_id"],
    filters: { sku: catalog.products.flatMap((p) => p.variants.map((v) => variantSku(p, v))) },
  })
  const itemBySku = new Map<string, string>()
  for (const variant of variants) {
    const itemId = variant.inventory_items?.[0]?.inventory_item_id
    if (variant.sku && itemId) {
      itemBySku.set(variant.sku, itemId)
    }
  }
  const itemIds = [...itemBySku.values()]
  const levels = itemIds.length
    ? await inventoryModule.listInventoryLevels({
        location_id: target.stockLocationId,
        inventory_item_id: itemIds,
      })
    : []
  const stocked = new Set(levels.map((l) => l.inventory_item_id))

  const newLevels = catalog.products.flatMap((product) =>
    product.variants.flatMap((variant) => {
      const sku = variantSku(product, variant)
      const itemId = lookup(itemBySku, sku, "inventory item for SKU")
      return stocked.has(itemId)
        ? []
        : [{ inventory_item_id: itemId, location_id: target.stockLocationId, stocked_quantity: variant.stock }]
    })
  )
  if (newLevels.length > 0) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: newLevels } })
    logger.info(`Seed: stocked ${newLevels.length} variants at ${target.stockLocationId}`)
  }
  return { createdProducts: toCreate.length, createdLevels: newLevels.length }
}
