import { z } from "@medusajs/framework/zod"

const bp = z.number().int("must be a whole number of basis points").min(0).max(10000)

export const AdminCreateSplitPolicy = z
  .object({
    name: z.string().trim().min(1).max(100),
    scope: z.enum(["global", "category", "cooperative", "household"]),
    scope_id: z.string().trim().min(1).max(100).nullish(),
    household_bp: bp,
    cooperative_bp: bp,
    property_office_bp: bp,
    platform_bp: bp,
    note: z.string().max(500).nullish(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const sum = v.household_bp + v.cooperative_bp + v.property_office_bp + v.platform_bp
    if (sum !== 10000) {
      ctx.addIssue({
        code: "custom",
        path: ["platform_bp"],
        message: `platform_bp: the four shares must sum to 10000 basis points, got ${sum}`,
      })
    }
    if (v.scope === "global" && v.scope_id) {
      ctx.addIssue({ code: "custom", path: ["scope_id"], message: "scope_id must be empty for the global policy" })
    }
    if (v.scope !== "global" && !v.scope_id) {
      ctx.addIssue({ code: "custom", path: ["scope_id"], message: `scope_id is required for scope ${v.scope}` })
    }
  })
export type AdminCreateSplitPolicyType = z.infer<typeof AdminCreateSplitPolicy>

export const AdminListSplitPoliciesQuery = z
  .object({
    scope: z.enum(["global", "category", "cooperative", "household"]).optional(),
    scope_id: z.string().optional(),
    history: z.enum(["true", "false"]).default("false"),
  })
  .strict()
export type AdminListSplitPoliciesQueryType = z.infer<typeof AdminListSplitPoliciesQuery>
