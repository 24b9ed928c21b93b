import { z } from "@medusajs/framework/zod"
import { POVERTY_STATUSES } from "../../../../../modules/household/types"
import {
  BANK_ACCOUNT,
  MAINLAND_MOBILE,
  nationalIdProblem,
  normalizeBankAccount,
  normalizeNationalId,
} from "../../../../../utils/prc-id"

/*
 * Every message here names the rule, never the value: these bodies hold
 * sensitive personal information, and 400 messages are logged.
 */

const nationalId = z
  .string({ message: "must be a string" })
  .transform(normalizeNationalId)
  .superRefine((value, ctx) => {
    const problem = nationalIdProblem(value)
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem })
    }
  })

/** 真实姓名 as on the ID card: the account holder name for statement payouts. */
export const legalName = z
  .string({ message: "must be a string" })
  .trim()
  .min(1, "must not be empty")
  .max(50, "must be at most 50 characters")

export const AdminSetHouseholdRegistry = z
  .object({
    legal_name: legalName.nullish(),
    poverty_status: z.enum(POVERTY_STATUSES, {
      message: "must be registered (建档立卡户), monitored (监测户) or none",
    }),
    national_id: nationalId,
    phone: z
      .string({ message: "must be a string" })
      .trim()
      .regex(MAINLAND_MOBILE, "must be a mainland mobile number: 11 digits starting with 13-19")
      .nullish(),
    bank: z
      .object(
        {
          bank_name: z
            .string({ message: "must be a string" })
            .trim()
            .min(2, "must name the bank, e.g. 中国农业银行")
            .max(100, "must be at most 100 characters"),
          account: z
            .string({ message: "must be a string" })
            .transform(normalizeBankAccount)
            .pipe(z.string().regex(BANK_ACCOUNT, "must be 12-19 digits")),
        },
        { message: "must be an object with bank_name and account" }
      )
      .strict()
      .nullish(),
  })
  .strict()
export type AdminSetHouseholdRegistryType = z.infer<typeof AdminSetHouseholdRegistry>
