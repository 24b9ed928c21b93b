import fs from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { DEMO_CATALOG, DEMO_HISTORY, DEMO_OFFICE_LISTINGS, DEMO_PICKUP_NETWORK } from "./data/demo"
import { E2E_CATALOG } from "./data/e2e"
import { listingHandle } from "./data/listings"
import type { Catalog } from "./data/types"
import { emojiFilePath } from "./emoji"

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/
const HOUSEHOLD_CODE = /^[A-Z]{2}-[A-Z]{2,3}-\d{3}$/
/** Certification claims we cannot back and health claims we must not make. */
const FORBIDDEN_CLAIMS = [
  "有机",
  "绿色食品",
  "无公害",
  "地理标志",
  "认证",
  "纯天然",
  "零添加",
  "无污染",
  "养生",
  "排毒",
  "抗癌",
  "防癌",
  "免疫",
  "降血",
  "降压",
  "降糖",
  "治疗",
  "疗效",
  "功效",
  "保健",
  "药用",
  "滋补",
  "补血",
  "美容",
  "延年",
]

function allTexts(catalog: Catalog): { where: string; text: string }[] {
  return [
    ...catalog.products.flatMap((p) => [
      { where: `product ${p.handle} title`, text: p.title },
      { where: `product ${p.handle} description`, text: p.description },
      ...(p.keywords ?? []).map((k) => ({ where: `product ${p.handle} keyword`, text: k })),
    ]),
    ...catalog.households.map((h) => ({ where: `household ${h.code} story`, text: h.story })),
    ...catalog.villages.map((v) => ({ where: `village ${v.codePrefix} note`, text: v.note })),
    ...catalog.categories.map((c) => ({ where: `category ${c.handle}`, text: c.description })),
  ]
}

/** Checks that hold for every scenario's catalog. */
function checkCatalog(catalog: Catalog) {
  const dupes = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i)

  it("has unique, ascii kebab-case product handles, titles and SKUs", () => {
    const handles = catalog.products.map((p) => p.handle)
    expect(dupes(handles)).toEqual([])
    expect(handles.filter((h) => !KEBAB.test(h))).toEqual([])
    expect(dupes(catalog.products.map((p) => p.title))).toEqual([])
    const skus = catalog.products.flatMap((p) => p.variants.map((v) => `${p.handle}-${v.key}`))
    expect(dupes(skus)).toEqual([])
  })

  it("prices every variant in whole, positive fen and stocks it in whole units", () => {
    for (const product of catalog.products) {
      expect(product.variants.length, product.handle).toBeGreaterThan(0)
      expect(dupes(product.variants.map((v) => v.title)), product.handle).toEqual([])
      for (const variant of product.variants) {
        expect(Number.isSafeInteger(variant.priceFen) && variant.priceFen > 0, `${product.handle} ${variant.key}`).toBe(
          true
        )
        expect(Number.isSafeInteger(variant.stock) && variant.stock >= 0, `${product.handle} ${variant.key}`).toBe(true)
        expect(KEBAB.test(variant.key), `${product.handle} ${variant.key}`).toBe(true)
      }
    }
  })

  it("puts every product in an existing category and every category to use", () => {
    const categories = new Set(catalog.categories.map((c) => c.handle))
    expect(dupes(catalog.categories.map((c) => c.handle))).toEqual([])
    expect(catalog.products.filter((p) => !categories.has(p.category)).map((p) => p.handle)).toEqual([])
    const used = new Set(catalog.products.map((p) => p.category))
    expect([...categories].filter((c) => !used.has(c))).toEqual([])
  })

  it("ties every product to a household and every household to a village", () => {
    const households = new Map(catalog.households.map((h) => [h.code, h]))
    const villages = new Set(catalog.villages.map((v) => v.codePrefix))
    expect(catalog.products.filter((p) => !households.has(p.householdCode)).map((p) => p.handle)).toEqual([])
    for (const household of catalog.households) {
      expect(household.code, household.code).toMatch(HOUSEHOLD_CODE)
      expect(household.code.startsWith(`${household.villageCodePrefix}-`), household.code).toBe(true)
      expect(villages.has(household.villageCodePrefix), household.code).toBe(true)
    }
    expect(dupes(catalog.households.map((h) => h.code))).toEqual([])
  })

  it("has a picture file in the emoji package for every product", () => {
    const missing = catalog.products.filter((p) => !fs.existsSync(emojiFilePath(p.emoji)))
    expect(missing.map((p) => `${p.handle}: ${p.emoji}`)).toEqual([])
  })

  it("makes no certification or health claims", () => {
    const found = allTexts(catalog).flatMap(({ where, text }) =>
      FORBIDDEN_CLAIMS.filter((word) => text.includes(word)).map((word) => `${where}: ${word}`)
    )
    expect(found).toEqual([])
  })
}

describe("demo catalog", () => {
  checkCatalog(DEMO_CATALOG)

  it("has 24 products", () => {
    expect(DEMO_CATALOG.products).toHaveLength(24)
  })

  it("has at least 3 villages in different provinces", () => {
    const provinces = new Set(DEMO_CATALOG.villages.map((v) => v.province))
    expect(DEMO_CATALOG.villages.length).toBeGreaterThanOrEqual(3)
    expect(provinces.size).toBe(DEMO_CATALOG.villages.length)
  })

  it("has 8 households, each selling something, with a story", () => {
    expect(DEMO_CATALOG.households).toHaveLength(8)
    for (const household of DEMO_CATALOG.households) {
      expect(
        DEMO_CATALOG.products.some((p) => p.householdCode === household.code),
        household.code
      ).toBe(true)
      expect(household.story.length, household.code).toBeGreaterThan(30)
    }
  })

  it("covers the shop's categories", () => {
    const names = DEMO_CATALOG.categories.map((c) => c.name)
    expect(names).toEqual(expect.arrayContaining(["水果", "蔬菜", "粮油", "禽蛋", "菌菇", "蜂蜜", "茶叶"]))
  })

  it("says how much is in each pack (weight or count) and keeps prices realistic", () => {
    for (const product of DEMO_CATALOG.products) {
      for (const variant of product.variants) {
        expect(variant.netWeightG !== undefined || variant.count !== undefined, product.handle).toBe(true)
        // ¥5 to ¥300 a pack: anything outside is a typo in fen (a missing or extra zero).
        expect(variant.priceFen, product.handle).toBeGreaterThanOrEqual(500)
        expect(variant.priceFen, product.handle).toBeLessThanOrEqual(30_000)
      }
    }
  })
})

describe("e2e catalog", () => {
  checkCatalog(E2E_CATALOG)

  it("is small: 2 households, 2 categories, 5 products", () => {
    expect(E2E_CATALOG.households).toHaveLength(2)
    expect(E2E_CATALOG.categories).toHaveLength(2)
    expect(E2E_CATALOG.products).toHaveLength(5)
  })
})

describe("data files", () => {
  it("import nothing at run time but each other and the constants, so the households module can reuse them", () => {
    const dir = path.join(__dirname, "data")
    const offending = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .flatMap((file) => {
        const source = fs.readFileSync(path.join(dir, file), "utf8")
        return [...source.matchAll(/^import\s+(?!type\b)[\s\S]*?\bfrom\s+"([^"]+)"/gm)]
          .map((m) => m[1])
          .filter((spec) => !spec.startsWith("./") && !["../constants", "../scenarios/e2e-fixtures"].includes(spec))
          .map((spec) => `${file}: ${spec}`)
      })
    expect(offending).toEqual([])
  })
})

describe("demo office listings", () => {
  it("each is listed by an office for a household linked to it, with a unique handle and certificate", () => {
    for (const l of DEMO_OFFICE_LISTINGS) {
      const office = DEMO_PICKUP_NETWORK.find((n) => n.office.compoundName === l.compound)
      expect(office, l.compound).toBeDefined()
      expect(office!.households ?? []).toContain(l.householdCode)
      expect(DEMO_CATALOG.categories.map((c) => c.handle)).toContain(l.category)
      expect(Number.isInteger(l.priceFen) && l.priceFen > 0).toBe(true)
      expect(fs.existsSync(emojiFilePath(l.emoji)), l.emoji).toBe(true)
      expect(l.harvest.daysAgo).toBeGreaterThan(2) // harvested before the history's first orders (day −2)
    }
    const handles = DEMO_OFFICE_LISTINGS.map(listingHandle)
    expect(new Set(handles).size).toBe(handles.length)
    for (const h of handles) expect(DEMO_CATALOG.products.map((p) => p.handle)).not.toContain(h)
    const certs = DEMO_OFFICE_LISTINGS.map((l) => l.harvest.certificateNo)
    expect(new Set(certs).size).toBe(certs.length)
  })

  it("history buys them in orders that are checked in, so their lines are traced to the harvest batch", () => {
    const checkedIn = DEMO_HISTORY.orders.slice(0, DEMO_HISTORY.collected + DEMO_HISTORY.ready).flat()
    for (const l of DEMO_OFFICE_LISTINGS) {
      expect(checkedIn.map(([h]) => h)).toContain(listingHandle(l))
    }
  })
})

describe("demo history", () => {
  const producerOf = new Map([
    ...DEMO_CATALOG.products.map((p) => [p.handle, p.householdCode] as const),
    ...DEMO_OFFICE_LISTINGS.map((l) => [listingHandle(l), l.householdCode] as const),
  ])

  it("orders only seeded products (catalogue or office listings), in positive quantities", () => {
    const handles = new Set(producerOf.keys())
    for (const order of DEMO_HISTORY.orders) {
      expect(order.length).toBeGreaterThan(0)
      for (const [handle, quantity] of order) {
        expect(handles.has(handle), handle).toBe(true)
        expect(Number.isInteger(quantity) && quantity > 0).toBe(true)
      }
    }
    expect(DEMO_HISTORY.collected).toBeLessThanOrEqual(DEMO_HISTORY.orders.length)
  })

  it("gives earnings to at least five households, so the impact page has figures to publish", () => {
    const collected = DEMO_HISTORY.orders.slice(0, DEMO_HISTORY.collected)
    const households = new Set(collected.flat().map(([handle]) => producerOf.get(handle)!))
    expect(households.size).toBeGreaterThanOrEqual(5)
  })
})
