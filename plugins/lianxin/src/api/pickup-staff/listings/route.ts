import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createOfficeListingWorkflow } from "../../../workflows/listing/create-office-listing"
import { listings, notFound, officeContext, ownHousehold, type OfficeContext } from "../households/office"
import { listingViews } from "./helpers"
import { rows } from "../../../utils/query-types"
import type { StaffCreateListingType, StaffListListingsQueryType } from "./validators"
import type { StaffListingResponse, StaffListingsResponse } from "../../contract"

/** My offices' listings, newest first. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, StaffListListingsQueryType>,
  res: MedusaResponse<StaffListingsResponse>
) {
  const ctx = await officeContext(req)
  const { status, household_id, limit, offset } = req.validatedQuery
  if (!ctx.officeIds.length) return res.json({ listings: [], count: 0, offset, limit })
  const [rows, count] = await listings(req).listAndCountListings(
    { property_office_id: ctx.officeIds, ...(status ? { status } : {}), ...(household_id ? { household_id } : {}) },
    { take: limit, skip: offset, order: { created_at: "DESC" }, relations: ["harvest_batches"] }
  )
  res.json({ listings: await listingViews(req, rows), count, offset, limit })
}

/** Where a listed product is sold and stocked: the store's default sales channel, its stock location, the default shipping profile. */
async function storeTargets(req: AuthenticatedMedusaRequest) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: stores } = await query.graph({
    entity: "store",
    fields: ["id", "default_sales_channel_id", "supported_currencies.currency_code", "supported_currencies.is_default"],
  })
  const store = stores[0]
  const salesChannelId = store?.default_sales_channel_id
  if (!salesChannelId)
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "The store has no default sales channel")
  const { data: channels } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "stock_locations.id"],
    filters: { id: salesChannelId },
  })
  const stockLocationId = channels[0]?.stock_locations?.[0]?.id
  if (!stockLocationId) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "The store's sales channel has no stock location")
  }
  const profiles = await req.scope.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" }, { take: 1 })
  if (!profiles[0]) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "There is no default shipping profile")
  const currency =
    rows(store.supported_currencies).find((c) => c.is_default)?.currency_code ??
    rows(store.supported_currencies)[0]?.currency_code ??
    "cny"
  return { salesChannelId, stockLocationId, shippingProfileId: profiles[0].id, currency }
}

async function replayListing(req: AuthenticatedMedusaRequest, ctx: OfficeContext, key: string) {
  const [done] = await listings(req).listListings({ idempotency_key: key }, { take: 1, relations: ["harvest_batches"] })
  if (!done) return null
  if (!ctx.officeIds.includes(done.property_office_id)) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      "idempotency_key: already used for another request; make a new one"
    )
  }
  return done
}

/**
 * Lists a household's produce: a draft product awaiting an operator's review.
 * The same idempotency_key again returns the first listing with 200.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<StaffCreateListingType>,
  res: MedusaResponse<StaffListingResponse>
) {
  const ctx = await officeContext(req)
  const body = req.validatedBody
  const officeId = await ownHousehold(req, ctx, body.household_id)

  const replayed = await replayListing(req, ctx, body.idempotency_key)
  if (replayed) {
    const [listing] = await listingViews(req, [replayed])
    return res.status(200).json({ listing })
  }
  const [category] = await req.scope
    .resolve(Modules.PRODUCT)
    .listProductCategories({ id: body.category_id, is_active: true, is_internal: false }, { select: ["id"], take: 1 })
  if (!category) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `category_id: no active category with id ${body.category_id}`)
  }
  const targets = await storeTargets(req)
  let listingId: string
  try {
    const { result } = await createOfficeListingWorkflow(req.scope).run({
      input: {
        ...body,
        weight_g: body.weight_g ?? null,
        staff_id: ctx.staffId,
        property_office_id: officeId,
        sales_channel_id: targets.salesChannelId,
        shipping_profile_id: targets.shippingProfileId,
        stock_location_id: targets.stockLocationId,
        currency_code: targets.currency,
      },
    })
    listingId = result.listing_id
  } catch (error) {
    // Two taps racing: the later one met the unique key and rolled its product back.
    const raced = await replayListing(req, ctx, body.idempotency_key)
    if (raced) {
      const [listing] = await listingViews(req, [raced])
      return res.status(200).json({ listing })
    }
    throw error
  }
  const [row] = await listings(req).listListings({ id: listingId }, { take: 1, relations: ["harvest_batches"] })
  if (!row) throw notFound("listing", listingId)
  const [listing] = await listingViews(req, [row])
  res.status(201).json({ listing })
}
