import { describe, expect, it, vi } from "vitest"
import { productSplit } from "../../../utils/product-split"
import { HOUSEHOLD_PROFILE_FIELDS } from "../../households/public-profile"
import { CATALOG_PRODUCT_SQL, catalogBreakdown, toCatalogHousehold } from "./product"
import type { StoredPolicy } from "../../../../utils/policy-resolution"

// vi.mock is hoisted above the imports: productSplit sees the mocked module and attribution reader.
// productSplit (the admin revenue-split and /store/products/:id/price-breakdown routes) reads through Query and the
// revenue-share service; the product page reads the same facts in its one statement. Both must give the same split.
vi.mock("../../../../modules/revenue-share", () => ({ REVENUE_SHARE_MODULE: "revenue_share" }))
vi.mock("../../../../workflows/revenue-share/steps/load-order-ledger-context", () => ({
  readProductAttributions: async (query: { graph: (q: unknown) => Promise<{ data: any[] }> }, ids: string[]) => {
    const { data } = await query.graph({ entity: "product", fields: ["attribution"], filters: { id: ids } })
    const a = data[0].attribution
    return new Map([
      [
        ids[0],
        a
          ? {
              cooperative_id: a.cooperative_id ?? null,
              households: a.shares
                .map((s: any) => ({ household_id: s.household_id, share_bp: Number(s.share_bp) }))
                .sort((x: any, y: any) => x.household_id.localeCompare(y.household_id)),
            }
          : null,
      ],
    ])
  },
}))

type Policy = StoredPolicy
const policy = (id: string, scope: Policy["scope"], scope_id: string | null, bp: [number, number, number, number]) => ({
  id,
  scope,
  scope_id,
  version: 3,
  household_bp: bp[0],
  cooperative_bp: bp[1],
  property_office_bp: bp[2],
  platform_bp: bp[3],
})

type Fixture = {
  variants: { id: string; title: string; fen: number | null }[]
  categories: string[]
  attribution: {
    cooperative_id: string | null
    shares: { household_id: string; share_bp: number; code: string | null }[]
  } | null
  policies: Policy[]
}

/** The old path's answer, as the page built it from productSplit. */
async function fromProductSplit(f: Fixture) {
  const graph = async ({ entity }: { entity: string }) => {
    if (entity === "household") {
      return {
        data: (f.attribution?.shares ?? []).flatMap((s) => (s.code ? [{ id: s.household_id, code: s.code }] : [])),
      }
    }
    return {
      data: [
        {
          id: "prod_1",
          categories: f.categories.map((id) => ({ id })),
          variants: f.variants.map((v) => ({
            id: v.id,
            title: v.title,
            price_set: {
              prices: [
                { amount: 1, currency_code: "eur" },
                ...(v.fen === null ? [] : [{ amount: v.fen / 100, currency_code: "cny" }]),
              ],
            },
          })),
          attribution: f.attribution,
        },
      ],
    }
  }
  const container = {
    resolve: (key: string) =>
      key === "revenue_share" ? { currentPolicies: async () => f.policies } : { graph: vi.fn(graph) },
  }
  try {
    const split = await productSplit(container as never, "prod_1")
    return {
      product_id: split.product_id,
      policy_version: split.policy.version,
      household_codes: split.household_codes,
      variants: split.variants.map((v) => ({ ...v, title: v.title ?? null })),
    }
  } catch (error) {
    if ((error as { type?: string }).type === "not_found") return null
    throw error
  }
}

/** The new path: the statement's row as PostgreSQL returns it. */
function fromStatement(f: Fixture) {
  return catalogBreakdown("prod_1", {
    variants: f.variants.map((v) => ({
      id: v.id,
      title: v.title,
      manage_inventory: true,
      allow_backorder: false,
      weight: null,
      net_weight_g: null,
      price: v.fen,
      quantity: 3,
    })),
    category_ids: [...f.categories].sort(),
    attribution_id: f.attribution ? "attr_1" : null,
    cooperative_id: f.attribution?.cooperative_id ?? null,
    attribution_shares: f.attribution?.shares ?? [],
    policies: f.policies,
  })
}

const global = policy("spol_g", "global", null, [7000, 1000, 1000, 1000])
const variants = [
  { id: "variant_b", title: "10斤装", fen: 7200 },
  { id: "variant_a", title: "5斤装", fen: 3990 },
  { id: "variant_c", title: "无价", fen: null },
  { id: "variant_d", title: "1斤", fen: 1 },
]
const fixtures: Record<string, Fixture> = {
  "one household, global policy": {
    variants,
    categories: ["pcat_1"],
    attribution: { cooperative_id: null, shares: [{ household_id: "hh_1", share_bp: 10000, code: "SX-YA-008" }] },
    policies: [global],
  },
  "no attribution": { variants, categories: [], attribution: null, policies: [global] },
  "cooperative of three households (one deleted), cooperative policy": {
    variants,
    categories: ["pcat_2", "pcat_1"],
    attribution: {
      cooperative_id: "coop_1",
      shares: [
        { household_id: "hh_z", share_bp: 3333, code: "YN-LC-009" },
        { household_id: "hh_a", share_bp: 3334, code: null },
        { household_id: "hh_m", share_bp: 3333, code: "YN-LC-001" },
      ],
    },
    policies: [global, policy("spol_c", "cooperative", "coop_1", [6000, 2000, 1000, 1000])],
  },
  "household policy over category policy": {
    variants,
    categories: ["pcat_2"],
    attribution: { cooperative_id: null, shares: [{ household_id: "hh_1", share_bp: 10000, code: "GZ-LP-012" }] },
    policies: [
      global,
      policy("spol_cat", "category", "pcat_2", [5000, 0, 2500, 2500]),
      policy("spol_h", "household", "hh_1", [8000, 0, 1000, 1000]),
    ],
  },
  "first category by id": {
    variants,
    categories: ["pcat_9", "pcat_3"],
    attribution: null,
    policies: [
      policy("spol_9", "category", "pcat_9", [5000, 0, 2500, 2500]),
      policy("spol_3", "category", "pcat_3", [6000, 0, 2000, 2000]),
    ],
  },
  "no policy in force": { variants, categories: ["pcat_1"], attribution: null, policies: [] },
}

describe("catalogBreakdown (the product page's split from its one statement)", () => {
  for (const [name, f] of Object.entries(fixtures)) {
    it(`answers what productSplit answers: ${name}`, async () => {
      const old = await fromProductSplit(f)
      const lean = fromStatement(f)
      // Variants in the page's order (rank), the rest byte for byte.
      const byId = (a: { variant_id: string }, b: { variant_id: string }) => a.variant_id.localeCompare(b.variant_id)
      expect(lean && { ...lean, variants: [...lean.variants].sort(byId) }).toEqual(
        old && { ...old, variants: [...old.variants].sort(byId) }
      )
      expect(JSON.stringify(lean?.variants.map((v) => Object.keys(v)))).toBe(
        JSON.stringify(old?.variants.map((v) => Object.keys(v)))
      )
    })
  }

  it("leaves out variants without a CNY price and splits every fen", () => {
    const b = fromStatement(fixtures["cooperative of three households (one deleted), cooperative policy"]!)!
    expect(b.variants.map((v) => v.variant_id)).toEqual(["variant_b", "variant_a", "variant_d"])
    expect(b.household_codes).toEqual(["YN-LC-001", "YN-LC-009"])
    for (const v of b.variants) {
      const s = v.shares_fen
      expect(s.household + s.cooperative + s.property_office + s.platform).toBe(v.price_fen)
    }
  })

  it("is null without a policy in force", () => {
    expect(fromStatement(fixtures["no policy in force"]!)).toBeNull()
  })
})

describe("the statement's household", () => {
  it("reads every field of the public profile's allow-list and nothing of the registry", () => {
    for (const field of HOUSEHOLD_PROFILE_FIELDS) {
      const [head, tail] = field.split(".")
      expect(CATALOG_PRODUCT_SQL, field).toContain(tail ? `'${tail}', hv.${tail}` : `'${head}', h.${head}`)
    }
    expect(CATALOG_PRODUCT_SQL).not.toMatch(/registry|national|phone|bank|poverty/i)
  })

  it("shows name, story and photo only with consent", () => {
    const household = {
      code: "SX-YA-008",
      display_name: "高叔果园",
      story: "  种苹果二十多年 ",
      photo_url: "https://example.com/p.jpg",
      public_profile_consent: true,
      village: { name: "后塬村", township: "旧县镇", county: "洛川县", province: "陕西省" },
    }
    expect(toCatalogHousehold(household)).toEqual({
      code: "SX-YA-008",
      public_profile: true,
      display_name: "高叔果园",
      story: "种苹果二十多年",
      photo_url: "https://example.com/p.jpg",
      village: household.village,
    })
    expect(toCatalogHousehold({ ...household, public_profile_consent: false })).toEqual({
      code: "SX-YA-008",
      public_profile: false,
      display_name: null,
      story: null,
      photo_url: null,
      village: household.village,
    })
  })
})
