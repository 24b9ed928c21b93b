import { createHmac, randomInt, timingSafeEqual } from "node:crypto"
import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService, generateEntityId } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { OneTimeCode } from "./models"
import { ONE_TIME_CODE_KEY } from "./loaders/code-key"

export type CodePurpose = "sign_in" | "verify_contact"
export type CodeChannel = "sms" | "email"

export type IssueInput = {
  purpose: CodePurpose
  channel: CodeChannel
  /** The normalised mobile number or email address. */
  contact: string
  /** The account that asked (verify_contact), or null. */
  requester?: string | null
  ttl_seconds: number
  max_attempts?: number
  now?: Date
}

export type IssuedCode = { id: string; code: string; expires_at: Date }

export type VerifyInput = {
  purpose: CodePurpose
  channel: CodeChannel
  contact: string
  requester?: string | null
  code: string
  now?: Date
}

export type VerifyOutcome =
  | { ok: true; id: string; attempts_before: number }
  | { ok: false; reason: "no_code" | "expired" | "locked" }
  | { ok: false; reason: "wrong"; attempts_left: number }

type InjectedDependencies = { [ONE_TIME_CODE_KEY]: Buffer }

type Row = { id: string; code_hash: string; expires_at: Date; attempts: number; max_attempts: number }

/**
 * Issues and checks one-time codes. Checking takes the newest open code of
 * the contact under a row lock (`FOR UPDATE`), so two servers checking at the
 * same moment count every try and use a code once.
 */
export default class OneTimeCodeModuleService extends MedusaService({ OneTimeCode }) {
  protected readonly key_: Buffer

  constructor(deps: InjectedDependencies) {
    // MedusaService takes the container cradle and module options positionally.
    super(...arguments)
    this.key_ = deps[ONE_TIME_CODE_KEY]
  }

  /** HMAC of a contact (normalised: lower-case email, 11-digit mobile): the only form in which it is stored. */
  contactDigest(channel: CodeChannel, contact: string): string {
    return createHmac("sha256", this.key_)
      .update(`contact:${channel}:${contact.trim().toLowerCase()}`)
      .digest("base64url")
  }

  protected codeHash(id: string, code: string): string {
    return createHmac("sha256", this.key_).update(`code:${id}:${code}`).digest("base64url")
  }

  /** A new six-digit code for the contact; older open codes of the same purpose (and requester) stop working. */
  @InjectTransactionManager()
  async issueCode(input: IssueInput, @MedusaContext() sharedContext: Context = {}): Promise<IssuedCode> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const now = input.now ?? new Date()
    const digest = this.contactDigest(input.channel, input.contact)
    await manager.execute(
      `UPDATE one_time_code SET closed_at = ?, outcome = 'superseded', updated_at = now()
       WHERE purpose = ? AND contact_digest = ? AND requester IS NOT DISTINCT FROM ? AND closed_at IS NULL AND deleted_at IS NULL`,
      [now, input.purpose, digest, input.requester ?? null]
    )
    const id = generateEntityId(undefined, "otc")
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0")
    const expiresAt = new Date(now.getTime() + input.ttl_seconds * 1000)
    await manager.execute(
      `INSERT INTO one_time_code (id, purpose, channel, contact_digest, requester, code_hash, expires_at, attempts, max_attempts, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
      [
        id,
        input.purpose,
        input.channel,
        digest,
        input.requester ?? null,
        this.codeHash(id, code),
        expiresAt,
        input.max_attempts ?? 5,
        now,
        now,
      ]
    )
    return { id, code, expires_at: expiresAt }
  }

  /** Undoes issueCode (its workflow failed later): the code never worked. */
  @InjectTransactionManager()
  async withdrawCode(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(`DELETE FROM one_time_code WHERE id = ?`, [id])
  }

  /**
   * Checks a code against the newest open code of the contact: right → used
   * (closed `verified`); wrong → one try counted, closed `locked` at the last
   * try; past its expiry → closed `expired`. Codes already closed (used,
   * superseded) are not looked at: reuse is `no_code`.
   */
  @InjectTransactionManager()
  async verifyCode(input: VerifyInput, @MedusaContext() sharedContext: Context = {}): Promise<VerifyOutcome> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const now = input.now ?? new Date()
    const [row] = (await manager.execute(
      `SELECT id, code_hash, expires_at, attempts, max_attempts FROM one_time_code
       WHERE purpose = ? AND contact_digest = ? AND requester IS NOT DISTINCT FROM ? AND closed_at IS NULL AND deleted_at IS NULL
       ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [input.purpose, this.contactDigest(input.channel, input.contact), input.requester ?? null]
    )) as Row[]
    if (!row) return { ok: false, reason: "no_code" }
    const close = (outcome: string, attempts: number) =>
      manager.execute(
        `UPDATE one_time_code SET closed_at = ?, outcome = ?, attempts = ?, updated_at = now() WHERE id = ?`,
        [now, outcome, attempts, row.id]
      )
    if (new Date(row.expires_at).getTime() <= now.getTime()) {
      await close("expired", row.attempts)
      return { ok: false, reason: "expired" }
    }
    const expected = Buffer.from(row.code_hash)
    const given = Buffer.from(this.codeHash(row.id, input.code))
    const attempts = row.attempts + 1
    if (expected.length === given.length && timingSafeEqual(expected, given)) {
      await close("verified", attempts)
      return { ok: true, id: row.id, attempts_before: row.attempts }
    }
    if (attempts >= row.max_attempts) {
      await close("locked", attempts)
      return { ok: false, reason: "locked" }
    }
    await manager.execute(`UPDATE one_time_code SET attempts = ?, updated_at = now() WHERE id = ?`, [attempts, row.id])
    return { ok: false, reason: "wrong", attempts_left: row.max_attempts - attempts }
  }

  /** Undoes a successful verifyCode (what the code was for failed): the same code works again. */
  @InjectTransactionManager()
  async reopenCode(id: string, attempts: number, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(
      `UPDATE one_time_code SET closed_at = NULL, outcome = NULL, attempts = ?, updated_at = now() WHERE id = ? AND outcome = 'verified'`,
      [attempts, id]
    )
  }

  /** Removes codes that ended more than a day ago (the throttle-purge job runs it). */
  @InjectTransactionManager()
  async purgeOld(now = new Date(), @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows = await manager.execute(
      `DELETE FROM one_time_code WHERE expires_at < ?::timestamptz - interval '1 day' RETURNING id`,
      [now]
    )
    return rows.length
  }
}
