import { z } from "@medusajs/framework/zod"
import { PICKUP_CODE_DIGITS } from "../../utils/pickup-code"

const id = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[0-9A-Za-z]{10,40}$`), `must be a ${prefix}_… id`)

export const StaffCode = z
  .string()
  .regex(new RegExp(`^\\d{${PICKUP_CODE_DIGITS}}$`), `must be ${PICKUP_CODE_DIGITS} digits`)
export const StaffToken = z.string().min(10, "is not a pickup QR token").max(600, "is not a pickup QR token")

export const StaffVerifyBody = z
  .object({
    code: StaffCode.optional(),
    token: StaffToken.optional(),
    assignment_id: id("pasg").optional(),
  })
  .strict()
  .refine((b) => (b.code === undefined) !== (b.token === undefined), {
    message: "give exactly one of code or token",
    path: ["code"],
  })
export type StaffVerifyBodyType = z.infer<typeof StaffVerifyBody>

export const StaffHandoverBody = z
  .object({
    code: StaffCode.optional(),
    token: StaffToken.optional(),
    lines: z
      .array(
        z
          .object({
            line_item_id: z.string().min(1).max(100),
            quantity: z.number().int().min(0).max(10_000),
            /** Why the units of this line not taken were not taken (default: declined). */
            reason: z.enum(["declined", "damaged"]).optional(),
          })
          .strict()
      )
      .max(200)
      .optional(),
    proxy: z
      .object({ name: z.string().trim().min(1).max(50) })
      .strict()
      .nullish(),
  })
  .strict()
  .refine((b) => (b.code === undefined) !== (b.token === undefined), {
    message: "give exactly one of code or token",
    path: ["code"],
  })
export type StaffHandoverBodyType = z.infer<typeof StaffHandoverBody>

export const StaffCheckInBody = z
  .object({
    shortages: z
      .array(
        z
          .object({
            variant_id: z.string().min(1).max(100),
            missing_quantity: z.number().int().min(1).max(100_000),
          })
          .strict()
      )
      .max(500)
      .default([]),
  })
  .strict()
export type StaffCheckInBodyType = z.infer<typeof StaffCheckInBody>

export const ManifestQuery = z
  .object({
    kind: z.enum(["pickup", "harvest"]).default("pickup"),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict()

export const BatchListQuery = z
  .object({
    status: z.enum(["open", "harvest_frozen", "arrived", "ready"]).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export const PageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type PageQueryType = z.infer<typeof PageQuery>

export const StaffDisposalBody = z
  .object({
    policy: z.enum(["donate", "dispose", "sell_off"]),
    note: z.string().trim().max(200, "must be at most 200 characters").optional(),
  })
  .strict()
export type StaffDisposalBodyType = z.infer<typeof StaffDisposalBody>

export type BatchListQueryType = z.infer<typeof BatchListQuery>
export type ManifestQueryType = z.infer<typeof ManifestQuery>
