import { createHmac, randomUUID } from "node:crypto"

/**
 * Alibaba Cloud SMS (阿里云短信服务, Dysmsapi 2017-05-25, `SendSms`) over its RPC
 * API with signature version 1.0 (HMAC-SHA1): no SDK, one HTTPS GET per message.
 *
 * Aliyun sends only pre-approved templates: each of our templates maps to a
 * template code (SMS_…) whose variables have our parameter names
 * (docs/notifications.md lists them). Messages without a mapping are refused,
 * so a forgotten template shows up as a failed message in Medusa Admin.
 */
export type AliyunSmsConfig = {
  access_key_id: string
  access_key_secret: string
  sign_name: string
  /** Our template name → Aliyun template code. */
  templates: Record<string, string>
  endpoint?: string
  region_id?: string
}

export type SmsMessage = { to: string; template: string; params: Record<string, string>; text: string }

/** RFC 3986 percent-encoding as Aliyun's signature requires (space → %20, * → %2A, ~ kept). */
export function aliyunPercentEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%7E/g, "~")
}

/** Signs RPC parameters: HMAC-SHA1 with `secret&` over `GET&%2F&<encoded canonical query>`. */
export function aliyunSignature(params: Record<string, string>, secret: string, method = "GET"): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(params[k])}`)
    .join("&")
  const stringToSign = `${method}&${aliyunPercentEncode("/")}&${aliyunPercentEncode(canonical)}`
  return createHmac("sha1", `${secret}&`).update(stringToSign).digest("base64")
}

/** The signed query string of one SendSms call. `nonce` and `now` are passed in by tests. */
export function aliyunSendSmsQuery(
  config: AliyunSmsConfig,
  message: SmsMessage,
  opts: { nonce?: string; now?: Date } = {}
): string {
  const templateCode = config.templates[message.template]
  if (!templateCode) {
    throw new Error(`aliyun sms: no template code for "${message.template}" (ALIYUN_SMS_TEMPLATES)`)
  }
  const params: Record<string, string> = {
    AccessKeyId: config.access_key_id,
    Action: "SendSms",
    Format: "JSON",
    PhoneNumbers: message.to,
    RegionId: config.region_id ?? "cn-hangzhou",
    SignName: config.sign_name,
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: opts.nonce ?? randomUUID(),
    SignatureVersion: "1.0",
    TemplateCode: templateCode,
    TemplateParam: JSON.stringify(message.params),
    Timestamp: (opts.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"),
    Version: "2017-05-25",
  }
  const signature = aliyunSignature(params, config.access_key_secret)
  return `Signature=${aliyunPercentEncode(signature)}&${Object.keys(params)
    .sort()
    .map((k) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(params[k])}`)
    .join("&")}`
}

/** Sends one message; resolves with Aliyun's BizId, throws with Aliyun's code (never the number or the text). */
export async function aliyunSendSms(
  config: AliyunSmsConfig,
  message: SmsMessage,
  fetchImpl: typeof fetch = fetch
): Promise<string> {
  const endpoint = (config.endpoint ?? "https://dysmsapi.aliyuncs.com").replace(/\/$/, "")
  const res = await fetchImpl(`${endpoint}/?${aliyunSendSmsQuery(config, message)}`, {
    method: "GET",
    signal: AbortSignal.timeout(15_000),
  })
  let body: { Code?: string; Message?: string; BizId?: string; RequestId?: string } = {}
  try {
    body = (await res.json()) as typeof body
  } catch {
    throw new Error(`aliyun sms: HTTP ${res.status} without a JSON body`)
  }
  if (!res.ok || body.Code !== "OK") {
    throw new Error(
      `aliyun sms: ${body.Code ?? `HTTP ${res.status}`} ${body.Message ?? ""} (request ${body.RequestId ?? "?"})`
    )
  }
  return body.BizId ?? body.RequestId ?? "aliyun"
}
