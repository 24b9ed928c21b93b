import fs from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { variantSku } from "./catalog"
import { E2E_CATALOG } from "./data/e2e"
import { E2E } from "./scenarios/e2e-fixtures"

describe("E2E fixtures", () => {
  it("match what the e2e scenario seeds", () => {
    const fixtures = Object.values(E2E.products)
    expect(E2E_CATALOG.products.map((p) => p.handle)).toEqual(fixtures.map((p) => p.handle))
    E2E_CATALOG.products.forEach((product, i) => {
      const fixture = fixtures[i]
      expect(product.variants).toHaveLength("larger" in fixture ? 2 : 1)
      expect(variantSku(product, product.variants[0])).toBe(fixture.sku)
      if ("larger" in fixture) {
        expect(variantSku(product, product.variants[1])).toBe(fixture.larger.sku)
        expect(product.variants[1]).toMatchObject({
          title: fixture.larger.variantTitle,
          priceFen: fixture.larger.priceFen,
        })
      }
      expect(product.variants[0].priceFen).toBe(fixture.priceFen)
      expect(product.variants[0].stock).toBe(fixture.stock)
      expect(product.title).toBe(fixture.title)
    })
  })

  it("use titles a test can put in a RegExp as they are", () => {
    for (const product of Object.values(E2E.products)) {
      expect(product.title).not.toMatch(/[.*+?^${}()|[\]\\]/)
    }
  })

  it("load without Medusa, so browser tests can import them cheaply", () => {
    const source = fs.readFileSync(path.join(__dirname, "scenarios", "e2e-fixtures.ts"), "utf8")
    const imports = [...source.matchAll(/^(?:import|export)\b[\s\S]*?\bfrom\s+"([^"]+)"/gm)].map((m) => m[1])
    expect(imports).toEqual(["../constants"])
    const constants = fs.readFileSync(path.join(__dirname, "constants.ts"), "utf8")
    expect(constants).not.toMatch(/^\s*(import|export .* from)\s/m)
  })
})
