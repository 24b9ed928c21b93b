import { model } from "@medusajs/framework/utils"
import Household from "./household"

/**
 * Who revealed which unmasked registry field of which household, when and
 * why. Append-only like consent records. Never holds the value itself.
 */
const RegistryAccessLog = model
  .define("registry_access_log", {
    id: model.id({ prefix: "hhral" }).primaryKey(),
    field: model.enum(["legal_name", "national_id", "phone", "bank_account"]),
    reason: model.text(),
    actor_id: model.text(),
    accessed_at: model.dateTime(),
    household: model.belongsTo(() => Household, { mappedBy: "registry_access_logs" }),
  })
  .indexes([{ on: ["household_id", "accessed_at"] }])

export default RegistryAccessLog
