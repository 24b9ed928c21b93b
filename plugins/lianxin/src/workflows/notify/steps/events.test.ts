import { describe, expect, it } from "vitest"
import { placeName } from "./events"

describe("placeName", () => {
  it("names compound and counter once each", () => {
    expect(placeName("滨江花园", "HZ-BJ-1 前台")).toBe("滨江花园 HZ-BJ-1 前台")
    expect(placeName("测试小区", "测试小区物业服务中心")).toBe("测试小区物业服务中心")
    expect(placeName("", "1号柜台")).toBe("1号柜台")
    expect(placeName("滨江花园", null)).toBe("滨江花园")
  })
})
