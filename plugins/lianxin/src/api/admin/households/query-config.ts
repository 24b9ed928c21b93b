/** Household fields for admin lists: never anything from household_registry (it is not reachable from here anyway). */
export const adminHouseholdListFields = [
  "id",
  "code",
  "display_name",
  "photo_url",
  "public_profile_consent",
  "registry_data_consent",
  "village.id",
  "village.code",
  "village.name",
  "village.county",
  "village.province",
  "cooperative.id",
  "cooperative.name",
  "created_at",
  "updated_at",
]

export const adminHouseholdFields = [
  ...adminHouseholdListFields,
  "story",
  "metadata",
  "village.township",
  "attribution_shares.share_bp",
  "attribution_shares.attribution.id",
  "attribution_shares.attribution.cooperative_id",
  "attribution_shares.attribution.product.id",
  "attribution_shares.attribution.product.title",
  "attribution_shares.attribution.product.handle",
  "attribution_shares.attribution.product.status",
  "attribution_shares.attribution.product.thumbnail",
]

export const retrieveHouseholdQueryConfig = { defaults: adminHouseholdFields, isList: false }
export const listHouseholdsQueryConfig = { defaults: adminHouseholdListFields, isList: true, defaultLimit: 20 }
