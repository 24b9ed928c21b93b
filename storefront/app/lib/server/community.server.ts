import { z } from "zod"
import { statusOf } from "./http.server"
import { StoreUnavailableError, type StoreClient } from "./medusa.server"

/**
 * Villages, households and impact: the plugin's own store routes
 * (plugins/lianxin/src/api/store). The response shapes are parsed here so a
 * change in the backend fails loudly in one place. The product page's household
 * and breakdown come with the product (catalog.server.ts, decision 027).
 */

export type HouseholdProfile = {
  code: string
  public: boolean
  displayName: string | null
  story: string | null
  photoUrl: string | null
  village: { name: string; township: string | null; county: string; province: string } | null
  products: Array<{ id: string; handle: string | null; title: string; thumbnail: string | null }>
}

const householdSchema = z.object({
  household: z.object({
    code: z.string(),
    public_profile: z.boolean(),
    display_name: z.string().nullish(),
    story: z.string().nullish(),
    photo_url: z.string().nullish(),
    village: z
      .object({ name: z.string(), township: z.string().nullish(), county: z.string(), province: z.string() })
      .nullish(),
    products: z.array(
      z.object({ id: z.string(), handle: z.string().nullish(), title: z.string(), thumbnail: z.string().nullish() })
    ),
  }),
})

export const HOUSEHOLD_CODE = /^[A-Z]{2}-[A-Z0-9]{2,6}-\d{3,4}$/

export async function readHousehold(store: StoreClient, code: string): Promise<HouseholdProfile | null> {
  if (!HOUSEHOLD_CODE.test(code)) return null
  try {
    const raw = await store.request(`loading household ${code}`, `/store/households/${encodeURIComponent(code)}`)
    const h = householdSchema.parse(raw).household
    // Consent is decided by the backend; this only refuses to show what it did not send.
    return {
      code: h.code,
      public: h.public_profile,
      displayName: h.public_profile ? (h.display_name ?? null) : null,
      story: h.public_profile ? h.story?.trim() || null : null,
      photoUrl: h.public_profile ? (h.photo_url ?? null) : null,
      village: h.village ? { ...h.village, township: h.village.township ?? null } : null,
      products: h.products.map((p) => ({
        id: p.id,
        handle: p.handle ?? null,
        title: p.title,
        thumbnail: p.thumbnail ?? null,
      })),
    }
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 400) return null
    throw error
  }
}

export type ImpactView =
  | { suppressed: true; minimum: number }
  | {
      suppressed: false
      minimum: number
      households: number
      villages: number
      earnedFen: number
      paidFen: number
      groups: Array<{ key: string; households: number; earnedFen: number }>
      other: { households: number; earnedFen: number } | null
    }

const groupSchema = z.object({ key: z.string(), households: z.number(), earned_fen: z.number(), paid_fen: z.number() })
const impactSchema = z.object({
  impact: z.union([
    z.object({ suppressed: z.literal(true), minimum_households: z.number() }),
    z.object({
      suppressed: z.literal(false),
      minimum_households: z.number(),
      households: z.number(),
      villages: z.number(),
      earned_by_households_fen: z.number(),
      paid_to_households_fen: z.number(),
      groups: z.array(groupSchema).nullish(),
      other: groupSchema.nullish(),
    }),
  ]),
})

export async function readImpact(store: StoreClient): Promise<ImpactView> {
  const { impact } = impactSchema.parse(
    await store.request("loading impact figures", "/store/impact", { query: { group_by: "village" } })
  )
  if (impact.suppressed) return { suppressed: true, minimum: impact.minimum_households }
  return {
    suppressed: false,
    minimum: impact.minimum_households,
    households: impact.households,
    villages: impact.villages,
    earnedFen: impact.earned_by_households_fen,
    paidFen: impact.paid_to_households_fen,
    groups: (impact.groups ?? []).map((g) => ({ key: g.key, households: g.households, earnedFen: g.earned_fen })),
    other: impact.other ? { households: impact.other.households, earnedFen: impact.other.earned_fen } : null,
  }
}

/**
 * Extras around a page's main data: their failure (including an unreachable
 * backend, once the main data has loaded) leaves a gap on the page, not an error page.
 */
export async function optionalExtra<T>(
  what: string,
  read: () => Promise<T>,
  log = (m: string) => console.error(`[storefront] ${m}`)
): Promise<T | null> {
  try {
    return await read()
  } catch (error) {
    log(
      `${what} left out: ${error instanceof StoreUnavailableError ? error.reason : error instanceof Error ? error.message : String(error)}`
    )
    return null
  }
}
