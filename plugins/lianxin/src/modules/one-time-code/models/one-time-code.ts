import { model } from "@medusajs/framework/utils"

/**
 * One code sent to one contact for one purpose. Neither the code nor the
 * contact is stored: `code_hash` is an HMAC of the challenge id and the code,
 * `contact_digest` an HMAC of the normalised mobile number or email, both
 * under a server key (a database dump gives nothing to brute-force offline).
 * `requester` binds a code to the account that asked for it (claiming orders),
 * null for sign-in. Closed once: verified, superseded by a newer code, locked
 * after too many wrong tries, or expired.
 */
const OneTimeCode = model
  .define("one_time_code", {
    id: model.id({ prefix: "otc" }).primaryKey(),
    purpose: model.enum(["sign_in", "verify_contact"]),
    channel: model.enum(["sms", "email"]),
    contact_digest: model.text(),
    requester: model.text().nullable(),
    code_hash: model.text(),
    expires_at: model.dateTime(),
    attempts: model.number().default(0),
    max_attempts: model.number().default(5),
    closed_at: model.dateTime().nullable(),
    outcome: model.enum(["verified", "superseded", "locked", "expired"]).nullable(),
  })
  .indexes([{ on: ["purpose", "contact_digest", "created_at"] }, { on: ["expires_at"] }])

export default OneTimeCode
