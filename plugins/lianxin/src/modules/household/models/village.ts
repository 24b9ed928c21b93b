import { model } from "@medusajs/framework/utils"
import Cooperative from "./cooperative"
import Household from "./household"

/**
 * A village (行政村) that households live in. `code` prefixes the public codes
 * of its households (village `YN-LC` → household `YN-LC-007`).
 */
const Village = model
  .define("village", {
    id: model.id({ prefix: "vil" }).primaryKey(),
    code: model.text().searchable(),
    name: model.text().searchable(),
    township: model.text(),
    county: model.text(),
    province: model.text(),
    cooperatives: model.hasMany(() => Cooperative, { mappedBy: "village" }),
    households: model.hasMany(() => Household, { mappedBy: "village" }),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["code"], unique: true }])

export default Village
