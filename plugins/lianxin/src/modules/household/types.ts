/** Poverty registry status: 建档立卡户 (registered), 防返贫监测户 (monitored), or neither. */
export const POVERTY_STATUSES = ["registered", "monitored", "none"] as const
export type PovertyStatus = (typeof POVERTY_STATUSES)[number]

export const CONSENT_KINDS = ["public_profile", "registry_data"] as const
export type ConsentKind = (typeof CONSENT_KINDS)[number]

/** Registry fields an operator may reveal unmasked (each reveal is logged). */
export const REVEALABLE_REGISTRY_FIELDS = ["legal_name", "national_id", "phone", "bank_account"] as const
export type RevealableRegistryField = (typeof REVEALABLE_REGISTRY_FIELDS)[number]

/** Plain registry data as validated at the edge. Lives only in memory, never in a log or a response to the store. */
export type RegistryDataInput = {
  /** 真实姓名 as on the ID card (the payout account holder's name). */
  legal_name?: string | null
  poverty_status: PovertyStatus
  national_id: string
  phone?: string | null
  bank?: { bank_name: string; account: string } | null
}

/** The encrypted columns of one household_registry row. */
export type SealedRegistry = {
  legal_name_enc: string | null
  poverty_status_enc: string
  national_id_enc: string
  national_id_digest: string
  phone_enc: string | null
  bank_name_enc: string | null
  bank_account_enc: string | null
}

/** A stored row as the workflows see it (for compensation). */
export type StoredRegistry = SealedRegistry & {
  id: string
  household_id: string
  consent_record_id: string
}

/** What operators see by default. */
export type MaskedRegistry = {
  household_id: string
  /** First character, then one star per further character: 王秀英 → 王**. */
  legal_name: string | null
  poverty_status: PovertyStatus
  national_id: string
  phone: string | null
  bank_name: string | null
  bank_account: string | null
  key_version: string
  consent_record_id: string
  updated_at: Date | string
}
