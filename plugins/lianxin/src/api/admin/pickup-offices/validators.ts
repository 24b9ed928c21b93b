import { z } from "@medusajs/framework/zod"

const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`)
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:mm")

export const AdminListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export const AdminCreatePropertyOffice = z
  .object({
    company: text(100),
    compound_name: text(100),
    address: text(200),
    city: text(50),
    district: text(50).nullish(),
    latitude: z.number().min(-90).max(90).nullish(),
    longitude: z.number().min(-180).max(180).nullish(),
    phone: z.string().regex(/^[0-9+\- ]{7,20}$/, "must be a phone number"),
    opening_hours: z
      .array(z.object({ days: z.array(z.number().int().min(1).max(7)).min(1), opens: hhmm, closes: hhmm }).strict())
      .max(14)
      .nullish(),
    is_active: z.boolean().optional(),
  })
  .strict()
export const AdminUpdatePropertyOffice = AdminCreatePropertyOffice.partial().strict()

const hours = z
  .number()
  .int()
  .min(1)
  .max(24 * 14)

export const AdminCreatePickupPoint = z
  .object({
    office_id: z.string().regex(/^poff_[0-9A-Za-z]{10,40}$/, "must be a property office id (poff_…)"),
    code: z.string().regex(/^[A-Z0-9-]{3,30}$/, "must be 3-30 capitals, digits or dashes"),
    name: text(100),
    capacity_chilled: z.number().int().min(0).max(10_000),
    capacity_ambient: z.number().int().min(0).max(10_000),
    hold_hours_chilled: hours.optional(),
    hold_hours_ambient: hours.optional(),
    reminder_hours_before: z.number().int().min(0).max(72).optional(),
    uncollected_policy: z.enum(["donate", "dispose", "sell_off"]).optional(),
    is_active: z.boolean().optional(),
  })
  .strict()
export const AdminUpdatePickupPoint = AdminCreatePickupPoint.omit({ office_id: true, code: true }).partial().strict()

const instant = z.coerce.date({ message: "must be an ISO 8601 date-time" })

export const AdminCreateOrderCycle = z
  .object({
    name: text(100),
    rhythm: z.enum(["daily", "weekly", "special"]),
    producer_cutoff_at: instant,
    resident_cutoff_at: instant,
    pickup_starts_at: instant,
    pickup_ends_at: instant,
  })
  .strict()
export const AdminUpdateOrderCycle = AdminCreateOrderCycle.partial()
  .extend({ canceled: z.boolean().optional() })
  .strict()

export const AdminCreatePickupStaff = z
  .object({
    name: text(50),
    email: z.string().email("must be an email address").max(200),
    phone: z
      .string()
      .regex(/^[0-9+\- ]{7,20}$/, "must be a phone number")
      .nullish(),
    password: z.string().min(10, "must be at least 10 characters").max(200),
    point_ids: z
      .array(z.string().regex(/^ppt_[0-9A-Za-z]{10,40}$/, "must be pickup point ids"))
      .min(1)
      .max(50),
  })
  .strict()
export const AdminUpdatePickupStaff = z
  .object({
    name: text(50).optional(),
    phone: z
      .string()
      .regex(/^[0-9+\- ]{7,20}$/, "must be a phone number")
      .nullish(),
    is_active: z.boolean().optional(),
    point_ids: z
      .array(z.string().regex(/^ppt_[0-9A-Za-z]{10,40}$/, "must be pickup point ids"))
      .max(50)
      .optional(),
  })
  .strict()

export const AdminManifestQuery = z
  .object({ kind: z.enum(["pickup", "harvest"]).default("pickup"), format: z.enum(["json", "csv"]).default("json") })
  .strict()

const reason = z.string().trim().max(200, "must be at most 200 characters").nullish()

/** Close ordering for a cycle now (docs/admin.md). */
export const AdminCloseOrderCycle = z.object({ reason }).strict()
export type AdminCloseOrderCycleType = z.infer<typeof AdminCloseOrderCycle>

/** Extend a cycle: a later resident cutoff, optionally later producer cutoff and pickup window. */
export const AdminExtendOrderCycle = z
  .object({
    resident_cutoff_at: instant,
    producer_cutoff_at: instant.optional(),
    pickup_starts_at: instant.optional(),
    pickup_ends_at: instant.optional(),
    reason,
  })
  .strict()
export type AdminExtendOrderCycleType = z.infer<typeof AdminExtendOrderCycle>

const pointId = z.string().regex(/^ppt_[0-9A-Za-z]{10,40}$/, "must be a pickup point id (ppt_…)")
const cycleId = z.string().regex(/^pcyc_[0-9A-Za-z]{10,40}$/, "must be an order cycle id (pcyc_…)")

export const AdminBatchListQuery = AdminListQuery.extend({
  point_id: pointId.optional(),
  order_cycle_id: cycleId.optional(),
}).strict()

export const AdminUncollectedQuery = AdminListQuery.extend({
  point_id: pointId.optional(),
  disposed: z.enum(["true", "false"]).optional(),
}).strict()

export const AdminDisposalBody = z
  .object({
    policy: z.enum(["donate", "dispose", "sell_off"]),
    note: z.string().trim().max(200, "must be at most 200 characters").optional(),
  })
  .strict()
export type AdminDisposalBodyType = z.infer<typeof AdminDisposalBody>

export const AdminResetStaffPassword = z
  .object({ password: z.string().min(10, "must be at least 10 characters").max(200) })
  .strict()
export type AdminResetStaffPasswordType = z.infer<typeof AdminResetStaffPassword>

export type AdminBatchListQueryType = z.infer<typeof AdminBatchListQuery>
export type AdminCreateOrderCycleType = z.infer<typeof AdminCreateOrderCycle>
export type AdminCreatePickupPointType = z.infer<typeof AdminCreatePickupPoint>
export type AdminCreatePickupStaffType = z.infer<typeof AdminCreatePickupStaff>
export type AdminCreatePropertyOfficeType = z.infer<typeof AdminCreatePropertyOffice>
export type AdminListQueryType = z.infer<typeof AdminListQuery>
export type AdminManifestQueryType = z.infer<typeof AdminManifestQuery>
export type AdminUncollectedQueryType = z.infer<typeof AdminUncollectedQuery>
export type AdminUpdateOrderCycleType = z.infer<typeof AdminUpdateOrderCycle>
export type AdminUpdatePickupPointType = z.infer<typeof AdminUpdatePickupPoint>
export type AdminUpdatePickupStaffType = z.infer<typeof AdminUpdatePickupStaff>
export type AdminUpdatePropertyOfficeType = z.infer<typeof AdminUpdatePropertyOffice>
