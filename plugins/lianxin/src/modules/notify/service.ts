import type { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { NOTIFY_CONFIG, type NotifyConfig } from "./loaders/notify-config"
import { NotifyMessage, NotifyPreference } from "./models"

export type NotifyChannel = "in_app" | "email" | "sms"
/** `order`: a guest who gave only a mobile (no customer record); the address is read from the order when sending. */
export type RecipientType = "customer" | "staff" | "household" | "order" | "address"

export type NewMessage = {
  idempotency_key: string
  event: string
  channel: NotifyChannel
  recipient_type: RecipientType
  recipient_id: string | null
  to_masked?: string | null
  locale: "zh-CN" | "en"
  urgent: boolean
  template: string
  params: Record<string, string>
  title: string
  body: string
  link?: string | null
  resource_type?: string | null
  resource_id?: string | null
  status?: "queued" | "sending"
  max_attempts?: number
  next_attempt_at: Date
  deferred_reason?: string | null
  /** Set with status `sending`: the row is claimed by its creator (one-time codes). */
  lease_until?: Date | null
}

export type MessageRow = {
  id: string
  idempotency_key: string
  event: string
  channel: NotifyChannel
  recipient_type: RecipientType
  recipient_id: string | null
  to_masked: string | null
  locale: "zh-CN" | "en"
  urgent: boolean
  template: string
  params: Record<string, string> | null
  title: string
  body: string
  link: string | null
  resource_type: string | null
  resource_id: string | null
  status: "queued" | "sending" | "sent" | "failed" | "dead" | "skipped"
  attempts: number
  max_attempts: number
  next_attempt_at: Date
  lease_until: Date | null
  deferred_reason: string | null
  last_error: string | null
  sent_at: Date | null
  read_at: Date | null
  notification_id: string | null
  created_at: Date
}

const COLUMNS = [
  "id",
  "idempotency_key",
  "event",
  "channel",
  "recipient_type",
  "recipient_id",
  "to_masked",
  "locale",
  "urgent",
  "template",
  "params",
  "title",
  "body",
  "link",
  "resource_type",
  "resource_id",
  "status",
  "attempts",
  "max_attempts",
  "next_attempt_at",
  "lease_until",
  "deferred_reason",
] as const

/** Errors are stored for operators: bounded, and without anything that looks like a phone number or email. */
export function redactError(message: string): string {
  return message
    .replace(/[^\s@<>"']+@[^\s@<>"']+/g, "<email>")
    .replace(/(?<!\d)(?:\+?86)?1[3-9]\d{9}(?!\d)/g, "<phone>")
    .slice(0, 500)
}

/**
 * The notify module: the outbox of messages (one row per event, recipient and
 * channel) and the recipients' channel and language choices. Sending happens in
 * workflows through Medusa's Notification Module; this service only moves rows
 * through their states with conditional SQL, so several servers and the worker
 * can run the same job at once.
 */
class NotifyModuleService extends MedusaService({ NotifyMessage, NotifyPreference }) {
  private readonly config_: NotifyConfig

  constructor(deps: { [NOTIFY_CONFIG]: NotifyConfig }) {
    // MedusaService takes the container cradle and module options positionally.
    super(...arguments)
    this.config_ = deps[NOTIFY_CONFIG]
  }

  /** Quiet hours and the storefront URL, as configured. */
  config(): NotifyConfig {
    return this.config_
  }

  /**
   * Inserts messages; a key that exists already is left alone
   * (`ON CONFLICT DO NOTHING` on the unique index). Returns the rows this call
   * created and, for the others, the rows that were there.
   */
  @InjectTransactionManager()
  async insertMessages(
    messages: NewMessage[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ created: MessageRow[]; existing: MessageRow[] }> {
    if (!messages.length) return { created: [], existing: [] }
    const manager = sharedContext.transactionManager as SqlEntityManager
    const created: MessageRow[] = []
    for (const m of messages) {
      const values = [
        generateEntityId(undefined, "nmsg"),
        m.idempotency_key,
        m.event,
        m.channel,
        m.recipient_type,
        m.recipient_id,
        m.to_masked ?? null,
        m.locale,
        m.urgent,
        m.template,
        JSON.stringify(m.params),
        m.title,
        m.body,
        m.link ?? null,
        m.resource_type ?? null,
        m.resource_id ?? null,
        m.status ?? "queued",
        m.status === "sending" ? 1 : 0,
        m.max_attempts ?? 8,
        m.next_attempt_at,
        m.lease_until ?? null,
        m.deferred_reason ?? null,
      ]
      const rows = await manager.execute(
        `INSERT INTO notify_message (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})
           ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING RETURNING *`,
        values
      )
      if (rows[0]) created.push(rows[0] as MessageRow)
    }
    const createdKeys = new Set(created.map((r) => r.idempotency_key))
    const missing = messages.map((m) => m.idempotency_key).filter((k) => !createdKeys.has(k))
    const existing = missing.length
      ? ((await manager.execute(
          `SELECT * FROM notify_message WHERE idempotency_key IN (${missing.map(() => "?").join(", ")})
             AND deleted_at IS NULL`,
          missing
        )) as MessageRow[])
      : []
    return { created, existing }
  }

  /** Compensation of insertMessages: removes the rows a failed workflow created. */
  @InjectTransactionManager()
  async deleteCreatedMessages(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    if (!ids.length) return
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(`DELETE FROM notify_message WHERE id IN (${ids.map(() => "?").join(", ")})`, ids)
  }

  /**
   * Claims messages that are due: queued or failed with `next_attempt_at <= now`,
   * or `sending` whose claimant's lease ran out (a crashed process). During quiet
   * hours only urgent and in-app messages are claimed. `FOR UPDATE SKIP LOCKED`:
   * a row is claimed by one process; the attempt counter goes up on claim.
   */
  @InjectTransactionManager()
  async claimDue(
    input: { now: Date; quiet: boolean; limit: number; lease_ms: number; ids?: string[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<MessageRow[]> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const params: unknown[] = [new Date(input.now.getTime() + input.lease_ms), input.now, input.now]
    let filter = ""
    if (input.quiet) filter += " AND (urgent OR channel = 'in_app')"
    if (input.ids) {
      if (!input.ids.length) return []
      filter += ` AND id IN (${input.ids.map(() => "?").join(", ")})`
      params.push(...input.ids)
    }
    params.push(input.limit)
    return (await manager.execute(
      `UPDATE notify_message SET status = 'sending', lease_until = ?, attempts = attempts + 1, updated_at = now()
        WHERE id IN (
          SELECT id FROM notify_message
           WHERE deleted_at IS NULL
             AND ((status IN ('queued', 'failed') AND next_attempt_at <= ?) OR (status = 'sending' AND lease_until < ?))
             ${filter}
           ORDER BY urgent DESC, next_attempt_at, id
           LIMIT ?
           FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      params
    )) as MessageRow[]
  }

  /** The attempt succeeded. Only the claimant (status `sending`) can do this. */
  @InjectTransactionManager()
  async markSent(
    input: { id: string; now: Date; notification_id: string | null; to_masked: string | null; attempts?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows = await manager.execute(
      `UPDATE notify_message SET status = 'sent', sent_at = ?, notification_id = ?, to_masked = COALESCE(?, to_masked),
              attempts = COALESCE(?, attempts), lease_until = NULL, last_error = NULL,
              deferred_reason = NULL, updated_at = now()
        WHERE id = ? AND status = 'sending' RETURNING id`,
      [input.now, input.notification_id, input.to_masked, input.attempts ?? null, input.id]
    )
    return rows.length === 1
  }

  /**
   * The attempt failed: retried at `retry_at`, or `dead` when attempts are used
   * up, or `skipped` when it can never be sent (no address, no
   * consent, channel turned off).
   */
  @InjectTransactionManager()
  async markFailed(
    input: {
      id: string
      error: string
      retry_at: Date | null
      skip?: boolean
      to_masked?: string | null
      /** Tries made under this claim, when more than one (one-time codes). */
      attempts?: number
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<"failed" | "dead" | "skipped" | null> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    if (input.attempts !== undefined) {
      await manager.execute(`UPDATE notify_message SET attempts = ? WHERE id = ? AND status = 'sending'`, [
        input.attempts,
        input.id,
      ])
    }
    const rows = await manager.execute(
      `UPDATE notify_message
          SET status = CASE WHEN ? THEN 'skipped' WHEN ?::timestamptz IS NULL OR attempts >= max_attempts THEN 'dead' ELSE 'failed' END,
              next_attempt_at = COALESCE(?::timestamptz, next_attempt_at),
              last_error = ?, lease_until = NULL, to_masked = COALESCE(?, to_masked), updated_at = now()
        WHERE id = ? AND status = 'sending' RETURNING status`,
      [input.skip === true, input.retry_at, input.retry_at, redactError(input.error), input.to_masked ?? null, input.id]
    )
    return (rows[0]?.status as "failed" | "dead" | "skipped" | undefined) ?? null
  }

  /** Operators' retry of a dead or failed message: due now, with fresh attempts. */
  @InjectTransactionManager()
  async requeue(input: { id: string; now: Date }, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows = await manager.execute(
      `UPDATE notify_message SET status = 'queued', next_attempt_at = ?, max_attempts = attempts + 3, updated_at = now()
        WHERE id = ? AND status IN ('failed', 'dead') AND deleted_at IS NULL RETURNING *`,
      [input.now, input.id]
    )
    return (rows[0] as MessageRow | undefined) ?? null
  }

  /**
   * A recipient's in-app messages (消息), newest first, with the number unread.
   * Only sent ones: an in-app message is delivered through the Notification Module too.
   */
  @InjectManager()
  async inbox(
    input: {
      recipient_type: "customer" | "staff"
      recipient_id: string
      limit: number
      offset: number
      unread_only?: boolean
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ messages: MessageRow[]; count: number; unread: number }> {
    const manager = sharedContext.manager as SqlEntityManager
    const where = `recipient_type = ? AND recipient_id = ? AND channel = 'in_app' AND status = 'sent' AND deleted_at IS NULL`
    const args = [input.recipient_type, input.recipient_id]
    const filter = input.unread_only ? " AND read_at IS NULL" : ""
    const messages = (await manager.execute(
      `SELECT * FROM notify_message WHERE ${where}${filter} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
      [...args, input.limit, input.offset]
    )) as MessageRow[]
    const [counts] = await manager.execute(
      `SELECT COUNT(*) FILTER (WHERE TRUE${filter ? " AND read_at IS NULL" : ""}) AS count,
              COUNT(*) FILTER (WHERE read_at IS NULL) AS unread
         FROM notify_message WHERE ${where}`,
      args
    )
    return { messages, count: Number(counts.count), unread: Number(counts.unread) }
  }

  /** Marks a recipient's in-app messages read (the given ones, or all); returns the ids that changed. */
  @InjectTransactionManager()
  async markRead(
    input: { recipient_type: "customer" | "staff"; recipient_id: string; ids?: string[]; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const args: unknown[] = [input.now, input.recipient_type, input.recipient_id]
    let only = ""
    if (input.ids) {
      if (!input.ids.length) return []
      only = ` AND id IN (${input.ids.map(() => "?").join(", ")})`
      args.push(...input.ids)
    }
    const rows = await manager.execute(
      `UPDATE notify_message SET read_at = ?, updated_at = now()
        WHERE recipient_type = ? AND recipient_id = ? AND channel = 'in_app' AND read_at IS NULL AND deleted_at IS NULL${only}
        RETURNING id`,
      args
    )
    return rows.map((r) => String(r.id))
  }

  /** Compensation of markRead. */
  @InjectTransactionManager()
  async markUnread(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    if (!ids.length) return
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(
      `UPDATE notify_message SET read_at = NULL WHERE id IN (${ids.map(() => "?").join(", ")})`,
      ids
    )
  }

  /** Operators' view: messages by status (failed, dead …), newest first. */
  @InjectManager()
  async listForOperators(
    input: { status?: string[]; channel?: string; event?: string; limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ messages: MessageRow[]; count: number; by_status: Record<string, number> }> {
    const manager = sharedContext.manager as SqlEntityManager
    const conds = ["deleted_at IS NULL"]
    const args: unknown[] = []
    if (input.status?.length) {
      conds.push(`status IN (${input.status.map(() => "?").join(", ")})`)
      args.push(...input.status)
    }
    if (input.channel) {
      conds.push("channel = ?")
      args.push(input.channel)
    }
    if (input.event) {
      conds.push("event = ?")
      args.push(input.event)
    }
    const where = conds.join(" AND ")
    const messages = (await manager.execute(
      `SELECT * FROM notify_message WHERE ${where} ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`,
      [...args, input.limit, input.offset]
    )) as MessageRow[]
    const [c] = await manager.execute(`SELECT COUNT(*) AS count FROM notify_message WHERE ${where}`, args)
    const statuses = await manager.execute(
      `SELECT status, COUNT(*) AS n FROM notify_message WHERE deleted_at IS NULL GROUP BY status`
    )
    return {
      messages,
      count: Number(c.count),
      by_status: Object.fromEntries(statuses.map((r) => [String(r.status), Number(r.n)])),
    }
  }

  @InjectManager()
  async messageById(id: string, @MedusaContext() sharedContext: Context = {}): Promise<MessageRow | null> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows = await manager.execute(`SELECT * FROM notify_message WHERE id = ? AND deleted_at IS NULL`, [id])
    return (rows[0] as MessageRow | undefined) ?? null
  }
}

export default NotifyModuleService
