import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { maskBankAccount, maskLegalName, maskNationalId, maskPhone } from "./mask"

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

describe("masks (properties)", () => {
  const digits = (min: number, max: number) =>
    fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max })

  it("never show more than the first and last four characters of an ID, and keep its length", () => {
    fc.assert(
      fc.property(digits(10, 18), (id) => {
        const masked = maskNationalId(id)
        expect(masked).toHaveLength(id.length)
        expect(masked.slice(4, -4)).toMatch(/^\*+$/)
      })
    )
  })

  it("never show more than the last four digits of an account", () => {
    fc.assert(
      fc.property(digits(8, 19), (account) => {
        expect(maskBankAccount(account)).toBe(`**** **** ${account.slice(-4)}`)
      })
    )
  })

  it("never show the middle of a phone number", () => {
    fc.assert(
      fc.property(digits(11, 11), (phone) => {
        const masked = maskPhone(phone)
        expect(masked.slice(3, 7)).toBe("****")
      })
    )
  })
})

describe("maskLegalName", () => {
  it("keeps the first character and hides the length of the rest", () => {
    expect(maskLegalName("王秀英")).toBe("王**")
    expect(maskLegalName("李四")).toBe("李**")
    expect(maskLegalName("欧阳娜娜")).toBe("欧**")
    expect(maskLegalName(" 阿不都·热合曼 ")).toBe("阿**")
    expect(maskLegalName("𠮷野家")).toBe("𠮷**")
  })

  it("hides a one-character or empty name completely", () => {
    expect(maskLegalName("王")).toBe("**")
    expect(maskLegalName("")).toBe("**")
  })

  it("never contains any character of the name after the first", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 20, unit: "grapheme" }), (raw) => {
        const chars = Array.from(raw.trim())
        fc.pre(chars.length >= 2 && !chars.includes("*"))
        const masked = maskLegalName(raw)
        expect(masked).toBe(`${chars[0]}**`)
        for (const c of chars.slice(1)) {
          if (c !== chars[0]) expect(masked).not.toContain(c)
        }
      })
    )
  })
})
