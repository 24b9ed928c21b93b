import { describe, expect, it } from "vitest"
import { formatCountdown, formatDateTime, formatWindow, householdImpact, orderStatus, type PriceBreakdown } from "./commerce"

const breakdown = (over: Partial<PriceBreakdown> = {}): PriceBreakdown => ({
  productId: "prod_apple",
  policyVersion: 1,
  householdCodes: ["ZJ-LS-001"],
  variants: [{ variantId: "variant_a", title: "5斤装", priceFen: 1280, sharesFen: { household: 1024, cooperative: 0, property_office: 128, platform: 128 } }],
  ...over,
})

describe("householdImpact", () => {
  it("adds each line's household share and counts distinct households", () => {
    const rice = breakdown({
      productId: "prod_rice",
      householdCodes: ["ZJ-LS-002"],
      variants: [{ variantId: "variant_r", title: "2.5kg", priceFen: 5800, sharesFen: { household: 4060, cooperative: 580, property_office: 580, platform: 580 } }],
    })
    const lines = [
      { productId: "prod_apple", variantId: "variant_a", quantity: 2, totalFen: 2560 },
      { productId: "prod_rice", variantId: "variant_r", quantity: 1, totalFen: 5800 },
    ]
    expect(householdImpact(lines, [breakdown(), rice])).toEqual({ amountFen: 2048 + 4060, households: 2, complete: true })
  })

  it("scales a discounted line to what was paid, to the fen", () => {
    const lines = [{ productId: "prod_apple", variantId: "variant_a", quantity: 2, totalFen: 2000 }]
    expect(householdImpact(lines, [breakdown()]).amountFen).toBe(1600)
  })

  it("says when a line had no breakdown", () => {
    const lines = [{ productId: "prod_x", variantId: "variant_x", quantity: 1, totalFen: 100 }]
    expect(householdImpact(lines, [breakdown()])).toEqual({ amountFen: 0, households: 0, complete: false })
  })
})

describe("orderStatus", () => {
  it("maps Medusa and pickup states to what residents understand", () => {
    expect(orderStatus({ status: "pending", fulfillment_status: "not_fulfilled" })).toBe("placed")
    expect(orderStatus({ status: "canceled", pickupStatus: "ready" })).toBe("canceled")
    expect(orderStatus({ status: "pending", pickupStatus: "ready" })).toBe("ready")
    expect(orderStatus({ status: "pending", pickupStatus: "uncollected" })).toBe("uncollected")
    expect(orderStatus({ status: "completed" })).toBe("collected")
    expect(orderStatus({ status: "pending", fulfillment_status: "delivered" })).toBe("collected")
  })
})

describe("dates in Asia/Shanghai", () => {
  it("shows Shanghai wall-clock time whatever the server zone", () => {
    // 14:00 UTC is 22:00 in Shanghai.
    expect(formatDateTime("2026-11-29T14:00:00Z", "zh-CN")).toBe("11月29日 22:00")
    expect(formatDateTime("2026-11-29T16:30:00Z", "zh-CN")).toBe("11月30日 00:30")
  })

  it("prints a pickup window with the date once when it is on one day", () => {
    expect(formatWindow("2026-11-30T08:00:00Z", "2026-11-30T12:00:00Z", "zh-CN")).toBe("11月30日 16:00–20:00")
    expect(formatWindow("2026-11-30T08:00:00Z", "2026-12-01T12:00:00Z", "zh-CN")).toBe("11月30日 16:00–12月1日 20:00")
  })

  it("counts down in days, hours and minutes", () => {
    expect(formatCountdown((3 * 60 + 5) * 60_000, "zh-CN")).toBe("3小时05分")
    expect(formatCountdown((26 * 60 + 1) * 60_000, "zh-CN")).toBe("1天2小时01分")
    expect(formatCountdown(30_000, "zh-CN")).toBe("不到1分钟")
    expect(formatCountdown(-5, "zh-CN")).toBe("不到1分钟")
    expect(formatCountdown(65 * 60_000, "en")).toBe("1 h 05 min")
  })
})
