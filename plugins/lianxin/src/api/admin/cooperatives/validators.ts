import { z } from "@medusajs/framework/zod"
import { MAINLAND_MOBILE } from "../../../utils/prc-id"

const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`)

export const AdminListCooperativesQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    village_id: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListCooperativesQueryType = z.infer<typeof AdminListCooperativesQuery>

/** The contact is the cooperative's business contact (not registry data); landlines are allowed. */
export const AdminCreateCooperative = z
  .object({
    name: text(100),
    village_id: z.string().min(1),
    contact_name: text(50).nullish(),
    contact_phone: z
      .string()
      .trim()
      .refine(
        (v) => MAINLAND_MOBILE.test(v) || /^0\d{2,3}-?\d{7,8}$/.test(v),
        "must be a mainland mobile or landline number"
      )
      .nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()
export type AdminCreateCooperativeType = z.infer<typeof AdminCreateCooperative>

export const AdminUpdateCooperative = AdminCreateCooperative.partial().strict()
export type AdminUpdateCooperativeType = z.infer<typeof AdminUpdateCooperative>
