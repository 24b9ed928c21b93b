import { describe, expect, it } from "vitest"
import { translator } from "../i18n"
import { officeTranslator } from "./i18n"

describe("office strings", () => {
  it("are translated on office pages, in both languages, on top of the shop's", () => {
    expect(officeTranslator("zh-CN")("office.name")).toBe("物业工作台")
    expect(officeTranslator("en")("office.name")).toBe("Office desk")
    expect(officeTranslator("zh-CN")("form.office.code")).not.toBe("form.office.code")
    expect(officeTranslator("zh-CN")("a11y.skip")).toBe("跳到主要内容")
    expect(officeTranslator("en")("form.required")).toBe(translator("en")("form.required"))
  })

  it("are not in the dictionary every shop page loads (a key found nowhere shows as itself)", () => {
    expect(translator("zh-CN")("office.name")).toBe("office.name")
    expect(translator("en")("form.office.price")).toBe("form.office.price")
  })
})
