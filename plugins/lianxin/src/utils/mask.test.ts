import { describe, expect, it } from "vitest"
import { maskBankAccount, maskNationalId, maskPhone } from "./mask"

describe("maskNationalId", () => {
  it("keeps the first and last four characters", () => {
    expect(maskNationalId("110101199003071234")).toBe("1101**********1234")
    expect(maskNationalId("11010519491231002X")).toBe("1101**********002X")
  })
  it("hides short values completely", () => {
    expect(maskNationalId("12345")).toBe("*****")
    expect(maskNationalId("")).toBe("****")
  })
})

describe("maskPhone", () => {
  it("keeps the carrier prefix and last four digits", () => {
    expect(maskPhone("13812345678")).toBe("138****5678")
  })
  it("hides short values completely", () => {
    expect(maskPhone("1234")).toBe("****")
  })
})

describe("maskBankAccount", () => {
  it("shows only the last four digits and hides the length", () => {
    expect(maskBankAccount("6222021234567890123")).toBe("**** **** 0123")
    expect(maskBankAccount("622202123456")).toBe("**** **** 3456")
    expect(maskBankAccount("6222 0212 3456 7890 123")).toBe("**** **** 0123")
  })
  it("hides short values completely", () => {
    expect(maskBankAccount("1234567")).toBe("**** ****")
  })
})
