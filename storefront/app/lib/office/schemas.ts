import * as z from "zod/mini"
import type { $ZodType } from "zod/v4/core"
import { loginSchema, MAINLAND_MOBILE } from "../forms"
import type { MessageKey } from "../i18n"

/**
 * The office portal's forms: one zod schema each, used by the page for hints
 * and by the action as the truth (see lib/forms.ts). Forms whose fields depend
 * on the data shown (a batch's variants, an order's lines) get a schema
 * factory that both sides call with the same rows.
 *
 * Written with `zod/mini` like lib/forms.ts: these schemas ship to the office
 * pages, and full zod in the chunk they share with lib/forms.ts made every
 * resident page carry ~9 KiB of it (bench/README.md).
 */
const msg = (key: MessageKey) => ({ error: key })

export const PICKUP_CODE = /^\d{8}$/

export const officeLoginSchema = loginSchema

const text = (max: number) =>
  z
    .string(msg("form.required"))
    .check(z.trim(), z.minLength(1, msg("form.required")), z.maxLength(max, msg("form.office.tooLong")))
/** An optional text field: blank (or absent) is undefined. */
const blankToUndefined = (inner: z.ZodMiniString<string> = z.string()) =>
  z.pipe(
    z.optional(inner),
    z.transform((v: string | undefined) => (v ? v : undefined))
  )
const optionalText = (max: number) =>
  blankToUndefined(z.string().check(z.trim(), z.maxLength(max, msg("form.office.tooLong"))))
const id = (prefix: string) =>
  z
    .string(msg("form.office.choose"))
    .check(z.regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,64}$`), msg("form.office.choose")))
const anyId = z
  .string(msg("form.office.choose"))
  .check(z.regex(/^[a-z]+_[A-Za-z0-9]{1,64}$/, msg("form.office.choose")))
const date = z.string(msg("form.office.date")).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, msg("form.office.date")))
const checkbox = z.pipe(
  z.optional(z.string()),
  z.transform((v: string | undefined) => v === "on" || v === "true")
)
const idempotencyKey = z.string().check(z.minLength(8), z.maxLength(100))

/** A non-negative whole number typed into a box ("" is missing, not 0). */
const count = (max: number, maxKey: MessageKey = "form.office.quantityMax") =>
  z.pipe(
    z.pipe(
      z
        .string(msg("form.required"))
        .check(z.trim(), z.minLength(1, msg("form.required")), z.regex(/^\d{1,6}$/, msg("form.office.quantity"))),
      z.transform(Number)
    ),
    z.number().check(z.lte(max, msg(maxKey)))
  )

/** What staff typed or the QR reader filled in: a code, spaces allowed (1234 5678), or a QR token. */
export const lookupSchema = z
  .object({
    intent: z.literal("lookup"),
    code: z.pipe(
      z.optional(z.string()),
      z.transform((v: string | undefined) => (v ?? "").replace(/[\s-]/g, ""))
    ),
    token: z.pipe(
      z.optional(z.string()),
      z.transform((v: string | undefined) => (v ?? "").trim())
    ),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.token) {
        if (v.token.length < 10 || v.token.length > 600)
          ctx.addIssue({ code: "custom", path: ["code"], message: "form.office.code" })
        return
      }
      if (!PICKUP_CODE.test(v.code))
        ctx.addIssue({ code: "custom", path: ["code"], message: v.code ? "form.office.code" : "form.required" })
    })
  )

/** What a scan gives: a pickup code typed into a QR by hand, or the backend's signed token (pk1.…). */
export function proofFromScan(text: string): { code: string } | { token: string } {
  const trimmed = text.trim()
  return /^\d{8}$/.test(trimmed) ? { code: trimmed } : { token: trimmed }
}

export type HandoverLine = { line_item_id: string; title: string; available: number }

export const REASONS = ["declined", "damaged"] as const

/** The lines of an order as the staff view gives them → what the handover form asks for. */
export const handoverLines = (view: {
  lines: ReadonlyArray<{ lineItemId: string; title: string; available: number }>
}): HandoverLine[] => view.lines.map((l) => ({ line_item_id: l.lineItemId, title: l.title, available: l.available }))

/** take_<line> (units handed over, 0…what arrived) and reason_<line> for each line of the order. */
export function handoverSchema(lines: ReadonlyArray<HandoverLine>) {
  const shape: Record<string, $ZodType> = {
    intent: z.literal("handover"),
    assignmentId: id("pasg"),
    code: z.optional(z.string()),
    token: z.optional(z.string()),
    proxyName: optionalText(50),
  }
  for (const line of lines) {
    shape[`take_${line.line_item_id}`] = count(line.available)
    shape[`reason_${line.line_item_id}`] = z.optional(z.enum(["", ...REASONS]))
  }
  return z.object(shape)
}

/** The backend body for a handover: lines only when something is not taken, reason only for those. */
export function handoverBody(lines: ReadonlyArray<HandoverLine>, values: Record<string, unknown>) {
  const taken = lines.map((line) => {
    const quantity = Number(values[`take_${line.line_item_id}`])
    const reason = values[`reason_${line.line_item_id}`]
    return {
      line_item_id: line.line_item_id,
      quantity,
      ...(quantity < line.available && (reason === "declined" || reason === "damaged") ? { reason } : {}),
    }
  })
  const partial = taken.some((line, i) => line.quantity < lines[i]!.available)
  const proxyName = typeof values.proxyName === "string" && values.proxyName ? values.proxyName : undefined
  return {
    ...(partial ? { lines: taken } : {}),
    ...(proxyName ? { proxy: { name: proxyName } } : {}),
  }
}

export type CheckInRow = { variant_id: string; title: string; expected: number }

/** actual_<variant> for each variant of the batch: 0…expected. */
export function checkInSchema(rows: ReadonlyArray<CheckInRow>) {
  const shape: Record<string, $ZodType> = { intent: z.literal("check-in") }
  for (const row of rows) shape[`actual_${row.variant_id}`] = count(row.expected)
  return z.object(shape)
}

/** Shortages from what arrived: one entry per variant that came short. */
export function shortagesFrom(rows: ReadonlyArray<CheckInRow>, values: Record<string, unknown>) {
  return rows.flatMap((row) => {
    const missing = row.expected - Number(values[`actual_${row.variant_id}`])
    return missing > 0 ? [{ variant_id: row.variant_id, missing_quantity: missing }] : []
  })
}

export const arriveSchema = z.object({ intent: z.literal("arrive") })

/** What may be done with an uncollected order (the point's configured policy is preselected). */
export const POLICIES = ["donate", "dispose", "sell_off"] as const
export type Policy = (typeof POLICIES)[number]

export const disposalSchema = z.object({
  assignmentId: id("pasg"),
  policy: z.enum(POLICIES, msg("form.office.choose")),
  note: optionalText(200),
})

export const pointSchema = z.object({ pointId: id("ppt") })

export const householdSearchSchema = z.object({
  q: z._default(z.optional(z.string().check(z.trim(), z.maxLength(30, msg("form.search.tooLong")))), ""),
})

const NATIONAL_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const NATIONAL_ID_CHECK = "10X98765432"

/** Resident ID card number (GB 11643): 17 digits, a check character, a real birth date. */
export function isNationalId(value: string): boolean {
  const v = value.toUpperCase()
  if (!/^\d{17}[\dX]$/.test(v)) return false
  const born = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`
  const date = new Date(`${born}T00:00:00Z`)
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== born) return false
  const sum = NATIONAL_ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(v[i]), 0)
  return NATIONAL_ID_CHECK[sum % 11] === v[17]
}

const REGISTRY_FIELDS = ["legal_name", "national_id", "phone", "bank_name", "bank_account"] as const

export const householdSchema = z
  .object({
    idempotency_key: idempotencyKey,
    village_id: anyId,
    cooperative_id: blankToUndefined(),
    display_name: text(40),
    story: optionalText(1000),
    consent_public: checkbox,
    consent_registry: checkbox,
    consent_method: z.enum(["paper_form", "verbal_witnessed"], msg("form.office.choose")),
    signed_on: date,
    legal_name: optionalText(50),
    national_id: z.pipe(
      optionalText(18),
      z.transform((v: string | undefined) => v?.toUpperCase())
    ),
    phone: z.pipe(
      z.optional(z.string()),
      z.transform(
        (v: string | undefined) => (v ?? "").replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, "") || undefined
      )
    ),
    bank_name: optionalText(40),
    bank_account: optionalText(32),
    poverty_registered: checkbox,
  })
  .check(
    z.superRefine((v, ctx) => {
      if (!v.consent_registry) {
        for (const field of REGISTRY_FIELDS) {
          if (v[field]) ctx.addIssue({ code: "custom", path: [field], message: "form.office.registryNeedsConsent" })
        }
        return
      }
      const anyRegistry = REGISTRY_FIELDS.some((field) => v[field]) || v.poverty_registered
      // The registry is keyed by the ID number: other registry data needs it.
      if (anyRegistry && !v.national_id)
        ctx.addIssue({ code: "custom", path: ["national_id"], message: "form.required" })
      if (v.national_id && !isNationalId(v.national_id))
        ctx.addIssue({ code: "custom", path: ["national_id"], message: "form.office.nationalId" })
      if (v.phone && !MAINLAND_MOBILE.test(v.phone))
        ctx.addIssue({ code: "custom", path: ["phone"], message: "form.mobile.invalid" })
      if (v.bank_account && !/^\d{12,19}$/.test(v.bank_account.replace(/[\s-]/g, ""))) {
        ctx.addIssue({ code: "custom", path: ["bank_account"], message: "form.invalid" })
      }
    })
  )

export type HouseholdForm = z.infer<typeof householdSchema>

/** The backend body for registering a household; registry only with registry consent. */
export function householdBody(v: HouseholdForm) {
  const registry =
    v.consent_registry && v.national_id
      ? {
          ...(v.legal_name ? { legal_name: v.legal_name } : {}),
          ...(v.national_id ? { national_id: v.national_id } : {}),
          ...(v.phone ? { phone: v.phone } : {}),
          ...(v.bank_name ? { bank_name: v.bank_name } : {}),
          ...(v.bank_account ? { bank_account: v.bank_account.replace(/[\s-]/g, "") } : {}),
          poverty_registered: v.poverty_registered,
        }
      : undefined
  return {
    village_id: v.village_id,
    ...(v.cooperative_id ? { cooperative_id: v.cooperative_id } : {}),
    display_name: v.display_name,
    ...(v.story ? { story: v.story } : {}),
    consent: {
      public_profile: v.consent_public,
      registry: v.consent_registry,
      method: v.consent_method,
      signed_on: v.signed_on,
    },
    ...(registry ? { registry } : {}),
    idempotency_key: v.idempotency_key,
  }
}

/**
 * Yuan as typed ("12.8", "12.80", "0.5") → integer fen, by string arithmetic:
 * no floating point ever touches the amount. null when it is not a price.
 */
export function yuanToFen(input: string): number | null {
  const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(input.trim().replace(/^¥/, ""))
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"))
}

export const listingSchema = z.object({
  idempotency_key: idempotencyKey,
  household_id: anyId,
  category_id: anyId,
  title: text(60),
  description: text(2000),
  price: z.pipe(
    z.string(msg("form.required")).check(
      z.trim(),
      z.minLength(1, msg("form.required")),
      z.refine((v: string) => (yuanToFen(v) ?? 0) > 0, msg("form.office.price"))
    ),
    z.transform((v: string) => yuanToFen(v) as number)
  ),
  unit_label: text(20),
  weight_g: z.pipe(
    blankToUndefined(z.string().check(z.trim())),
    z.optional(z.pipe(z.string().check(z.regex(/^\d{1,6}$/, msg("form.office.quantity"))), z.transform(Number)))
  ),
  stock: count(100_000, "form.office.stock"),
  perishability: z.enum(["chilled", "ambient"], msg("form.office.choose")),
  harvested_on: date,
  harvest_quantity: z.pipe(
    z
      .string(msg("form.required"))
      .check(
        z.trim(),
        z.minLength(1, msg("form.required")),
        z.regex(/^\d{1,6}(\.\d{1,2})?$/, msg("form.office.quantity"))
      ),
    z.transform(Number)
  ),
  harvest_unit: text(10),
  certificate_no: text(50),
})

export type ListingForm = z.infer<typeof listingSchema>

export function listingBody(v: ListingForm, imageUrls: string[], certificatePhotoUrl: string) {
  return {
    household_id: v.household_id,
    title: v.title,
    description: v.description,
    category_id: v.category_id,
    price_fen: v.price,
    unit_label: v.unit_label,
    ...(v.weight_g !== undefined ? { weight_g: v.weight_g } : {}),
    stock: v.stock,
    perishability: v.perishability,
    image_urls: imageUrls,
    harvest: {
      harvested_on: v.harvested_on,
      quantity: v.harvest_quantity,
      quantity_unit: v.harvest_unit,
      certificate_no: v.certificate_no,
      certificate_photo_url: certificatePhotoUrl,
    },
    idempotency_key: v.idempotency_key,
  }
}
