export type Village = { id: string; code: string; name: string; township: string; county: string; province: string }
export type Cooperative = {
  id: string
  name: string
  contact_name: string | null
  contact_phone: string | null
  village: Pick<Village, "id" | "code" | "name"> | null
}
export type HouseholdSummary = {
  id: string
  code: string
  display_name: string
  photo_url: string | null
  public_profile_consent: boolean
  registry_data_consent: boolean
  village: Pick<Village, "id" | "code" | "name" | "county" | "province"> | null
  cooperative: { id: string; name: string } | null
}
export type HouseholdDetail = HouseholdSummary & {
  story: string | null
  attribution_shares: {
    share_bp: number
    attribution: {
      id: string
      cooperative_id: string | null
      product: { id: string; title: string; handle: string; status: string; thumbnail: string | null } | null
    } | null
  }[]
}
export type ConsentRecord = {
  id: string
  kind: "public_profile" | "registry_data"
  granted: boolean
  recorded_at: string
  recorded_by: string
  method: string
  note: string | null
}
export type MaskedRegistry = {
  poverty_status: "registered" | "monitored" | "none"
  national_id: string
  phone: string | null
  bank_name: string | null
  bank_account: string | null
  key_version: string
  updated_at: string
}
export type AccessLog = { id: string; field: string; reason: string; actor_id: string; accessed_at: string }

export const POVERTY_LABEL: Record<MaskedRegistry["poverty_status"], string> = {
  registered: "建档立卡户",
  monitored: "监测户",
  none: "无",
}
export const CONSENT_LABEL: Record<ConsentRecord["kind"], string> = {
  public_profile: "公开资料（姓名、故事、照片）",
  registry_data: "登记信息（身份证、电话、银行账户）",
}

/** A time in Asia/Shanghai in the operator's locale (`useT().locale`). */
export const formatTime = (iso: string, locale = "zh-CN") =>
  new Date(iso).toLocaleString(locale, { hour12: false, timeZone: "Asia/Shanghai" })
export const percent = (bp: number) => `${(bp / 100).toFixed(2).replace(/\.?0+$/, "")}%`
