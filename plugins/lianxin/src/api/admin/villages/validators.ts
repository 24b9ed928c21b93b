import { z } from "@medusajs/framework/zod"

const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`)

export const VILLAGE_CODE = /^[A-Z]{2}-[A-Z0-9]{2,6}$/

export const AdminListVillagesQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    province: z.string().trim().min(1).max(50).optional(),
    county: z.string().trim().min(1).max(50).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListVillagesQueryType = z.infer<typeof AdminListVillagesQuery>

export const AdminCreateVillage = z
  .object({
    code: z
      .string()
      .trim()
      .regex(VILLAGE_CODE, "must look like YN-LC: two capital letters, a dash, 2-6 capitals or digits"),
    name: text(100),
    township: text(100),
    county: text(100),
    province: text(50),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()
export type AdminCreateVillageType = z.infer<typeof AdminCreateVillage>

/** The code is not editable: household codes are derived from it. */
export const AdminUpdateVillage = AdminCreateVillage.omit({ code: true }).partial().strict()
export type AdminUpdateVillageType = z.infer<typeof AdminUpdateVillage>
