import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"

/**
 * What our notification providers need beyond Medusa's notification fields.
 * Medusa stores `to`, `data` and `provider_data` in its `notification` table;
 * it passes the whole create input to the provider but stores only its model's
 * columns, so the envelope travels to the provider and is never written
 * (integration test `notifications-otp.spec.ts` checks the table for it).
 *
 * - `to` (Medusa's) is the masked address; `envelope.address` the real one.
 * - `envelope.params` are the template values an SMS template service needs
 *   (Aliyun fills its approved templates with them), secrets included.
 */
export type NotifyEnvelope = {
  address: string
  template: string
  params: Record<string, string>
}

export const ENVELOPE_KEY = "lianxin_envelope"

export type EnvelopedNotification = ProviderSendNotificationDTO & { [ENVELOPE_KEY]?: NotifyEnvelope }

export function readEnvelope(notification: ProviderSendNotificationDTO): NotifyEnvelope {
  const envelope = (notification as EnvelopedNotification)[ENVELOPE_KEY]
  if (!envelope?.address) {
    // Never the address itself: `to` is masked, and this may be logged.
    throw new Error(`notification for ${notification.to} on ${notification.channel} has no delivery envelope`)
  }
  return envelope
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
/** Mainland mobile numbers, with or without +86. */
const CN_MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/

export function normalizeEmail(value: string): string | null {
  const v = value.trim()
  return EMAIL.test(v) && v.length <= 254 ? v : null
}

/** `+86 138-0013-8000` → `13800138000`; null when it is not a mainland mobile number. */
export function normalizeCnMobile(value: string): string | null {
  const m = CN_MOBILE.exec(value.replace(/[\s-]/g, ""))
  return m ? m[1] : null
}

/** `wang.xiuying@example.com` → `w***@example.com`. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf("@")
  if (at < 1) return "***"
  return `${value[0]}***${value.slice(at)}`
}
