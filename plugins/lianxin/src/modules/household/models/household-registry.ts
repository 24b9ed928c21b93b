import { model } from "@medusajs/framework/utils"

/**
 * Registry data of one household: sensitive personal information (个人敏感信息).
 * Every value column holds `<key version>:<iv>:<tag>:<ciphertext>` (AES-256-GCM,
 * bound to the household id and field name); `national_id_digest` is a keyed
 * HMAC of the normalised ID number, unique, for duplicate detection.
 *
 * Only the household module service reads or writes these columns; it never
 * returns them to callers outside the registry workflows.
 */
const HouseholdRegistry = model
  .define("household_registry", {
    id: model.id({ prefix: "hhreg" }).primaryKey(),
    household_id: model.text(),
    /** 真实姓名 as on the ID card: the account holder name for statement payouts. */
    legal_name_enc: model.text().nullable(),
    poverty_status_enc: model.text(),
    national_id_enc: model.text(),
    national_id_digest: model.text(),
    phone_enc: model.text().nullable(),
    bank_name_enc: model.text().nullable(),
    bank_account_enc: model.text().nullable(),
    consent_record_id: model.text(),
  })
  .indexes([
    { on: ["household_id"], unique: true },
    { on: ["national_id_digest"], unique: true },
  ])

export default HouseholdRegistry
