import { describe, expect, it } from "vitest"
import { parseForm } from "../forms"
import {
  checkInSchema,
  handoverBody,
  handoverSchema,
  householdBody,
  householdSchema,
  isNationalId,
  listingSchema,
  lookupSchema,
  shortagesFrom,
  yuanToFen,
} from "./schemas"

describe("yuanToFen", () => {
  it("converts typed yuan to whole fen without floating point", () => {
    expect(yuanToFen("12.8")).toBe(1280)
    expect(yuanToFen("12.80")).toBe(1280)
    expect(yuanToFen("0.1")).toBe(10)
    expect(yuanToFen("0.07")).toBe(7)
    // 1.15 * 100 is 114.99999999999999 in floating point.
    expect(yuanToFen("1.15")).toBe(115)
    expect(yuanToFen("¥ 3".replace(" ", ""))).toBe(300)
  })
  it("refuses anything that is not a price", () => {
    for (const bad of ["", "12.345", "-1", "1e3", "abc", "12,80", "1234567"]) expect(yuanToFen(bad)).toBeNull()
  })
})

describe("national ID", () => {
  it("checks the check character and the birth date", () => {
    expect(isNationalId("11010519491231002X")).toBe(true)
    expect(isNationalId("11010519491231002x")).toBe(true)
    expect(isNationalId("110105194912310021")).toBe(false)
    expect(isNationalId("11010519491331002X")).toBe(false)
    expect(isNationalId("1101051949123100")).toBe(false)
  })
})

describe("lookup", () => {
  it("takes an 8-digit code (spaces allowed) or a QR token", () => {
    expect(parseForm(lookupSchema, { intent: "lookup", code: "1234 5678" })).toMatchObject({
      ok: true,
      data: { code: "12345678" },
    })
    expect(parseForm(lookupSchema, { intent: "lookup", token: "pk1.abcdefgh.mac" })).toMatchObject({
      ok: true,
      data: { token: "pk1.abcdefgh.mac" },
    })
    expect(parseForm(lookupSchema, { intent: "lookup", code: "1234567" })).toMatchObject({
      ok: false,
      errors: { code: "form.office.code" },
    })
    expect(parseForm(lookupSchema, { intent: "lookup", code: "" })).toMatchObject({
      ok: false,
      errors: { code: "form.required" },
    })
  })
})

describe("check-in", () => {
  const rows = [
    { variant_id: "variant_a", title: "苹果", expected: 5 },
    { variant_id: "variant_b", title: "大米", expected: 2 },
  ]
  it("turns what arrived into shortages", () => {
    const parsed = parseForm(checkInSchema(rows), { intent: "check-in", actual_variant_a: "5", actual_variant_b: "0" })
    if (!parsed.ok) throw new Error(`the form should parse: ${JSON.stringify(parsed.errors)}`)
    expect(shortagesFrom(rows, parsed.data as Record<string, unknown>)).toEqual([
      { variant_id: "variant_b", missing_quantity: 2 },
    ])
  })
  it("refuses blanks, fractions and more than expected", () => {
    const parsed = parseForm(checkInSchema(rows), {
      intent: "check-in",
      actual_variant_a: "1.5",
      actual_variant_b: "3",
    })
    expect(parsed).toMatchObject({
      ok: false,
      errors: { actual_variant_a: "form.office.quantity", actual_variant_b: "form.office.quantityMax" },
    })
  })
})

describe("handover", () => {
  const lines = [
    { line_item_id: "ordli_1", title: "苹果", available: 2 },
    { line_item_id: "ordli_2", title: "橙子", available: 1 },
  ]
  it("sends lines only for a partial handover", () => {
    const full = parseForm(handoverSchema(lines), {
      intent: "handover",
      assignmentId: "pasg_1",
      take_ordli_1: "2",
      take_ordli_2: "1",
      reason_ordli_1: "damaged",
    })
    expect(full.ok && handoverBody(lines, full.data as Record<string, unknown>)).toEqual({})
    const partial = parseForm(handoverSchema(lines), {
      intent: "handover",
      assignmentId: "pasg_1",
      take_ordli_1: "0",
      take_ordli_2: "1",
      reason_ordli_1: "declined",
    })
    expect(partial.ok && handoverBody(lines, partial.data as Record<string, unknown>)).toEqual({
      lines: [
        { line_item_id: "ordli_1", quantity: 0, reason: "declined" },
        { line_item_id: "ordli_2", quantity: 1 },
      ],
    })
  })
})

describe("household", () => {
  const base = {
    idempotency_key: "office_abcdefgh",
    village_id: "vil_1",
    display_name: "老李家",
    consent_method: "paper_form",
    signed_on: "2026-11-28",
  }
  it("checks registry data only with registry consent, in Chinese terms", () => {
    expect(parseForm(householdSchema, { ...base, phone: "13800138000" })).toMatchObject({
      ok: false,
      errors: { phone: "form.office.registryNeedsConsent" },
    })
    expect(
      parseForm(householdSchema, {
        ...base,
        consent_registry: "on",
        phone: "1380013800",
        national_id: "110105194912310021",
      })
    ).toMatchObject({
      ok: false,
      errors: { phone: "form.mobile.invalid", national_id: "form.office.nationalId" },
    })
    expect(parseForm(householdSchema, { ...base, consent_registry: "on", phone: "+86 138 0013 8000" })).toMatchObject({
      ok: false,
      errors: { national_id: "form.required" },
    })
    const ok = parseForm(householdSchema, {
      ...base,
      consent_registry: "on",
      national_id: "11010519491231002x",
      phone: "+86 138 0013 8000",
      bank_account: "6228 4800 1234 5678",
    })
    expect(ok).toMatchObject({ ok: true, data: { phone: "13800138000", national_id: "11010519491231002X" } })
    expect(ok.ok && householdBody(ok.data).registry).toEqual({
      national_id: "11010519491231002X",
      phone: "13800138000",
      bank_account: "6228480012345678",
      poverty_registered: false,
    })
    // Registry consent without registry data: nothing is sent to the encrypted fields.
    const none = parseForm(householdSchema, { ...base, consent_registry: "on" })
    expect(none.ok && "registry" in householdBody(none.data)).toBe(false)
  })
})

describe("listing", () => {
  it("needs the harvest batch and a price in yuan", () => {
    const parsed = parseForm(listingSchema, {
      idempotency_key: "office_abcdefgh",
      household_id: "hh_1",
      category_id: "pcat_1",
      title: "苹果",
      description: "好",
      price: "12.345",
      unit_label: "斤",
      stock: "10",
      perishability: "ambient",
    })
    expect(parsed).toMatchObject({
      ok: false,
      errors: { price: "form.office.price", harvested_on: "form.office.date", certificate_no: "form.required" },
    })
  })
})
