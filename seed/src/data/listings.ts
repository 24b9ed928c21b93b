/**
 * Produce a property office listed on a household's behalf (the office portal's 代农户上架), with the harvest batch
 * and its 食用农产品承诺达标合格证, approved by the operator: so the demo has listings in Admin, harvest batches
 * behind real orders (产地批次 on the order page, the bag label, Admin's 产地批次 and its recall) from the first
 * start. No Medusa imports here, so data checks stay fast.
 */
export type OfficeListingSeed = {
  /** The office that lists it (its staff member is the one who "listed" it). */
  compound: string
  householdCode: string
  /** The product handle is what Medusa derives from it, as for a listing made in the portal. */
  title: string
  description: string
  category: string
  priceFen: number
  unitLabel: string
  stock: number
  perishability: "chilled" | "ambient"
  emoji: string
  harvest: { daysAgo: number; quantity: number; unit: string; certificateNo: string }
}

/**
 * The handle Medusa's `toHandle` gives a listing's title (lower case, letters of any script and digits kept,
 * punctuation dropped, spaces to hyphens); the demo history orders listed products by it, and seeding fails
 * loudly if Medusa ever derives another.
 */
export const listingHandle = (l: Pick<OfficeListingSeed, "title">): string =>
  l.title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/[\s_]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
