import { describe, expect, it } from "vitest"
import { safeRedirect } from "./safe-redirect"

describe("safeRedirect", () => {
  it("keeps same-site paths", () => {
    expect(safeRedirect("/products/apple?x=1")).toBe("/products/apple?x=1")
    expect(safeRedirect("/")).toBe("/")
  })

  it("refuses anything that could leave the site", () => {
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "products",
      "/a\r\nSet-Cookie: x=y",
      undefined,
      42,
    ]) {
      expect(safeRedirect(bad)).toBe("/")
    }
    expect(safeRedirect("//evil.example", "/products")).toBe("/products")
  })
})
