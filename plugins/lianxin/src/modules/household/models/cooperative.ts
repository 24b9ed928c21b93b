import { model } from "@medusajs/framework/utils"
import Attribution from "./attribution"
import Household from "./household"
import Village from "./village"

/**
 * A cooperative (合作社) that sells for many households. Its contact is a
 * business contact, not registry data: it is stored in clear.
 */
const Cooperative = model.define("cooperative", {
  id: model.id({ prefix: "coop" }).primaryKey(),
  name: model.text().searchable(),
  contact_name: model.text().nullable(),
  contact_phone: model.text().nullable(),
  village: model.belongsTo(() => Village, { mappedBy: "cooperatives" }),
  households: model.hasMany(() => Household, { mappedBy: "cooperative" }),
  attributions: model.hasMany(() => Attribution, { mappedBy: "cooperative" }),
  metadata: model.json().nullable(),
})

export default Cooperative
