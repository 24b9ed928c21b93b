import { describe, expect, it } from "vitest"
import { toFen as ledgerToFen } from "../../../plugins/lianxin/src/utils/money"
import { formatFen, minFen, toFen } from "./money"

describe("toFen", () => {
  it("converts major units to integer fen without float drift", () => {
    expect(toFen(12.8)).toBe(1280)
    expect(toFen(0.1 + 0.2)).toBe(30)
    // Read as decimal text and rounded half away from zero, as the plugin's ledger reads it
    // (Math.round(1.005 * 100) would give 100: 1.005 is 1.00499… in binary).
    expect(toFen(1.005)).toBe(101)
    expect(toFen("1.005")).toBe(101)
    expect(toFen(-0.125)).toBe(-13)
    expect(toFen(19.99)).toBe(1999)
    expect(toFen(0)).toBe(0)
  })

  it("accepts Medusa's BigNumber strings", () => {
    expect(toFen("12.8")).toBe(1280)
    expect(toFen("136.00000000000000000")).toBe(13600)
    expect(toFen(" 68 ")).toBe(6800)
  })

  it("returns null for missing or non-numeric amounts instead of ¥0.00", () => {
    expect(toFen(null)).toBeNull()
    expect(toFen(undefined)).toBeNull()
    expect(toFen("")).toBeNull()
    expect(toFen("abc")).toBeNull()
    expect(toFen(Number.NaN)).toBeNull()
    expect(toFen(Number.POSITIVE_INFINITY)).toBeNull()
  })
})

describe("one conversion for shop and ledger", () => {
  it("gives the same fen as the plugin's toFen for every amount the plugin accepts", () => {
    for (const amount of [
      0,
      0.01,
      0.1 + 0.2,
      1.005,
      2.675,
      12.8,
      19.99,
      136,
      -3.5,
      "136.00000000000000000",
      "0.015",
      "-0.125",
      "99999.995",
    ]) {
      expect(toFen(amount)).toBe(ledgerToFen(amount))
    }
  })
})

describe("formatFen", () => {
  it("formats fen as mainland yuan with two decimals", () => {
    expect(formatFen(1280)).toBe("¥12.80")
    expect(formatFen(5)).toBe("¥0.05")
    expect(formatFen(0)).toBe("¥0.00")
    expect(formatFen(12345678)).toBe("¥123,456.78")
  })

  it("refuses fractional fen, which would mean a conversion was skipped", () => {
    expect(() => formatFen(12.8)).toThrow(TypeError)
  })

  it("round-trips every price from 0 to ¥100 exactly", () => {
    for (let fen = 0; fen <= 10_000; fen++) {
      const yuan = fen / 100
      expect(toFen(yuan)).toBe(fen)
      expect(toFen(yuan.toFixed(2))).toBe(fen)
    }
  })
})

describe("minFen", () => {
  it("ignores unknown prices", () => {
    expect(minFen([3980, null, 1280])).toBe(1280)
    expect(minFen([null, null])).toBeNull()
    expect(minFen([])).toBeNull()
  })
})
