import { model } from "@medusajs/framework/utils"
import AttributionShare from "./attribution-share"
import ConsentRecord from "./consent-record"
import Cooperative from "./cooperative"
import RegistryAccessLog from "./registry-access-log"
import Village from "./village"

/**
 * A producer household, known publicly only by its pseudonymous `code`.
 * Display name, story and photo are public only while `public_profile_consent`
 * is true. Both consent flags are derived from the latest consent record of
 * their kind and written only by the record-consent workflow.
 *
 * Registry data (poverty status, national ID, phone, bank account) is not
 * here: it lives encrypted in `household_registry`, deliberately without a
 * relation, so no graph query on households can reach it.
 */
const Household = model
  .define("household", {
    id: model.id({ prefix: "hh" }).primaryKey(),
    code: model.text().searchable(),
    display_name: model.text().searchable(),
    story: model.text().nullable(),
    photo_url: model.text().nullable(),
    public_profile_consent: model.boolean().default(false),
    registry_data_consent: model.boolean().default(false),
    village: model.belongsTo(() => Village, { mappedBy: "households" }),
    cooperative: model.belongsTo(() => Cooperative, { mappedBy: "households" }).nullable(),
    consent_records: model.hasMany(() => ConsentRecord, { mappedBy: "household" }),
    registry_access_logs: model.hasMany(() => RegistryAccessLog, { mappedBy: "household" }),
    attribution_shares: model.hasMany(() => AttributionShare, { mappedBy: "household" }),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["code"], unique: true }])

export default Household
