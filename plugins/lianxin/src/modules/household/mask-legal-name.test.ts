import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { maskLegalName } from "./mask-legal-name"

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
      }),
    )
  })
})
