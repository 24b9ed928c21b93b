import { z } from "@medusajs/framework/zod"

const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`)

export const HOUSEHOLD_CODE = /^[A-Z]{2}-[A-Z0-9]{2,6}-\d{3,4}$/

export const AdminListHouseholdsQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    village_id: z.string().min(1).optional(),
    cooperative_id: z.string().min(1).optional(),
    public_profile_consent: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListHouseholdsQueryType = z.infer<typeof AdminListHouseholdsQuery>

/**
 * The public code is a pseudonym: village code plus a number, never a name.
 * Consent flags are not accepted here: they follow consent records.
 */
export const AdminCreateHousehold = z
  .object({
    code: z.string().trim().regex(HOUSEHOLD_CODE, "must look like YN-LC-007: the village code, a dash and 3-4 digits"),
    display_name: text(50),
    story: z.string().trim().max(2000, "must be at most 2000 characters").nullish(),
    photo_url: z.string().trim().url("must be an http(s) URL").max(2048).nullish(),
    village_id: z.string().min(1),
    cooperative_id: z.string().min(1).nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()
export type AdminCreateHouseholdType = z.infer<typeof AdminCreateHousehold>

/** Code and village are fixed once created. */
export const AdminUpdateHousehold = AdminCreateHousehold.omit({ code: true, village_id: true }).partial().strict()
export type AdminUpdateHouseholdType = z.infer<typeof AdminUpdateHousehold>
