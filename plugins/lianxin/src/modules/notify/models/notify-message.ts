import { model } from "@medusajs/framework/utils"

/**
 * One message owed to one recipient on one channel: the outbox row behind every
 * notification. `idempotency_key` (event key + recipient + channel) is unique, so
 * an event replayed by several servers and the worker yields one row; the
 * delivery job claims due rows with `FOR UPDATE SKIP LOCKED`, so one process
 * sends each. Medusa's Notification Module (one provider per channel) does the
 * sending; its `notification` rows are the attempts, this row is the truth.
 *
 * Never stored here: addresses (resolved when sending, masked once sent),
 * registry data, pickup or one-time codes (read inside the sending step).
 */
const NotifyMessage = model
  .define("notify_message", {
    id: model.id({ prefix: "nmsg" }).primaryKey(),
    idempotency_key: model.text(),
    event: model.text(),
    channel: model.enum(["in_app", "email", "sms"]),
    recipient_type: model.enum(["customer", "staff", "household", "order", "address"]),
    recipient_id: model.text().nullable(),
    /** Masked address for operators (a***@example.com, 138****0000), filled when sent. */
    to_masked: model.text().nullable(),
    locale: model.enum(["zh-CN", "en"]).default("zh-CN"),
    urgent: model.boolean().default(false),
    template: model.text(),
    /** Non-secret template values (order number, place, window, amounts). */
    params: model.json().nullable(),
    title: model.text(),
    /** The text as shown in 消息 and to operators; secrets replaced by a placeholder. */
    body: model.text(),
    link: model.text().nullable(),
    resource_type: model.text().nullable(),
    resource_id: model.text().nullable(),
    status: model.enum(["queued", "sending", "sent", "failed", "dead", "skipped"]).default("queued"),
    attempts: model.number().default(0),
    max_attempts: model.number().default(8),
    next_attempt_at: model.dateTime(),
    /** Set while a process sends: a crashed sender's claim expires and the row is retried. */
    lease_until: model.dateTime().nullable(),
    /** Why the row waits: `quiet_hours` when held for the morning. */
    deferred_reason: model.text().nullable(),
    last_error: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
    read_at: model.dateTime().nullable(),
    /** Medusa notification id of the attempt that succeeded. */
    notification_id: model.text().nullable(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status", "next_attempt_at"], where: "deleted_at IS NULL" },
    { on: ["recipient_type", "recipient_id", "channel", "created_at"], where: "deleted_at IS NULL" },
  ])

export default NotifyMessage
