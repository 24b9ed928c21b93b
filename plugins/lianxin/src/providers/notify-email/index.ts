import { randomUUID } from "node:crypto"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, ModuleProvider, Modules } from "@medusajs/framework/utils"
import nodemailer, { type Transporter } from "nodemailer"
import { readEnvelope } from "../../utils/notify-envelope"
import { appendOutbox } from "../../utils/notify-outbox"

export type EmailProviderOptions = {
  channels?: string[]
  /** SMTP host; without one, mail goes to `<outbox_dir>/email.jsonl` (development). */
  host?: string
  port?: number
  /** TLS from the first byte (port 465). Otherwise STARTTLS is used when the server offers it. */
  secure?: boolean
  user?: string
  password?: string
  from: string
  outbox_dir?: string
  /** Fail instead of sending in clear when the server offers no STARTTLS. */
  require_tls?: boolean
  /** Seconds to wait for the SMTP server before the attempt counts as failed. */
  timeout_seconds?: number
}

/**
 * The email channel: SMTP through nodemailer, one connection per message (no
 * pool to keep across a worker's idle hours). A refused or unreachable server
 * throws, the Notification Module marks the attempt failed, and the notify
 * module retries later with backoff.
 */
class EmailNotificationProvider extends AbstractNotificationProviderService {
  static identifier = "lianxin-email"
  private readonly options: EmailProviderOptions
  private readonly logger?: Logger
  private readonly transport: Transporter | null

  static validateOptions(options: Record<string, unknown>) {
    if (!options?.from || typeof options.from !== "string") {
      throw new Error("notify-email: option `from` is required (LIANXIN_EMAIL_FROM)")
    }
    if (!options.host && !options.outbox_dir) {
      throw new Error("notify-email: set `host` (LIANXIN_SMTP_HOST) or `outbox_dir`")
    }
  }

  constructor({ logger }: { logger?: Logger }, options: EmailProviderOptions) {
    super()
    this.options = options
    this.logger = logger
    this.transport = options.host
      ? nodemailer.createTransport({
          host: options.host,
          port: options.port ?? (options.secure ? 465 : 587),
          secure: options.secure ?? false,
          requireTLS: options.require_tls ?? false,
          auth: options.user ? { user: options.user, pass: options.password ?? "" } : undefined,
          connectionTimeout: (options.timeout_seconds ?? 15) * 1000,
          greetingTimeout: (options.timeout_seconds ?? 15) * 1000,
          socketTimeout: (options.timeout_seconds ?? 15) * 1000,
        })
      : null
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const envelope = readEnvelope(notification)
    const subject = notification.content?.subject ?? ""
    const text = notification.content?.text ?? ""
    if (!this.transport) {
      const id = `outbox:${randomUUID()}`
      await appendOutbox(this.options.outbox_dir as string, {
        id,
        at: new Date().toISOString(),
        channel: "email",
        to: envelope.address,
        template: envelope.template,
        subject,
        text,
      })
      return { id }
    }
    const info = await this.transport.sendMail({
      from: notification.from ?? this.options.from,
      to: envelope.address,
      subject,
      text,
      html: notification.content?.html ?? undefined,
      headers: { "X-Lianxin-Template": envelope.template },
    })
    this.logger?.debug?.(`[notify] email ${info.messageId} accepted for ${notification.to}`)
    return { id: info.messageId }
  }
}

export default ModuleProvider(Modules.NOTIFICATION, { services: [EmailNotificationProvider] })
export { EmailNotificationProvider }
