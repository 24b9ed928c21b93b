import { z } from "@medusajs/framework/zod"

export const AdminListStatementsQuery = z
  .object({
    household_id: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListStatementsQueryType = z.infer<typeof AdminListStatementsQuery>

export const AdminGenerateStatements = z
  .object({
    period_start: z.coerce.date().optional(),
    period_end: z.coerce.date().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!!v.period_start !== !!v.period_end) {
      ctx.addIssue({
        code: "custom",
        path: [v.period_start ? "period_end" : "period_start"],
        message: `${v.period_start ? "period_end" : "period_start"}: give both ends of the period, or neither for last week`,
      })
    }
    if (v.period_start && v.period_end && v.period_end <= v.period_start) {
      ctx.addIssue({ code: "custom", path: ["period_end"], message: "period_end must be after period_start" })
    }
  })
export type AdminGenerateStatementsType = z.infer<typeof AdminGenerateStatements>

export const AdminMarkStatementPaid = z
  .object({
    method: z.enum(["cash", "bank_transfer", "wechat"]),
    reference: z.string().trim().min(1).max(100),
    paid_at: z.coerce.date().optional(),
  })
  .strict()
export type AdminMarkStatementPaidType = z.infer<typeof AdminMarkStatementPaid>
