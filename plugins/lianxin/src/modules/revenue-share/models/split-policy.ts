import { model } from "@medusajs/framework/utils"

/**
 * One version of a split policy. Policies are never edited: a change writes a
 * new version for the same scope, and order lines keep the version they were
 * accrued under. Scope "global" has no scope_id; "category", "cooperative" and
 * "household" name the product category, cooperative or household id.
 */
const SplitPolicy = model
  .define("split_policy", {
    id: model.id({ prefix: "spol" }).primaryKey(),
    name: model.text(),
    scope: model.enum(["global", "category", "cooperative", "household"]),
    scope_id: model.text().nullable(),
    version: model.number(),
    household_bp: model.number(),
    cooperative_bp: model.number(),
    property_office_bp: model.number(),
    platform_bp: model.number(),
    created_by: model.text().nullable(),
    note: model.text().nullable(),
  })
  // Unique (scope, scope_id, version) with NULL scope_id counted as one value:
  // written as an expression index in the migration (DML indexes treat NULLs as distinct).
  .checks([
    {
      name: "split_policy_shares_sum",
      expression: (columns) =>
        `${columns.household_bp} + ${columns.cooperative_bp} + ${columns.property_office_bp} + ${columns.platform_bp} = 10000`,
    },
    {
      name: "split_policy_shares_range",
      expression: (columns) =>
        `${columns.household_bp} >= 0 AND ${columns.cooperative_bp} >= 0 AND ${columns.property_office_bp} >= 0 AND ${columns.platform_bp} >= 0`,
    },
  ])

export default SplitPolicy
