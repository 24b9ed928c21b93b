import type { ConsentKind, RegistryDataInput, RevealableRegistryField } from "../../modules/household/types"

export type CreateVillageInput = {
  code: string
  name: string
  township: string
  county: string
  province: string
  metadata?: Record<string, unknown> | null
}

/** The code is fixed once created: household codes are derived from it. */
export type UpdateVillageInput = { id: string } & Partial<Omit<CreateVillageInput, "code">>

export type CreateCooperativeInput = {
  name: string
  village_id: string
  contact_name?: string | null
  contact_phone?: string | null
  metadata?: Record<string, unknown> | null
}

export type UpdateCooperativeInput = { id: string } & Partial<CreateCooperativeInput>

export type CreateHouseholdInput = {
  code: string
  display_name: string
  story?: string | null
  photo_url?: string | null
  village_id: string
  cooperative_id?: string | null
  metadata?: Record<string, unknown> | null
}

/** Code and village are fixed: the code is the household's public identity. */
export type UpdateHouseholdInput = {
  id: string
  display_name?: string
  story?: string | null
  photo_url?: string | null
  cooperative_id?: string | null
  metadata?: Record<string, unknown> | null
}

export type RecordConsentInput = {
  household_id: string
  kind: ConsentKind
  granted: boolean
  method: string
  note?: string | null
  /** When the household gave or withdrew consent (e.g. the date on the paper form); defaults to now. */
  recorded_at?: Date | string
  /** Actor id of the operator recording it. */
  recorded_by: string
}

export type SetHouseholdRegistryInput = {
  household_id: string
  data: RegistryDataInput
}

export type RevealRegistryFieldInput = {
  household_id: string
  field: RevealableRegistryField
  reason: string
  actor_id: string
}

export type AttributionShareInput = { household_id: string; share_bp: number }

/**
 * Either one household (`cooperative_id` null, one share of 10000) or a
 * cooperative with the households it buys from (shares summing to 10000).
 */
export type AttributeProductInput = {
  product_id: string
  cooperative_id?: string | null
  shares: AttributionShareInput[]
  note?: string | null
}
