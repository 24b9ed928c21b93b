/**
 * What the public may see of a household. Built field by field from an
 * allow-list, so nothing else a query returns (let alone registry data,
 * which is not reachable from households at all) can slip into a response.
 */

/** The household fields a public profile is built from (toPublicHouseholdProfile decides which of them show). */
export const HOUSEHOLD_PROFILE_FIELDS = [
  "code",
  "display_name",
  "story",
  "photo_url",
  "public_profile_consent",
  "village.name",
  "village.township",
  "village.county",
  "village.province",
]

export type HouseholdForProfile = {
  code: string
  display_name?: string | null
  story?: string | null
  photo_url?: string | null
  public_profile_consent: boolean
  village?: { name: string; township?: string | null; county: string; province: string } | null
  attribution_shares?:
    | {
        attribution?: {
          product?: {
            id: string
            handle?: string | null
            title: string
            thumbnail?: string | null
            status?: string | null
            sales_channels?: ({ id: string } | null)[] | null
          } | null
        } | null
      }[]
    | null
}

export type PublicProduct = { id: string; handle: string | null; title: string; thumbnail: string | null }

export type PublicHouseholdProfile = {
  code: string
  public_profile: boolean
  display_name?: string
  story?: string | null
  photo_url?: string | null
  village: { name: string; township: string | null; county: string; province: string } | null
  products: PublicProduct[]
}

/**
 * Display name, story and photo only with recorded public-profile consent.
 * Products: published, and sold in one of the caller's sales channels.
 */
export function toPublicHouseholdProfile(
  household: HouseholdForProfile,
  options: { salesChannelIds: string[]; productLimit: number }
): PublicHouseholdProfile {
  const channels = new Set(options.salesChannelIds)
  const seen = new Set<string>()
  const products: PublicProduct[] = []
  for (const share of household.attribution_shares ?? []) {
    const p = share?.attribution?.product
    if (p?.status !== "published" || seen.has(p.id)) {
      continue
    }
    if (!(p.sales_channels ?? []).some((sc) => sc && channels.has(sc.id))) {
      continue
    }
    seen.add(p.id)
    products.push({ id: p.id, handle: p.handle ?? null, title: p.title, thumbnail: p.thumbnail ?? null })
  }
  products.sort((a, b) => a.title.localeCompare(b.title, "zh-CN") || a.id.localeCompare(b.id))

  const v = household.village
  const profile: PublicHouseholdProfile = {
    code: household.code,
    public_profile: household.public_profile_consent === true,
    village: v ? { name: v.name, township: v.township ?? null, county: v.county, province: v.province } : null,
    products: products.slice(0, options.productLimit),
  }
  if (profile.public_profile) {
    profile.display_name = household.display_name ?? undefined
    profile.story = household.story ?? null
    profile.photo_url = household.photo_url ?? null
  }
  return profile
}
