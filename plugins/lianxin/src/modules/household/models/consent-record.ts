import { model } from "@medusajs/framework/utils"
import Household from "./household"

/**
 * One consent given or withdrawn, as recorded by an operator. Append-only
 * (the table refuses UPDATE; DELETE only inside a workflow rollback). The
 * latest record of a kind, by `recorded_at`, decides.
 */
const ConsentRecord = model
  .define("consent_record", {
    id: model.id({ prefix: "hhcons" }).primaryKey(),
    kind: model.enum(["public_profile", "registry_data"]),
    granted: model.boolean(),
    recorded_at: model.dateTime(),
    recorded_by: model.text(),
    method: model.text(),
    note: model.text().nullable(),
    household: model.belongsTo(() => Household, { mappedBy: "consent_records" }),
  })
  .indexes([{ on: ["household_id", "kind", "recorded_at"] }])

export default ConsentRecord
