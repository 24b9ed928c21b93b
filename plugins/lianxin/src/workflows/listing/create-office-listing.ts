import type { LinkDefinition } from "@medusajs/framework/types"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRemoteLinkStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { HOUSEHOLD_MODULE } from "../../modules/household"
import { LISTING_MODULE } from "../../modules/listing"
import { fenToAmount } from "../../utils/money"
import { attributeProductWorkflow } from "../household/attribute-product"
import { createHarvestBatchStep } from "./steps/create-harvest-batch"
import { createListingStep } from "./steps/create-listing"

export const createOfficeListingWorkflowId = "create-office-listing"

/** The variant option of every listed product: its one value is the unit label (斤, 500g/袋). */
export const LISTING_OPTION_TITLE = "规格"

export type CreateOfficeListingInput = {
  staff_id: string
  property_office_id: string
  idempotency_key: string
  household_id: string
  title: string
  description: string
  category_id: string
  price_fen: number
  unit_label: string
  weight_g?: number | null
  stock: number
  perishability: "chilled" | "ambient"
  image_urls: string[]
  harvest: {
    harvested_on: string
    quantity: number
    quantity_unit: string
    certificate_no: string
    certificate_photo_url: string
  }
  /** Where the product is sold and stocked (resolved by the route from the store's defaults). */
  sales_channel_id: string
  shipping_profile_id: string
  stock_location_id: string
  currency_code: string
}

type HouseholdOrigin = {
  code: string
  cooperative_id: string | null
  cooperative?: { name: string } | null
  village?: { name: string; township: string; county: string; province: string } | null
}

/** The product metadata and the attribution's cooperative for a household's listing. */
export function listingOrigin(h: HouseholdOrigin | undefined): {
  metadata: Record<string, string>
  cooperative_id: string | null
} {
  if (!h) return { metadata: {}, cooperative_id: null }
  const metadata: Record<string, string> = { household_code: h.code }
  if (h.village) {
    metadata.village = h.village.name
    metadata.township = h.village.township
    metadata.county = h.village.county
    metadata.province = h.village.province
  }
  if (h.cooperative_id && h.cooperative?.name) metadata.cooperative = h.cooperative.name
  return { metadata, cooperative_id: h.cooperative_id ?? null }
}

/**
 * Staff list a household's produce: a draft product (one variant priced in
 * yuan from fen, stock at the store's location), attributed to the
 * household, and a listing pending review with its harvest batch, linked to
 * product and household. A failure in any step removes what the earlier
 * steps made.
 */
export const createOfficeListingWorkflow = createWorkflow(
  createOfficeListingWorkflowId,
  (input: CreateOfficeListingInput) => {
    // Where it comes from, on the product as the catalogue's own products carry it (the product page, village pages
    // and search read it): the household's code, its village and — for a member — its cooperative. No registry data.
    const { data: households } = useQueryGraphStep({
      entity: "household",
      fields: [
        "id",
        "code",
        "cooperative_id",
        "cooperative.name",
        "village.name",
        "village.township",
        "village.county",
        "village.province",
      ],
      filters: { id: input.household_id },
    }).config({ name: "listing-household-origin" })
    // An unknown household is refused by the attribution below, whose failure rolls the product back (tested).
    const origin = transform({ households }, ({ households }) =>
      listingOrigin(households[0] as HouseholdOrigin | undefined)
    )
    const productInput = transform({ input, origin }, ({ input, origin }) => ({
      products: [
        {
          title: input.title,
          description: input.description,
          status: ProductStatus.DRAFT,
          thumbnail: input.image_urls[0],
          images: input.image_urls.map((url) => ({ url })),
          origin_country: "cn",
          category_ids: [input.category_id],
          sales_channels: [{ id: input.sales_channel_id }],
          shipping_profile_id: input.shipping_profile_id,
          metadata: {
            ...origin.metadata,
            harvest_date: input.harvest.harvested_on,
            perishability: input.perishability,
            unit_label: input.unit_label,
            listed_by_office: input.property_office_id,
            listing_idempotency_key: input.idempotency_key,
          },
          options: [{ title: LISTING_OPTION_TITLE, values: [input.unit_label] }],
          variants: [
            {
              title: input.unit_label,
              manage_inventory: true,
              allow_backorder: false,
              weight: input.weight_g ?? undefined,
              options: { [LISTING_OPTION_TITLE]: input.unit_label },
              prices: [{ currency_code: input.currency_code, amount: fenToAmount(input.price_fen) }],
              metadata: input.weight_g ? { net_weight_g: input.weight_g } : {},
            },
          ],
        },
      ],
    }))
    const products = createProductsWorkflow.runAsStep({ input: productInput })
    const productId = transform({ products }, ({ products }) => products[0].id as string)

    const { data: variants } = useQueryGraphStep({
      entity: "product_variant",
      fields: ["id", "inventory_items.inventory_item_id"],
      filters: { product_id: productId },
    }).config({ name: "listing-variant-inventory" })
    const levels = transform({ variants, input }, ({ variants, input }) => ({
      inventory_levels: (variants as Array<{ inventory_items?: Array<{ inventory_item_id: string }> | null }>).flatMap(
        (v) =>
          (v.inventory_items ?? []).map((i) => ({
            inventory_item_id: i.inventory_item_id,
            location_id: input.stock_location_id,
            stocked_quantity: input.stock,
          }))
      ),
    }))
    createInventoryLevelsWorkflow.runAsStep({ input: levels })

    attributeProductWorkflow.runAsStep({
      input: transform({ input, productId, origin }, ({ input, productId, origin }) => ({
        product_id: productId,
        // The household's cooperative takes its share of the sale, as for the catalogue's products.
        cooperative_id: origin.cooperative_id,
        shares: [{ household_id: input.household_id, share_bp: 10_000 }],
        note: `listed by pickup_staff ${input.staff_id}`,
      })),
    })

    const listing = createListingStep(
      transform({ input, productId }, ({ input, productId }) => ({
        household_id: input.household_id,
        property_office_id: input.property_office_id,
        product_id: productId,
        submitted_by: input.staff_id,
        title: input.title,
        price_fen: input.price_fen,
        unit_label: input.unit_label,
        weight_g: input.weight_g ?? null,
        stock: input.stock,
        perishability: input.perishability,
        image_urls: input.image_urls,
        idempotency_key: input.idempotency_key,
      }))
    )
    const batch = createHarvestBatchStep(
      transform({ input, listing }, ({ input, listing }) => ({ listing_id: listing.id as string, ...input.harvest }))
    )
    createRemoteLinkStep(
      transform({ input, listing, productId }, ({ input, listing, productId }): LinkDefinition[] => [
        { [LISTING_MODULE]: { listing_id: listing.id }, [Modules.PRODUCT]: { product_id: productId } },
        { [LISTING_MODULE]: { listing_id: listing.id }, [HOUSEHOLD_MODULE]: { household_id: input.household_id } },
      ])
    )
    const result = transform({ listing, batch, productId }, ({ listing, batch, productId }) => ({
      listing_id: listing.id as string,
      harvest_batch_id: batch.id as string,
      product_id: productId,
    }))
    const listingCreated = createHook("listingCreated", { result })
    return new WorkflowResponse(result, { hooks: [listingCreated] })
  }
)
