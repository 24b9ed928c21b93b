import { z } from "@medusajs/framework/zod"
import {
  BANK_ACCOUNT,
  MAINLAND_MOBILE,
  nationalIdProblem,
  normalizeBankAccount,
  normalizeNationalId,
} from "../../../utils/prc-id"
import { shanghaiDate } from "../../../utils/periods"

/*
 * Messages name the rule, never the value: registry fields are sensitive
 * personal information and 400 messages are logged.
 */

export const StaffListHouseholdsQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type StaffListHouseholdsQueryType = z.infer<typeof StaffListHouseholdsQuery>

export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/** A calendar day YYYY-MM-DD that exists and is not after today in China. */
export const pastDay = z
  .string({ message: "must be a date YYYY-MM-DD" })
  .regex(ISO_DAY, "must be a date YYYY-MM-DD")
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: "is not a calendar date",
    }
  )
  .refine((s) => s <= shanghaiDate(new Date()), { message: "must not be in the future" })

export const idempotencyKey = z
  .string({ message: "is required: one key per form, sent again on a retry" })
  .trim()
  .min(8, "must be 8-128 characters")
  .max(128, "must be 8-128 characters")
  .regex(/^[A-Za-z0-9_.:-]+$/, "may hold letters, digits and _ . : - only")

const registry = z
  .object(
    {
      /** 真实姓名 from the paper form: stored sealed with the registry data, never shown to staff again. */
      legal_name: z.string({ message: "must be a string" }).trim().max(50, "must be at most 50 characters").optional(),
      national_id: z
        .string({ message: "is required when registry data is given" })
        .transform(normalizeNationalId)
        .superRefine((value, ctx) => {
          const problem = nationalIdProblem(value)
          if (problem) ctx.addIssue({ code: "custom", message: problem })
        }),
      phone: z
        .string({ message: "must be a string" })
        .trim()
        .regex(MAINLAND_MOBILE, "must be a mainland mobile number: 11 digits starting with 13-19")
        .optional(),
      bank_name: z.string().trim().min(2, "must name the bank, e.g. 中国农业银行").max(100).optional(),
      bank_account: z
        .string({ message: "must be a string" })
        .transform(normalizeBankAccount)
        .pipe(z.string().regex(BANK_ACCOUNT, "must be 12-19 digits"))
        .optional(),
      poverty_registered: z.boolean({ message: "must be true or false" }).optional(),
    },
    { message: "must be an object" }
  )
  .strict()
  .superRefine((r, ctx) => {
    if (!!r.bank_name !== !!r.bank_account) {
      ctx.addIssue({
        code: "custom",
        path: [r.bank_name ? "bank_account" : "bank_name"],
        message: "bank_name and bank_account go together",
      })
    }
  })

export const StaffRegisterHousehold = z
  .object({
    village_id: z.string({ message: "is required" }).min(1, "is required"),
    cooperative_id: z.string().min(1).nullish(),
    display_name: z
      .string({ message: "is required" })
      .trim()
      .min(1, "must not be empty")
      .max(50, "must be at most 50 characters"),
    story: z.string().trim().max(2000, "must be at most 2000 characters").nullish(),
    consent: z
      .object(
        {
          public_profile: z.boolean({ message: "must be true or false" }),
          registry: z.boolean({ message: "must be true or false" }),
          method: z.enum(["paper_form", "verbal_witnessed"], { message: "must be paper_form or verbal_witnessed" }),
          signed_on: pastDay,
        },
        { message: "is required: what the household agreed to, how and when" }
      )
      .strict(),
    registry: registry.nullish(),
    idempotency_key: idempotencyKey,
    /** Needed only by staff of several offices; defaults to their first office. */
    property_office_id: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.registry && !body.consent.registry) {
      ctx.addIssue({
        code: "custom",
        path: ["registry"],
        message: "registry data needs the household's registry consent (consent.registry = true)",
      })
    }
  })
export type StaffRegisterHouseholdType = z.infer<typeof StaffRegisterHousehold>

export const StaffCounterQuery = z.object({ cycle_id: z.string().trim().min(1).optional() }).strict()
export type StaffCounterQueryType = z.infer<typeof StaffCounterQuery>
