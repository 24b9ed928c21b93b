import { describe, expect, it } from "vitest"
import { amountToFen, curatedKeywords, type ProductSearchSource, toSearchDocument } from "./search-document"

function product(overrides: Partial<ProductSearchSource> = {}): ProductSearchSource {
  return {
    id: "prod_1",
    handle: "fuji-apple",
    title: "塬上红富士苹果",
    description: "脆甜带酸",
    status: "published",
    thumbnail: "http://x/apple.svg",
    metadata: { search_keywords: ["富士", "苹果", "apple"], perishability: "chilled" },
    created_at: "2026-10-01T00:00:00.000Z",
    categories: [{ name: "水果", handle: "fruit" }],
    sales_channels: [{ id: "sc_1" }],
    variants: [
      {
        title: "10斤装",
        manage_inventory: true,
        allow_backorder: false,
        prices: [
          { amount: 72, currency_code: "cny" },
          { amount: 9.99, currency_code: "usd" },
        ],
        inventory_items: [
          { required_quantity: 1, inventory: { location_levels: [{ stocked_quantity: 5, reserved_quantity: 5 }] } },
        ],
      },
      {
        title: "5斤装",
        manage_inventory: true,
        allow_backorder: false,
        prices: [{ amount: "39.90000000000000000", currency_code: "CNY" }],
        inventory_items: [
          { required_quantity: 1, inventory: { location_levels: [{ stocked_quantity: 3, reserved_quantity: 1 }] } },
        ],
      },
    ],
    attribution: {
      shares: [
        {
          share_bp: 10000,
          household: {
            code: "SX-YA-008",
            display_name: "高叔家",
            public_profile_consent: false,
            village: { name: "沟坡村", province: "陕西省", county: "洛川县", township: "旧县镇" },
          },
        },
      ],
    },
    ...overrides,
  }
}

describe("toSearchDocument", () => {
  it("holds the fields residents search and filter on", () => {
    const doc = toSearchDocument(product(), { salesChannelIds: ["sc_1"], soldCount: 7 })
    expect(doc).toMatchObject({
      id: "prod_1",
      title: "塬上红富士苹果",
      keywords: ["富士", "苹果", "apple"],
      category_names: ["水果"],
      category_handles: ["fruit"],
      villages: ["沟坡村"],
      provinces: ["陕西省"],
      places: ["沟坡村", "旧县镇", "洛川县", "陕西省", "旧县", "洛川", "陕西"],
      sizes: ["10斤装", "5斤装"],
      household_codes: ["SX-YA-008"],
      price_min_fen: 3990,
      price_max_fen: 7200,
      price_band: "20-50",
      in_stock: true,
      storage: "chilled",
      sales_channel_ids: ["sc_1"],
      created_at: Date.parse("2026-10-01T00:00:00.000Z"),
      sold_count: 7,
    })
    expect(doc?.title_pinyin.split(" ")).toContain("pingguo")
    expect(doc?.title_grams.split(" ")).toContain("富士")
  })

  it("names the household only with public-profile consent", () => {
    expect(toSearchDocument(product())?.household_names).toEqual([])
    const consented = product()
    const share = consented.attribution?.shares?.[0]
    if (share?.household) share.household.public_profile_consent = true
    expect(toSearchDocument(consented)?.household_names).toEqual(["高叔家"])
  })

  it("is out of stock when no variant has a free unit, in stock with backorder or unmanaged inventory", () => {
    const soldOut = product()
    for (const v of soldOut.variants ?? []) {
      for (const item of v?.inventory_items ?? []) {
        for (const level of item?.inventory?.location_levels ?? [])
          if (level) level.reserved_quantity = level.stocked_quantity
      }
    }
    expect(toSearchDocument(soldOut)?.in_stock).toBe(false)
    const backorder = product({ variants: [{ manage_inventory: true, allow_backorder: true, prices: [] }] })
    expect(toSearchDocument(backorder)?.in_stock).toBe(true)
    expect(toSearchDocument(product({ variants: [] }))?.in_stock).toBe(false)
  })

  it("leaves out drafts, products of other channels and products of no channel", () => {
    expect(toSearchDocument(product({ status: "draft" }))).toBeNull()
    expect(toSearchDocument(product(), { salesChannelIds: ["sc_other"] })).toBeNull()
    expect(toSearchDocument(product({ sales_channels: [] }))).toBeNull()
  })

  it("defaults to ambient storage and never copies unknown metadata", () => {
    const doc = toSearchDocument(product({ metadata: { national_id: "110101199003074518", phone: "13800138000" } }))
    expect(doc?.storage).toBe("ambient")
    expect(JSON.stringify(doc)).not.toMatch(/110101199003074518|13800138000/)
  })
})

describe("amountToFen and curatedKeywords", () => {
  it("rounds prices to whole fen once and rejects non-prices", () => {
    expect(amountToFen(39.9)).toBe(3990)
    expect(amountToFen("0.29")).toBe(29)
    expect(() => amountToFen("abc")).toThrow()
    expect(() => amountToFen(-1)).toThrow()
  })
  it("reads keywords from an array or a separated string, deduplicated", () => {
    expect(curatedKeywords({ search_keywords: "富士、苹果,苹果 apple" })).toEqual(["富士", "苹果", "apple"])
    expect(curatedKeywords({ search_keywords: [1, "蛋", ""] })).toEqual(["蛋"])
    expect(curatedKeywords(null)).toEqual([])
  })
})
