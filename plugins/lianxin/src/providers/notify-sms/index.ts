import { randomUUID } from "node:crypto"
import type { ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, ModuleProvider, Modules } from "@medusajs/framework/utils"
import { readEnvelope } from "../../utils/notify-envelope"
import { appendOutbox } from "../../utils/notify-outbox"
import { type AliyunSmsConfig, type SmsMessage, aliyunSendSms } from "../../utils/sms-aliyun"

/** An SMS service: one method, so another Chinese provider (Tencent Cloud SMS …) is one more adapter. */
export interface SmsAdapter {
  send(message: SmsMessage): Promise<string>
}

export type SmsProviderOptions = {
  channels?: string[]
  adapter: "outbox" | "aliyun"
  /** outbox: where `sms.jsonl` is written. */
  outbox_dir?: string
  aliyun?: AliyunSmsConfig
}

class OutboxSmsAdapter implements SmsAdapter {
  constructor(private readonly dir: string) {}
  async send(message: SmsMessage): Promise<string> {
    const id = `outbox:${randomUUID()}`
    await appendOutbox(this.dir, {
      id,
      at: new Date().toISOString(),
      channel: "sms",
      to: message.to,
      template: message.template,
      text: message.text,
    })
    return id
  }
}

class AliyunSmsAdapter implements SmsAdapter {
  constructor(private readonly config: AliyunSmsConfig) {}
  send(message: SmsMessage): Promise<string> {
    return aliyunSendSms(this.config, message)
  }
}

/**
 * The SMS channel. Development and tests use the outbox adapter (a file a test
 * or a developer reads); production sets LIANXIN_SMS_ADAPTER=aliyun and the
 * ALIYUN_SMS_* variables (README).
 */
class SmsNotificationProvider extends AbstractNotificationProviderService {
  static identifier = "lianxin-sms"
  private readonly adapter: SmsAdapter

  static validateOptions(options: Record<string, unknown>) {
    const o = options as Partial<SmsProviderOptions>
    if (o.adapter === "outbox" && !o.outbox_dir) {
      throw new Error("notify-sms: the outbox adapter needs `outbox_dir`")
    }
    if (o.adapter === "aliyun") {
      const a = o.aliyun
      if (!a?.access_key_id || !a.access_key_secret || !a.sign_name) {
        throw new Error("notify-sms: the aliyun adapter needs ALIYUN_SMS_ACCESS_KEY_ID, _SECRET and _SIGN_NAME")
      }
    }
    if (o.adapter !== "outbox" && o.adapter !== "aliyun") {
      throw new Error('notify-sms: `adapter` must be "outbox" or "aliyun"')
    }
  }

  constructor(_container: unknown, options: SmsProviderOptions) {
    super()
    this.adapter =
      options.adapter === "aliyun"
        ? new AliyunSmsAdapter(options.aliyun as AliyunSmsConfig)
        : new OutboxSmsAdapter(options.outbox_dir as string)
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const envelope = readEnvelope(notification)
    const id = await this.adapter.send({
      to: envelope.address,
      template: envelope.template,
      params: envelope.params,
      text: notification.content?.text ?? "",
    })
    return { id }
  }
}

export default ModuleProvider(Modules.NOTIFICATION, { services: [SmsNotificationProvider] })
export { SmsNotificationProvider }
