import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { HOUSEHOLD_PROFILE_FIELDS, toPublicHouseholdProfile, type HouseholdForProfile } from "../public-profile"
import type { WithValidatedParams } from "../../../utils/validate-params"
import type { StoreGetHouseholdQueryType, StoreHouseholdParamsType } from "../validators"

const PROFILE_FIELDS = [
  ...HOUSEHOLD_PROFILE_FIELDS,
  "attribution_shares.attribution.product.id",
  "attribution_shares.attribution.product.handle",
  "attribution_shares.attribution.product.title",
  "attribution_shares.attribution.product.thumbnail",
  "attribution_shares.attribution.product.status",
  "attribution_shares.attribution.product.sales_channels.id",
]

/** A household's public profile by its pseudonymous code. */
export async function GET(
  req: MedusaStoreRequest<unknown, StoreGetHouseholdQueryType> & WithValidatedParams<StoreHouseholdParamsType>,
  res: MedusaResponse
) {
  const { product_limit } = req.validatedQuery as StoreGetHouseholdQueryType
  const { code } = req.validatedParams
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "household",
    fields: PROFILE_FIELDS,
    filters: { code },
  })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No household with code ${code}`)
  }
  const household = toPublicHouseholdProfile(data[0] as HouseholdForProfile, {
    salesChannelIds: req.publishable_key_context?.sales_channel_ids ?? [],
    productLimit: product_limit,
  })
  res.json({ household })
}
