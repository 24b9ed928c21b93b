import { describe, expect, it } from "vitest"
import {
  addToCartSchema,
  cancelOrderSchema,
  cartFormSchema,
  checkoutSchema,
  compoundSearchSchema,
  MAINLAND_MOBILE,
  editQuantityProblem,
  orderEditInput,
  orderEditSchema,
  parseForm,
  registerSchema,
} from "./forms"
import { translator } from "./i18n"

describe("checkout form", () => {
  it("accepts a name and a mainland mobile, tidying what people type", () => {
    for (const mobile of ["13800138000", "138 0013 8000", "138-0013-8000", "+8613800138000", "8613800138000"]) {
      expect(parseForm(checkoutSchema, { name: " 王小明 ", mobile })).toEqual({
        ok: true,
        data: { name: "王小明", mobile: "13800138000" },
      })
    }
  })

  it("puts a message key at each bad field", () => {
    const result = parseForm(checkoutSchema, { name: "", mobile: "12800138000" })
    expect(result).toMatchObject({ ok: false, errors: { name: "form.required", mobile: "form.mobile.invalid" } })
    expect(parseForm(checkoutSchema, { name: "王".repeat(21), mobile: "" })).toMatchObject({
      ok: false,
      errors: { name: "form.name.tooLong", mobile: "form.required" },
    })
    expect(parseForm(checkoutSchema, {})).toMatchObject({
      ok: false,
      errors: { name: "form.required", mobile: "form.required" },
    })
  })

  it("knows mainland numbers", () => {
    expect(MAINLAND_MOBILE.test("19912345678")).toBe(true)
    for (const bad of ["12345678901", "1380013800", "138001380001", "23800138000", "１３８００１３８０００"]) {
      expect(MAINLAND_MOBILE.test(bad), bad).toBe(false)
    }
  })

  it("has a Chinese message for every key it can produce", () => {
    const t = translator("zh-CN")
    for (const key of [
      "form.required",
      "form.mobile.invalid",
      "form.name.tooLong",
      "form.quantity.min",
      "form.quantity.max",
    ] as const) {
      expect(t(key)).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})

describe("cart forms", () => {
  const variantId = "variant_01ABC"
  it("takes quantities from 1 to 99 only", () => {
    expect(parseForm(addToCartSchema, { intent: "add", variantId, quantity: "3" })).toEqual({
      ok: true,
      data: { intent: "add", variantId, quantity: 3 },
    })
    for (const [quantity, key] of [
      ["0", "form.quantity.min"],
      ["", "form.quantity.min"],
      ["-1", "form.quantity.min"],
      ["10000", "form.quantity.max"],
      ["100", "form.quantity.max"],
      ["1.5", "form.quantity.invalid"],
      ["abc", "form.quantity.invalid"],
    ]) {
      expect(parseForm(addToCartSchema, { intent: "add", variantId, quantity }), quantity).toMatchObject({
        ok: false,
        errors: { quantity: key },
      })
    }
  })

  it("tells add, update and remove apart and refuses ids that are not Medusa's", () => {
    expect(parseForm(cartFormSchema, { intent: "remove", lineId: "cali_01X" })).toMatchObject({ ok: true })
    expect(parseForm(cartFormSchema, { intent: "update", lineId: "cali_01X", quantity: "0" })).toMatchObject({
      ok: false,
      errors: { quantity: "form.quantity.min" },
    })
    expect(parseForm(cartFormSchema, { intent: "remove", lineId: "../../admin" })).toMatchObject({
      ok: false,
      errors: { lineId: "form.invalid" },
    })
    expect(parseForm(cartFormSchema, { intent: "drop" })).toMatchObject({ ok: false })
  })

  it("never echoes a password back", () => {
    const result = parseForm(registerSchema, { name: "a", email: "bad", password: "short" })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.values).not.toHaveProperty("password")
  })
})

describe("a guest's optional email at checkout", () => {
  const base = { name: "王小明", mobile: "13800138000" }
  it("blank or missing is not given; anything typed must be an address of at most 254 characters", () => {
    const emailOf = (input: Record<string, string>) => {
      const r = parseForm(checkoutSchema, input)
      return r.ok ? r.data.email : "refused"
    }
    expect(emailOf(base)).toBeUndefined()
    expect(emailOf({ ...base, email: "   " })).toBeUndefined()
    expect(parseForm(checkoutSchema, { ...base, email: " wang@example.com " })).toMatchObject({
      ok: true,
      data: { email: "wang@example.com" },
    })
    expect(parseForm(checkoutSchema, { ...base, email: "wang@" })).toMatchObject({
      ok: false,
      errors: { email: "form.email.invalid" },
    })
    expect(parseForm(checkoutSchema, { ...base, email: `${"a".repeat(250)}@example.com` })).toMatchObject({
      ok: false,
      errors: { email: "form.email.tooLong" },
    })
  })
})

describe("small forms", () => {
  it("cancel goes back to the account or the order page, nowhere else", () => {
    expect(parseForm(cancelOrderSchema, {})).toEqual({ ok: true, data: { returnTo: "account" } })
    expect(parseForm(cancelOrderSchema, { returnTo: "order" })).toEqual({ ok: true, data: { returnTo: "order" } })
    expect(parseForm(cancelOrderSchema, { returnTo: "//evil.example" })).toMatchObject({
      ok: false,
      errors: { returnTo: "form.invalid" },
    })
  })

  it("compound search: up to 30 characters after trimming", () => {
    expect(parseForm(compoundSearchSchema, {})).toEqual({ ok: true, data: { q: "" } })
    expect(parseForm(compoundSearchSchema, { q: `  ${"区".repeat(30)}  ` })).toMatchObject({ ok: true })
    expect(parseForm(compoundSearchSchema, { q: "区".repeat(31) })).toMatchObject({
      ok: false,
      errors: { q: "form.search.tooLong" },
    })
  })
})

describe("orderEditSchema (修改订单)", () => {
  it("names what is wrong with one quantity field, for the hint at the field", () => {
    expect(editQuantityProblem("2")).toBeNull()
    expect(editQuantityProblem("0")).toBeNull()
    expect(editQuantityProblem("")).toBe("form.quantity.invalid")
    expect(editQuantityProblem("1.5")).toBe("form.quantity.invalid")
    expect(editQuantityProblem("-1")).toBe("form.quantity.invalid")
    expect(editQuantityProblem("100")).toBe("form.quantity.max")
  })
  const formOf = (entries: Array<[string, string]>) => {
    const form = new FormData()
    for (const [k, v] of entries) form.append(k, v)
    return form
  }
  it("reads every line's quantity, and 删除 sets that line to 0", () => {
    const form = formOf([
      ["version", "3"],
      ["line", "ordli_A1"],
      ["qty_ordli_A1", "2"],
      ["line", "ordli_B2"],
      ["qty_ordli_B2", "1"],
      ["remove", "ordli_B2"],
    ])
    const parsed = parseForm(orderEditSchema, orderEditInput(form))
    expect(parsed).toEqual({
      ok: true,
      data: {
        version: 3,
        lines: [
          { id: "ordli_A1", quantity: 2 },
          { id: "ordli_B2", quantity: 0 },
        ],
      },
    })
  })
  it("refuses a negative, fractional or too large quantity, a foreign id and a missing version", () => {
    for (const [qty, id, version] of [
      ["-1", "ordli_A1", "3"],
      ["1.5", "ordli_A1", "3"],
      ["100", "ordli_A1", "3"],
      ["1", "cali_A1", "3"],
      ["1", "ordli_A1", ""],
    ] as const) {
      const form = formOf([
        ["version", version],
        ["line", id],
        [`qty_${id}`, qty],
      ])
      expect(parseForm(orderEditSchema, orderEditInput(form)).ok).toBe(false)
    }
  })
})
