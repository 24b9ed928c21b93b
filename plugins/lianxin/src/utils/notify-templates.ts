/**
 * Every message we send, in zh-CN and en (docs/notifications.md prints them).
 * A template is pure: values in, texts out. Secret values (a pickup or
 * one-time code) are passed only when rendering for the provider; the copy
 * kept in the notify module (消息, Medusa Admin) is rendered without them.
 */
export type NotifyLocale = "zh-CN" | "en"
export const NOTIFY_LOCALES: readonly NotifyLocale[] = ["zh-CN", "en"]

export type Rendered = { title: string; body: string; sms: string }

type Values = Record<string, string | undefined>
type Text = (v: Values) => string

export type TemplateDefinition = {
  /** Urgent messages are sent during quiet hours. */
  urgent: boolean
  /** Names of the values that are secret (sealed until sent, never in the kept copy). */
  secrets: readonly string[]
  /** Names of the values the SMS template service receives (Aliyun template variables). */
  sms_params: readonly string[]
  text: Record<NotifyLocale, { title: Text; body: Text; sms: Text }>
}

const codeZh = (v: Values) => (v.code ? `取货码 ${v.code}（在订单页重新获取后此码失效）` : "取货码请在订单页查看")
const codeEn = (v: Values) =>
  v.code ? `Pickup code ${v.code} (getting a new code on the order page replaces it)` : "See your pickup code on the order page"

export const NOTIFY_TEMPLATES = {
  otp_sign_in: {
    urgent: true,
    secrets: ["code"],
    sms_params: ["code", "minutes"],
    text: {
      "zh-CN": {
        title: () => "连心市集登录验证码",
        body: (v) => `您的登录验证码是 ${v.code ?? "••••••"}，${v.minutes} 分钟内有效。请勿告诉他人；如非本人操作，请忽略。`,
        sms: (v) => `您的登录验证码是${v.code}，${v.minutes}分钟内有效，请勿告诉他人。`,
      },
      en: {
        title: () => "Your Lianxin Market sign-in code",
        body: (v) =>
          `Your sign-in code is ${v.code ?? "••••••"}. It expires in ${v.minutes} minutes. Do not share it; if you did not ask for it, ignore this message.`,
        sms: (v) => `Your Lianxin sign-in code is ${v.code}, valid for ${v.minutes} min. Do not share it.`,
      },
    },
  },
  otp_verify_contact: {
    urgent: true,
    secrets: ["code"],
    sms_params: ["code", "minutes"],
    text: {
      "zh-CN": {
        title: () => "连心市集验证码",
        body: (v) =>
          `您正在验证联系方式，验证码是 ${v.code ?? "••••••"}，${v.minutes} 分钟内有效。请勿告诉他人；如非本人操作，请忽略。`,
        sms: (v) => `您正在验证联系方式，验证码${v.code}，${v.minutes}分钟内有效，请勿告诉他人。`,
      },
      en: {
        title: () => "Your Lianxin Market verification code",
        body: (v) =>
          `Your verification code is ${v.code ?? "••••••"}. It expires in ${v.minutes} minutes. Do not share it; if you did not ask for it, ignore this message.`,
        sms: (v) => `Your Lianxin verification code is ${v.code}, valid for ${v.minutes} min. Do not share it.`,
      },
    },
  },
} as const satisfies Record<string, TemplateDefinition>

export type NotifyTemplateName = keyof typeof NOTIFY_TEMPLATES

export function isTemplateName(name: string): name is NotifyTemplateName {
  return Object.keys(NOTIFY_TEMPLATES).includes(name)
}

export function templateDefinition(name: string): TemplateDefinition {
  if (!isTemplateName(name)) throw new Error(`unknown notification template "${name}"`)
  return NOTIFY_TEMPLATES[name]
}

/** Renders a template; without `secrets` the secret values are left out (the kept copy). */
export function renderTemplate(
  name: string,
  locale: NotifyLocale,
  params: Record<string, string>,
  secrets?: Record<string, string>
): Rendered {
  const def = templateDefinition(name)
  const values: Values = { ...params }
  for (const key of def.secrets) values[key] = secrets?.[key]
  const t = def.text[locale] ?? def.text["zh-CN"]
  return { title: t.title(values), body: t.body(values), sms: t.sms(values) }
}

/** The values an SMS template service receives. */
export function smsParams(name: string, params: Record<string, string>, secrets: Record<string, string> = {}) {
  const def = templateDefinition(name)
  const all = { ...params, ...secrets }
  return Object.fromEntries(def.sms_params.map((k) => [k, all[k] ?? ""]))
}

export { codeEn, codeZh }
