import { describe, expect, it } from "vitest"
import {
  BANK_ACCOUNT,
  isValidNationalId,
  MAINLAND_MOBILE,
  nationalIdCheckChar,
  nationalIdProblem,
  normalizeBankAccount,
  normalizeNationalId,
} from "./prc-id"

/** Builds a valid number from 17 digits by appending the check character. */
const withCheck = (first17: string) => first17 + nationalIdCheckChar(first17)

describe("national ID check digit (ISO 7064 MOD 11-2)", () => {
  it("accepts the GB 11643 example and computed numbers", () => {
    expect(nationalIdProblem("11010519491231002X")).toBeNull()
    expect(isValidNationalId(withCheck("53092519850612003"))).toBe(true)
  })

  it("accepts a lower-case x and surrounding spaces", () => {
    expect(isValidNationalId(" 11010519491231002x ")).toBe(true)
    expect(normalizeNationalId(" 11010519491231002x ")).toBe("11010519491231002X")
  })

  it("refuses a wrong check digit", () => {
    expect(nationalIdProblem("110105194912310021")).toMatch(/check digit/)
  })

  it("catches every single-digit typo in the body", () => {
    const valid = withCheck("53092519850612003")
    for (let i = 0; i < 17; i++) {
      const d = Number(valid[i])
      const typo = valid.slice(0, i) + String((d + 1) % 10) + valid.slice(i + 1)
      expect(isValidNationalId(typo), `position ${i}`).toBe(false)
    }
  })

  it("names length, characters and birth date problems", () => {
    expect(nationalIdProblem("1101051949123100")).toBe("must be 18 characters")
    expect(nationalIdProblem("1101051949123100AX")).toMatch(/17 digits/)
    expect(nationalIdProblem(withCheck("11010519491331002"))).toMatch(/birth date/)
    expect(nationalIdProblem(withCheck("11010518000101002"))).toMatch(/birth date/)
    expect(nationalIdProblem(withCheck("01010519491231002"))).toMatch(/region/)
  })

  it("never quotes the value in its reasons", () => {
    const bad = "110105194912310021"
    expect(nationalIdProblem(bad)).not.toContain(bad)
  })
})

describe("phone and bank account formats", () => {
  it("accepts mainland mobiles only", () => {
    expect(MAINLAND_MOBILE.test("13812345678")).toBe(true)
    expect(MAINLAND_MOBILE.test("19912345678")).toBe(true)
    expect(MAINLAND_MOBILE.test("12812345678")).toBe(false)
    expect(MAINLAND_MOBILE.test("1381234567")).toBe(false)
    expect(MAINLAND_MOBILE.test("+8613812345678")).toBe(false)
  })

  it("accepts 12-19 digit accounts written with spaces or dashes", () => {
    expect(BANK_ACCOUNT.test(normalizeBankAccount("6222 0212 3456 7890 123"))).toBe(true)
    expect(BANK_ACCOUNT.test(normalizeBankAccount("6222-0212-3456"))).toBe(true)
    expect(BANK_ACCOUNT.test("62220212345")).toBe(false)
    expect(BANK_ACCOUNT.test("62220212345678901234")).toBe(false)
  })
})
