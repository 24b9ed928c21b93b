import * as z from "zod/mini"
import type { $ZodType, output } from "zod/v4/core"
import type { MessageKey } from "./i18n"

/**
 * One zod schema per form. The browser uses it for hints before posting; the
 * action uses the same schema as the truth. Messages are i18n keys, so the
 * error shown at a field follows the interface language (Chinese by default).
 *
 * Written with `zod/mini` (same validator, tree-shakable functions): these
 * schemas ship to the phone, and full zod was a fifth of the product page's
 * JavaScript (bench/README.md). Server-only parsing keeps using full zod.
 */

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/

/** The most of one item a resident can put in a cart: a household's harvest, not a wholesaler's order. */
export const MAX_QUANTITY = 99

const msg = (key: MessageKey) => ({ error: key })

/** Form fields arrive as strings; blank means missing. */
const text = (max: number, maxKey: MessageKey) =>
  z.string(msg("form.required")).check(z.trim(), z.minLength(1, msg("form.required")), z.maxLength(max, msg(maxKey)))

const mobile = z.pipe(
  z.pipe(
    z.string(msg("form.required")),
    // People type spaces and dashes (138 0013 8000); +86 is the country prefix we already assume.
    z.transform((v: string) => v.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, ""))
  ),
  z.string().check(z.minLength(1, msg("form.required")), z.regex(MAINLAND_MOBILE, msg("form.mobile.invalid")))
)

const quantity = z.coerce
  .number(msg("form.quantity.invalid"))
  .check(
    z.int(msg("form.quantity.invalid")),
    z.gte(1, msg("form.quantity.min")),
    z.lte(MAX_QUANTITY, msg("form.quantity.max"))
  )

const id = (prefix: string) =>
  z.string().check(z.regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,64}$`), msg("form.invalid")))

export const addToCartSchema = z.object({
  intent: z.literal("add"),
  variantId: id("variant"),
  quantity,
})

export const updateLineSchema = z.object({
  intent: z.literal("update"),
  lineId: id("cali"),
  quantity,
})

export const removeLineSchema = z.object({
  intent: z.literal("remove"),
  lineId: id("cali"),
})

/** One line of the order edit form: 0 removes it (decision 024). */
const editQuantity = z.coerce
  .number(msg("form.quantity.invalid"))
  .check(
    z.int(msg("form.quantity.invalid")),
    z.gte(0, msg("form.quantity.invalid")),
    z.lte(MAX_QUANTITY, msg("form.quantity.max"))
  )

/**
 * 修改订单 (order page, before the cutoff): the order version the page showed
 * and every line's new quantity. The form posts `version`, `line` (repeated
 * line ids) and `qty_<line id>`; `remove` (a line's 删除 button) sets that line to 0.
 */
export const orderEditSchema = z.object({
  version: z.coerce.number(msg("form.invalid")).check(z.int(msg("form.invalid")), z.gte(1, msg("form.invalid"))),
  lines: z
    .array(z.object({ id: id("ordli"), quantity: editQuantity }))
    .check(z.minLength(1, msg("form.invalid")), z.maxLength(50, msg("form.invalid"))),
})

/** One quantity field of the order edit form: the message key of what is wrong with it, or null. */
export function editQuantityProblem(value: string): MessageKey | null {
  const result = z.safeParse(editQuantity, value.trim() === "" ? undefined : value)
  if (result.success) return null
  const message = result.error.issues[0]?.message ?? ""
  return isMessageKey(message) ? message : "form.quantity.invalid"
}

/** The order edit form's fields as the schema reads them (repeated `line`, `qty_<id>`, the pressed `remove`). */
export function orderEditInput(form: FormData): Record<string, unknown> {
  const removed = form.get("remove")
  const ids = form.getAll("line").filter((v): v is string => typeof v === "string")
  return {
    version: form.get("version"),
    lines: ids.map((lineId) => ({ id: lineId, quantity: lineId === removed ? "0" : form.get(`qty_${lineId}`) })),
  }
}

export const cartFormSchema = z.discriminatedUnion("intent", [addToCartSchema, updateLineSchema, removeLineSchema])

const email = z.pipe(
  z
    .string(msg("form.required"))
    .check(z.trim(), z.minLength(1, msg("form.required")), z.maxLength(254, msg("form.email.tooLong"))),
  z.email(msg("form.email.invalid"))
)

/** Blank is "not given"; anything typed must be an email address. */
const optionalEmail = z.pipe(
  z.pipe(
    z.optional(z.string()),
    z.transform((v: string | undefined) => v?.trim() || undefined)
  ),
  z.optional(z.email(msg("form.email.invalid")).check(z.maxLength(254, msg("form.email.tooLong"))))
)

export const checkoutSchema = z.object({
  name: text(20, "form.name.tooLong"),
  mobile,
  /** Guests only, optional: where order messages go; a code to it later proves the order is theirs (decision 015). */
  email: optionalEmail,
  /** The cycle the checkout page showed (hidden field): the order is placed in it or refused, never moved. */
  cycleId: z.optional(id("pcyc")),
  /** "改为下一期": the cycle offered after the chosen one closed, taken explicitly (the submit button's value). */
  nextCycleId: z.optional(id("pcyc")),
  /** How the resident pays (lib/payments.ts); pay at pickup when absent. Which ones are offered is checked server-side. */
  payment: z.optional(z.enum(["pickup", "wechat_pay", "alipay", "card"], msg("form.required"))),
})

export const loginSchema = z.object({
  email,
  password: z
    .string(msg("form.required"))
    .check(z.minLength(1, msg("form.required")), z.maxLength(72, msg("form.password.tooLong"))),
})

/** `138****5678`: the number shown back on the code step (and in logs). */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : mobile
}

/** 手机验证码登录, step 1: the mobile number the code goes to. */
export const phoneCodeSchema = z.object({
  intent: z.literal("phone-code"),
  mobile,
})

/** 手机验证码登录, step 2: the number again (hidden field) and the six digits it received. */
export const phoneSignInSchema = z.object({
  intent: z.literal("phone-sign-in"),
  mobile,
  code: z.pipe(
    z.pipe(
      z.string(msg("form.required")),
      z.transform((v: string) => v.replace(/\s/g, ""))
    ),
    z.string().check(z.minLength(1, msg("form.required")), z.regex(/^\d{6}$/, msg("form.code.invalid")))
  ),
})

/** 找回订单: a mobile number or an email guest orders were placed with, then the code sent to it. */
export const claimCodeSchema = z.object({
  intent: z.literal("claim-code"),
  contact: text(254, "form.email.tooLong"),
})

export const claimContactSchema = z.object({
  intent: z.literal("claim-contact"),
  contact: text(254, "form.email.tooLong"),
  code: z.pipe(
    z.pipe(
      z.string(msg("form.required")),
      z.transform((v: string) => v.replace(/\s/g, ""))
    ),
    z.string().check(z.minLength(1, msg("form.required")), z.regex(/^\d{6}$/, msg("form.code.invalid")))
  ),
})

/** A typed contact as the backend wants it: an 11-digit mainland mobile (spaces, dashes, +86 dropped) or an email. */
export function contactOf(value: string): { channel: "sms"; to: string } | { channel: "email"; to: string } | null {
  const digits = value.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, "")
  if (MAINLAND_MOBILE.test(digits)) return { channel: "sms", to: digits }
  const email = value.trim()
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254 ? { channel: "email", to: email } : null
}

/** `w***@example.cn` / `138****5678`: the contact shown back on the code step. */
export function maskContact(contact: { channel: "sms" | "email"; to: string }): string {
  if (contact.channel === "sms") return maskMobile(contact.to)
  const at = contact.to.lastIndexOf("@")
  return at < 1 ? "***" : `${contact.to[0]}***${contact.to.slice(at)}`
}

export const registerSchema = z.object({
  name: text(20, "form.name.tooLong"),
  email,
  password: z
    .string(msg("form.required"))
    .check(
      z.minLength(1, msg("form.required")),
      z.minLength(8, msg("form.password.tooShort")),
      z.maxLength(72, msg("form.password.tooLong"))
    ),
})

export const compoundSchema = z.object({
  pickupPointId: id("ppt"),
})

export const compoundSearchSchema = z.object({
  q: z._default(z.optional(z.string().check(z.trim(), z.maxLength(30, msg("form.search.tooLong")))), ""),
})

/** Cancel an order: from the account page or the order page, which is where the resident goes back to. */
export const cancelOrderSchema = z.object({
  returnTo: z._default(z.optional(z.enum(["account", "order"], msg("form.invalid"))), "account"),
  /** "yes" from the confirmation; without it nothing is canceled and the page asks first. */
  confirm: z.optional(z.literal("yes", msg("form.invalid"))),
})

/** 消息: mark one or all read, or save the channels (checkboxes: present = on). */
export const messagesFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read-all") }),
  z.object({ intent: z.literal("read"), id: id("nmsg") }),
  z.object({
    intent: z.literal("preferences"),
    email: z.optional(z.literal("on")),
    sms: z.optional(z.literal("on")),
  }),
])

export type FieldErrors = Partial<Record<string, MessageKey>>

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> }

/**
 * Parses posted fields with a form's schema. Errors are keyed by field, first
 * message wins; the values come back so the form can be shown again as typed
 * (passwords excepted).
 */
export function parseForm<S extends $ZodType>(
  schema: S,
  input: FormData | Record<string, unknown>
): FormResult<output<S>> {
  const raw: Record<string, unknown> =
    input instanceof FormData
      ? Object.fromEntries([...input.entries()].filter(([, v]) => typeof v === "string"))
      : input
  const result = z.safeParse(schema, raw)
  if (result.success) return { ok: true, data: result.data }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form")
    if (errors[field]) continue
    errors[field] = isMessageKey(issue.message) ? issue.message : "form.invalid"
  }
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string" && key !== "password") values[key] = value.slice(0, 200)
  }
  return { ok: false, errors, values }
}

function isMessageKey(value: string): value is MessageKey {
  return value.startsWith("form.")
}
