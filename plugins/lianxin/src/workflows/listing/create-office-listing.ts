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
    const productInput = transform({ input }, ({ input }) => ({
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
      inventory_levels: (variants as any[]).flatMap((v) =>
        (v.inventory_items ?? []).map((i: any) => ({
          inventory_item_id: i.inventory_item_id as string,
          location_id: input.stock_location_id,
          stocked_quantity: input.stock,
        }))
      ),
    }))
    createInventoryLevelsWorkflow.runAsStep({ input: levels })

    attributeProductWorkflow.runAsStep({
      input: transform({ input, productId }, ({ input, productId }) => ({
        product_id: productId,
        cooperative_id: null,
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
