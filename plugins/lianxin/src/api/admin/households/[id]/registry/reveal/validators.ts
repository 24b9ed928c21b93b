import { z } from "@medusajs/framework/zod"
import { REVEALABLE_REGISTRY_FIELDS } from "../../../../../../modules/household/types"

/** Which unmasked field, and why: the reason goes to the access log. */
export const AdminRevealRegistryField = z
  .object({
    field: z.enum(REVEALABLE_REGISTRY_FIELDS, { message: "must be legal_name, national_id, phone or bank_account" }),
    reason: z
      .string({ message: "must be a string" })
      .trim()
      .min(4, "must say why the value is needed (at least 4 characters)")
      .max(500, "must be at most 500 characters"),
  })
  .strict()
export type AdminRevealRegistryFieldType = z.infer<typeof AdminRevealRegistryField>
