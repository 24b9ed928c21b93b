import { describe, expect, it } from "vitest"
import { StoreGetLianxinStatus } from "./validators"

describe("StoreGetLianxinStatus", () => {
  it("defaults to zh-CN", () => {
    expect(StoreGetLianxinStatus.parse({})).toEqual({ lang: "zh-CN" })
  })

  it("accepts English", () => {
    expect(StoreGetLianxinStatus.parse({ lang: "en" })).toEqual({ lang: "en" })
  })

  it("names the field of a bad language", () => {
    const result = StoreGetLianxinStatus.safeParse({ lang: "fr" })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0].path).toEqual(["lang"])
  })

  it("refuses unknown fields", () => {
    expect(StoreGetLianxinStatus.safeParse({ lang: "en", x: "1" }).success).toBe(false)
  })
})
