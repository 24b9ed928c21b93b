import { z } from "@medusajs/framework/zod"
import { CONSENT_KINDS } from "../../../../../modules/household/types"

export const AdminListConsentsQuery = z
  .object({
    kind: z.enum(CONSENT_KINDS).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListConsentsQueryType = z.infer<typeof AdminListConsentsQuery>

/**
 * A consent as the household gave or withdrew it. `method` says how it was
 * obtained (e.g. 纸质签字, 口头+见证); `recorded_at` is when (defaults to now).
 */
export const AdminRecordConsent = z
  .object({
    kind: z.enum(CONSENT_KINDS),
    granted: z.boolean(),
    method: z.string().trim().min(1, "must say how consent was obtained, e.g. 纸质签字").max(100),
    note: z.string().trim().max(500).nullish(),
    recorded_at: z.coerce.date().optional(),
  })
  .strict()
export type AdminRecordConsentType = z.infer<typeof AdminRecordConsent>
