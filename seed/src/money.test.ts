import { describe, expect, it } from "vitest"
import { fenToAmount } from "./money"

describe("fenToAmount", () => {
  it("turns fen into Medusa's major units", () => {
    expect(fenToAmount(1280)).toBe(12.8)
    expect(fenToAmount(3990)).toBe(39.9)
    expect(fenToAmount(7200)).toBe(72)
    expect(fenToAmount(1)).toBe(0.01)
    expect(fenToAmount(0)).toBe(0)
  })

  it("refuses anything that is not a whole, non-negative number of fen", () => {
    expect(() => fenToAmount(12.8)).toThrow(/whole number of fen/)
    expect(() => fenToAmount(-100)).toThrow(/non-negative/)
    expect(() => fenToAmount(Number.NaN)).toThrow()
  })
})
