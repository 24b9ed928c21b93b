import { describe, expect, it } from "vitest"
import { shanghaiAt, shanghaiDay } from "./clock"

describe("seed time in Asia/Shanghai", () => {
  it("names the Shanghai day, also after 16:00 UTC (midnight in Shanghai)", () => {
    expect(shanghaiDay(new Date("2026-12-06T15:59:00Z"))).toBe("2026-12-06")
    expect(shanghaiDay(new Date("2026-12-06T16:00:00Z"))).toBe("2026-12-07")
  })

  it("puts wall-clock times on days before and after", () => {
    const at = new Date("2026-12-06T15:59:00Z") // 23:59 on 12-06 in Shanghai
    expect(shanghaiAt(at, -2, "12:00").toISOString()).toBe("2026-12-04T04:00:00.000Z")
    expect(shanghaiAt(at, 0, "22:00").toISOString()).toBe("2026-12-06T14:00:00.000Z")
    expect(shanghaiAt(new Date("2026-12-07T00:30:00Z"), -1, "15:00").toISOString()).toBe("2026-12-06T07:00:00.000Z")
  })
})
