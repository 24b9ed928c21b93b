import { describe, expect, it } from "vitest"
import fc from "fast-check"
import { fenToAmount, toFen } from "./money"

describe("toFen", () => {
  it("reads numbers, decimal strings and BigNumber shapes", () => {
    expect(toFen(12.8)).toBe(1280)
    expect(toFen(0.1 + 0.2)).toBe(30)
    expect(toFen("136.00000000000000000")).toBe(13600)
    expect(toFen({ value: "25.61", precision: 20 })).toBe(2561)
    expect(toFen({ raw: { value: "9.9" }, numeric: 9.9 })).toBe(990)
    expect(toFen("-3.50")).toBe(-350)
  })
  it("rounds half away from zero at the third decimal", () => {
    expect(toFen("1.005")).toBe(101)
    expect(toFen("1.004")).toBe(100)
    // Numbers as they are written, not as binary approximations (1.005 is 1.00499… as a double).
    expect(toFen(1.005)).toBe(101)
    expect(toFen(2.675)).toBe(268)
    expect(toFen(-0.125)).toBe(-13)
    expect(toFen("-0.004")).toBe(0)
  })
  it("refuses what is not an amount", () => {
    expect(() => toFen("abc")).toThrow(/not a decimal/)
    expect(() => toFen(Number.NaN)).toThrow(/finite/)
    expect(() => toFen(null)).toThrow(/not a decimal/)
  })
  it("property: fen → yuan → fen is the identity", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => toFen(fenToAmount(fen)) === fen))
  })
})
