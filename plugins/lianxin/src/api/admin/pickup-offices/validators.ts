import { z } from "@medusajs/framework/zod"

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`)
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

const hours = z.number().int().min(1).max(24 * 14)

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
    phone: z.string().regex(/^[0-9+\- ]{7,20}$/, "must be a phone number").nullish(),
    password: z.string().min(10, "must be at least 10 characters").max(200),
    point_ids: z.array(z.string().regex(/^ppt_[0-9A-Za-z]{10,40}$/, "must be pickup point ids")).min(1).max(50),
  })
  .strict()
export const AdminUpdatePickupStaff = z
  .object({
    name: text(50).optional(),
    phone: z.string().regex(/^[0-9+\- ]{7,20}$/, "must be a phone number").nullish(),
    is_active: z.boolean().optional(),
    point_ids: z.array(z.string().regex(/^ppt_[0-9A-Za-z]{10,40}$/, "must be pickup point ids")).max(50).optional(),
  })
  .strict()

export const AdminManifestQuery = z
  .object({ kind: z.enum(["pickup", "harvest"]).default("pickup"), format: z.enum(["json", "csv"]).default("json") })
  .strict()
