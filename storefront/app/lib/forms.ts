import { z } from "zod"
import type { MessageKey } from "./i18n"

/**
 * One zod schema per form. The browser uses it for hints before posting; the
 * action uses the same schema as the truth. Messages are i18n keys, so the
 * error shown at a field follows the interface language (Chinese by default).
 */

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/

/** The most of one item a resident can put in a cart: a household's harvest, not a wholesaler's order. */
export const MAX_QUANTITY = 99

const msg = (key: MessageKey) => ({ error: key })

/** Form fields arrive as strings; blank means missing. */
const text = (max: number, maxKey: MessageKey) =>
  z
    .string(msg("form.required"))
    .trim()
    .min(1, msg("form.required"))
    .max(max, msg(maxKey))

const mobile = z
  .string(msg("form.required"))
  // People type spaces and dashes (138 0013 8000); +86 is the country prefix we already assume.
  .transform((v) => v.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, ""))
  .pipe(z.string().min(1, msg("form.required")).regex(MAINLAND_MOBILE, msg("form.mobile.invalid")))

const quantity = z.coerce
  .number(msg("form.quantity.invalid"))
  .int(msg("form.quantity.invalid"))
  .min(1, msg("form.quantity.min"))
  .max(MAX_QUANTITY, msg("form.quantity.max"))

const id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,64}$`), msg("form.invalid"))

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

export const cartFormSchema = z.discriminatedUnion("intent", [addToCartSchema, updateLineSchema, removeLineSchema])

export const checkoutSchema = z.object({
  name: text(20, "form.name.tooLong"),
  mobile,
  /** The cycle the checkout page showed (hidden field): the order is placed in it or refused, never moved. */
  cycleId: id("pcyc").optional(),
})

export const loginSchema = z.object({
  email: z.string(msg("form.required")).trim().min(1, msg("form.required")).max(254, msg("form.email.tooLong")).pipe(z.email(msg("form.email.invalid"))),
  password: z.string(msg("form.required")).min(1, msg("form.required")).max(72, msg("form.password.tooLong")),
})

export const registerSchema = z.object({
  name: text(20, "form.name.tooLong"),
  email: loginSchema.shape.email,
  password: z
    .string(msg("form.required"))
    .min(1, msg("form.required"))
    .min(8, msg("form.password.tooShort"))
    .max(72, msg("form.password.tooLong")),
})

export const compoundSchema = z.object({
  pickupPointId: id("ppt"),
})

export const compoundSearchSchema = z.object({
  q: z.string().trim().max(30, msg("form.search.tooLong")).optional().default(""),
})

export type FieldErrors = Partial<Record<string, MessageKey>>

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> }

/**
 * Parses posted fields with a form's schema. Errors are keyed by field, first
 * message wins; the values come back so the form can be shown again as typed
 * (passwords excepted).
 */
export function parseForm<S extends z.ZodType>(schema: S, input: FormData | Record<string, unknown>): FormResult<z.infer<S>> {
  const raw: Record<string, unknown> =
    input instanceof FormData ? Object.fromEntries([...input.entries()].filter(([, v]) => typeof v === "string")) : input
  const result = schema.safeParse(raw)
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
