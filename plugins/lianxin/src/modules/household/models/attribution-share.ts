import { model } from "@medusajs/framework/utils"
import Attribution from "./attribution"
import Household from "./household"

/** One household's proportion of an attribution, in basis points (1–10000). */
const AttributionShare = model
  .define("attribution_share", {
    id: model.id({ prefix: "attrsh" }).primaryKey(),
    share_bp: model.number(),
    attribution: model.belongsTo(() => Attribution, { mappedBy: "shares" }),
    household: model.belongsTo(() => Household, { mappedBy: "attribution_shares" }),
  })
  .indexes([{ on: ["attribution_id", "household_id"], unique: true }])
  .checks([
    {
      name: "attribution_share_bp_range",
      expression: (columns) => `${columns.share_bp} > 0 AND ${columns.share_bp} <= 10000`,
    },
  ])

export default AttributionShare
