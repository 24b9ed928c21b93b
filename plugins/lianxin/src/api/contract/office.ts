import type { Paginated, Timestamp } from "./common"

/** A household registered through my offices, as staff see it: public fields only. */
export type StaffHousehold = {
  id: string
  code: string
  display_name: string
  village: { id: string; name: string }
} & Record<string, unknown>
/** GET /pickup-staff/households */
export type StaffHouseholdsResponse = { households: StaffHousehold[] } & Paginated
/** POST /pickup-staff/households (201 new, 200 the same idempotency_key again) */
export type StaffHouseholdResponse = { household: StaffHousehold }

/** GET /pickup-staff/villages */
export type StaffVillagesResponse = {
  villages: Array<{
    id: string
    code: string
    name: string
    province: string | null
    county: string | null
    township: string | null
    cooperatives: Array<{ id: string; name: string }>
  }>
}
/** GET /pickup-staff/categories */
export type StaffCategoriesResponse = { categories: Array<{ id: string; name: string; handle: string }> }

/** GET /pickup-staff/households/:id/counter[?cycle_id=] */
export type StaffHouseholdCounterResponse = {
  household: Omit<StaffHousehold, "registry_recorded">
  period:
    | { type: "cycle"; cycle_id: string; name: string; pickup_starts_at: Timestamp; pickup_ends_at: Timestamp }
    | { type: "week"; start: Timestamp; end: Timestamp }
  sold: Array<{
    order_id: string | null
    line_item_id: string | null
    product_id: string | null
    product_title: string | null
    variant_title: string | null
    quantity: number | null
    amount_fen: number
  }>
  accrued_fen: number
  earned_fen: number
  latest_statement: {
    id: string
    period_start: Timestamp
    period_end: Timestamp
    total_fen: number
    status: "paid" | "unpaid"
    paid_at: Timestamp | null
    lines: Array<{
      order_id: string | null
      product_id: string | null
      product_title: string | null
      amount_fen: number
      occurred_at: Timestamp
    }>
  } | null
}

export type ListingStatus = "pending_review" | "approved" | "rejected"
/** A listing as staff and operators see it. */
export type StaffListing = {
  id: string
  status: ListingStatus
  title: string
  price_fen: number
  unit_label: string
  weight_g: number | null
  stock: number
  perishability: string
  image_urls: string[]
  household: { id: string; code: string; display_name: string; village: string | null } | null
  property_office_id: string
  submitted_by: string
  product: {
    id: string
    title: string
    handle: string
    status: string
    thumbnail: string | null
    category: { id: string; name: string } | null
  } | null
  harvest_batches: Array<{
    id: string
    harvested_on: string
    quantity: number
    quantity_unit: string
    certificate_no: string
    certificate_photo_url: string
  }>
  reviewed_at: Timestamp | null
  reject_reason: string | null
  created_at: Timestamp
}
/** GET /pickup-staff/listings */
export type StaffListingsResponse = { listings: StaffListing[] } & Paginated
/** POST /pickup-staff/listings (201 new, 200 the same idempotency_key again) */
export type StaffListingResponse = { listing: StaffListing }
/** POST /pickup-staff/uploads */
export type StaffUploadsResponse = { files: Array<{ id: string; url: string }> }
