import { describe, expect, it } from "vitest"
import { producerMetadata, SIZE_OPTION_TITLE, toProductInputs } from "./catalog"
import { DEMO_CATALOG } from "./data/demo"

const refs = {
  categoryIds: new Map(DEMO_CATALOG.categories.map((c) => [c.handle, `pcat_${c.handle}`])),
  imageUrls: new Map(DEMO_CATALOG.products.map((p) => [p.emoji, `http://files.test/${p.emoji}.svg`])),
  salesChannelId: "sc_test",
  shippingProfileId: "sp_test",
}

describe("toProductInputs", () => {
  const inputs = toProductInputs(DEMO_CATALOG, DEMO_CATALOG.products, refs)
  const byHandle = new Map(inputs.map((p) => [p.handle, p]))

  it("publishes every product in the sales channel with its picture and category", () => {
    expect(inputs).toHaveLength(24)
    for (const input of inputs) {
      expect(input.status).toBe("published")
      expect(input.sales_channels).toEqual([{ id: "sc_test" }])
      expect(input.shipping_profile_id).toBe("sp_test")
      expect(input.thumbnail).toMatch(/^http:\/\/files\.test\/[a-z-]+\.svg$/)
      expect(input.images).toEqual([{ url: input.thumbnail }])
      expect(input.category_ids).toHaveLength(1)
    }
  })

  it("converts fen to Medusa amounts once, in CNY", () => {
    const apple = byHandle.get("fuji-apple-luochuan")!
    expect(apple.variants!.map((v) => [v.title, v.sku, v.prices])).toEqual([
      ["5斤装", "fuji-apple-luochuan-5jin", [{ currency_code: "cny", amount: 39.9 }]],
      ["10斤装", "fuji-apple-luochuan-10jin", [{ currency_code: "cny", amount: 72 }]],
    ])
    expect(apple.options).toEqual([{ title: SIZE_OPTION_TITLE, values: ["5斤装", "10斤装"] }])
    expect(apple.variants![0].options).toEqual({ [SIZE_OPTION_TITLE]: "5斤装" })
    expect(apple.variants!.every((v) => v.manage_inventory === true)).toBe(true)
  })

  it("records the producer and place on the product", () => {
    const tea = byHandle.get("mengku-black-tea")!
    expect(tea.metadata).toMatchObject({
      household_code: "YN-LC-007",
      village: "南岗村",
      township: "勐库镇",
      county: "双江拉祜族佤族布朗族傣族自治县",
      province: "云南省",
      cooperative: "南岗村茶叶农民专业合作社",
    })
  })

  it("hands the curated keywords to search (product.metadata.search_keywords)", () => {
    expect(byHandle.get("yellow-potato-luochuan")!.metadata).toMatchObject({
      search_keywords: ["马铃薯", "洋芋", "potato"],
    })
    const withoutKeywords = toProductInputs(
      DEMO_CATALOG,
      [{ ...DEMO_CATALOG.products[0], keywords: undefined }],
      refs
    )[0]
    expect(withoutKeywords.metadata).not.toHaveProperty("search_keywords")
  })

  it("names a cooperative only for households that sell through it", () => {
    const village = DEMO_CATALOG.villages.find((v) => v.codePrefix === "YN-LC")!
    const nonMember = DEMO_CATALOG.households.find((h) => h.code === "YN-LC-012")!
    expect(producerMetadata(nonMember, village)).not.toHaveProperty("cooperative")
  })

  it("fails loudly on a category or picture that was not created", () => {
    expect(() => toProductInputs(DEMO_CATALOG, DEMO_CATALOG.products, { ...refs, categoryIds: new Map() })).toThrow(
      /No category "fruit"/
    )
    expect(() => toProductInputs(DEMO_CATALOG, DEMO_CATALOG.products, { ...refs, imageUrls: new Map() })).toThrow(
      /uploaded image/
    )
  })
})
