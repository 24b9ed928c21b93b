import { model } from "@medusajs/framework/utils"
import AttributionShare from "./attribution-share"
import Cooperative from "./cooperative"

/**
 * Who produced a product (linked to it in src/links). Either one household
 * (no cooperative, one share of 10000 bp) or a cooperative with the households
 * it buys from and their proportions (shares summing to 10000 bp).
 * Replacing an attribution soft-deletes the old one, which stays for audit.
 */
const Attribution = model
  .define("attribution", {
    id: model.id({ prefix: "attr" }).primaryKey(),
    cooperative: model.belongsTo(() => Cooperative, { mappedBy: "attributions" }).nullable(),
    shares: model.hasMany(() => AttributionShare, { mappedBy: "attribution" }),
    note: model.text().nullable(),
  })
  .cascades({ delete: ["shares"] })

export default Attribution
