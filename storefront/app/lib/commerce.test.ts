import { describe, expect, it } from "vitest"
import {
  formatCountdown,
  formatDateTime,
  formatOpeningHours,
  formatWindow,
  orderStatus,
  pointAddress,
  pointExtraName,
} from "./commerce"

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

describe("a pickup point said once", () => {
  const binjiang = {
    name: "滨江花园物业服务中心",
    compoundName: "滨江花园",
    city: "杭州市",
    district: "滨江区",
    address: "杭州市滨江区江南大道 1088 号 滨江花园 3 幢底商 物业服务中心",
  }

  it("does not put city and district in front of an address that starts with them", () => {
    expect(pointAddress(binjiang)).toBe(binjiang.address)
    expect(pointAddress({ ...binjiang, address: "文三路 478 号" })).toBe("杭州市滨江区文三路 478 号")
    expect(pointAddress({ ...binjiang, district: null, address: "文三路 478 号" })).toBe("杭州市文三路 478 号")
  })

  it("drops the point's name when the 小区 name and the address already say it", () => {
    expect(pointExtraName(binjiang)).toBeNull()
    expect(pointExtraName({ ...binjiang, name: "滨江花园", address: "江南大道 1088 号" })).toBeNull()
    expect(pointExtraName({ ...binjiang, name: "滨江花园东门快递柜" })).toBe("滨江花园东门快递柜")
    expect(pointExtraName({ ...binjiang, name: "东门快递柜" })).toBe("东门快递柜")
  })

  it("names the 小区 once across title, address line and extra name", () => {
    const shown = [binjiang.compoundName, pointAddress(binjiang), pointExtraName(binjiang) ?? ""].join(" ")
    expect(shown.split("滨江花园").length - 1).toBe(2)
  })
})

describe("formatOpeningHours", () => {
  it("says every day, weekday ranges and single days", () => {
    expect(formatOpeningHours([{ days: [1, 2, 3, 4, 5, 6, 7], opens: "08:00", closes: "20:30" }], "zh-CN")).toBe(
      "每天 08:00–20:30"
    )
    expect(formatOpeningHours([{ days: [7, 1, 2, 3, 4, 5, 6], opens: "08:00", closes: "20:30" }], "en")).toBe(
      "Daily 08:00–20:30"
    )
    expect(
      formatOpeningHours(
        [
          { days: [1, 2, 3, 4, 5], opens: "08:00", closes: "18:00" },
          { days: [6], opens: "09:00", closes: "12:00" },
        ],
        "zh-CN"
      )
    ).toBe("周一至周五 08:00–18:00；周六 09:00–12:00")
    expect(formatOpeningHours([{ days: [1, 3], opens: "09:00", closes: "17:00" }], "en")).toBe("Mon, Wed 09:00–17:00")
    expect(formatOpeningHours([{ days: [1, 2, 3, 4, 5], opens: "08:00", closes: "18:00" }], "en")).toBe(
      "Mon–Fri 08:00–18:00"
    )
  })

  it("is empty when the office did not say", () => {
    expect(formatOpeningHours(undefined, "zh-CN")).toBe("")
    expect(formatOpeningHours([], "zh-CN")).toBe("")
  })
})
