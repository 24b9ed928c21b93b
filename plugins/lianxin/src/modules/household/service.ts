import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import {
  decryptRegistryValue,
  encryptRegistryValue,
  registryDigest,
  registryDigestVersion,
  registryDigests,
  registryValueVersion,
  type RegistryKeyring,
} from "../../utils/crypto"
import { maskBankAccount, maskLegalName, maskNationalId, maskPhone } from "../../utils/mask"
import { placeholders } from "../../utils/sql"
import { normalizeBankAccount, normalizeNationalId } from "../../utils/prc-id"
import { REGISTRY_KEYRING } from "./loaders/registry-key"
import {
  Attribution,
  AttributionShare,
  ConsentRecord,
  Cooperative,
  Household,
  HouseholdRegistry,
  RegistryAccessLog,
  Village,
} from "./models"
import type {
  MaskedRegistry,
  PovertyStatus,
  RegistryDataInput,
  RevealableRegistryField,
  SealedRegistry,
  StoredRegistry,
} from "./types"

type InjectedDependencies = { [REGISTRY_KEYRING]: RegistryKeyring }

/** The encrypted columns of household_registry, each bound to `<household id>|<field>`. */
const SEALED_COLUMNS = [
  ["legal_name_enc", "legal_name"],
  ["poverty_status_enc", "poverty_status"],
  ["national_id_enc", "national_id"],
  ["phone_enc", "phone"],
  ["bank_name_enc", "bank_name"],
  ["bank_account_enc", "bank_account"],
] as const

/** One registry row's sealed values before re-encryption (for the compensation). */
export type ReencryptedRegistryRow = { id: string; national_id_digest: string } & Record<
  (typeof SEALED_COLUMNS)[number][0],
  string | null
>

/** Tables that only grow; their triggers let DELETE through only inside `rollbackAppendOnly`. */
const APPEND_ONLY_TABLES = {
  consent_record: "consent_record",
  registry_access_log: "registry_access_log",
} as const

const notAllowed = (what: string) =>
  new MedusaError(MedusaError.Types.NOT_ALLOWED, `${what} are append-only: record a new one instead`)

/**
 * Villages, cooperatives, households, their consent records, encrypted
 * registry data and access log, and product attributions.
 *
 * Registry values are encrypted and decrypted only here, with the keyring the
 * module loader resolved from the plugin options. Nothing in this class logs
 * or puts a registry value in an error message.
 */
class HouseholdModuleService extends MedusaService({
  Village,
  Cooperative,
  Household,
  HouseholdRegistry,
  ConsentRecord,
  RegistryAccessLog,
  Attribution,
  AttributionShare,
}) {
  protected readonly keyring_: RegistryKeyring

  constructor(deps: InjectedDependencies) {
    // MedusaService takes the container cradle and module options positionally.
    super(...arguments)
    this.keyring_ = deps[REGISTRY_KEYRING]
  }

  // ---- registry data -------------------------------------------------------

  /** Encrypts validated registry data for one household. Pure: writes nothing. */
  sealRegistry(householdId: string, data: RegistryDataInput): SealedRegistry {
    const seal = (field: string, value: string) => encryptRegistryValue(this.keyring_, value, `${householdId}|${field}`)
    const nationalId = normalizeNationalId(data.national_id)
    const legalName = data.legal_name?.trim()
    return {
      legal_name_enc: legalName ? seal("legal_name", legalName) : null,
      poverty_status_enc: seal("poverty_status", data.poverty_status),
      national_id_enc: seal("national_id", nationalId),
      national_id_digest: this.nationalIdDigest(nationalId),
      phone_enc: data.phone ? seal("phone", data.phone.trim()) : null,
      bank_name_enc: data.bank ? seal("bank_name", data.bank.bank_name.trim()) : null,
      bank_account_enc: data.bank ? seal("bank_account", normalizeBankAccount(data.bank.account)) : null,
    }
  }

  /** Keyed digest of a national ID number, comparable with `national_id_digest`. */
  nationalIdDigest(nationalId: string): string {
    return registryDigest(this.keyring_, normalizeNationalId(nationalId))
  }

  /** The stored (encrypted) registry row of a household, or null. For workflow steps only. */
  async retrieveStoredRegistry(householdId: string, sharedContext: Context = {}): Promise<StoredRegistry | null> {
    const [row] = await this.listHouseholdRegistries({ household_id: householdId }, {}, sharedContext)
    return (row as unknown as StoredRegistry) ?? null
  }

  /** The household holding a national ID number already, if any. */
  async findHouseholdIdByNationalId(nationalId: string, sharedContext: Context = {}): Promise<string | null> {
    // Every loaded key's digest: rows written before a key rotation are found until they are re-encrypted.
    const [row] = await this.listHouseholdRegistries(
      { national_id_digest: registryDigests(this.keyring_, normalizeNationalId(nationalId)) },
      { select: ["household_id"] },
      sharedContext
    )
    return row?.household_id ?? null
  }

  /** Registry data as operators see it by default: masked. */
  async retrieveMaskedRegistry(householdId: string, sharedContext: Context = {}): Promise<MaskedRegistry | null> {
    const [row] = await this.listHouseholdRegistries({ household_id: householdId }, {}, sharedContext)
    if (!row) {
      return null
    }
    const open = (field: string, stored: string | null) =>
      stored === null ? null : decryptRegistryValue(this.keyring_, stored, `${householdId}|${field}`)
    return {
      household_id: householdId,
      legal_name: row.legal_name_enc ? maskLegalName(open("legal_name", row.legal_name_enc)!) : null,
      poverty_status: open("poverty_status", row.poverty_status_enc) as PovertyStatus,
      national_id: maskNationalId(open("national_id", row.national_id_enc)!),
      phone: row.phone_enc ? maskPhone(open("phone", row.phone_enc)!) : null,
      bank_name: open("bank_name", row.bank_name_enc),
      bank_account: row.bank_account_enc ? maskBankAccount(open("bank_account", row.bank_account_enc)!) : null,
      key_version: registryValueVersion(row.national_id_enc),
      consent_record_id: row.consent_record_id,
      updated_at: row.updated_at,
    }
  }

  /**
   * One unmasked registry value. Only the reveal workflow calls this, after
   * it has written the access log entry. Null when the field is not stored.
   */
  async revealRegistryValue(
    householdId: string,
    field: RevealableRegistryField,
    sharedContext: Context = {}
  ): Promise<string | null> {
    const [row] = await this.listHouseholdRegistries({ household_id: householdId }, {}, sharedContext)
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Household ${householdId} has no registry data`)
    }
    const stored = {
      legal_name: row.legal_name_enc,
      national_id: row.national_id_enc,
      phone: row.phone_enc,
      bank_account: row.bank_account_enc,
    }[field]
    return stored ? decryptRegistryValue(this.keyring_, stored, `${householdId}|${field}`) : null
  }

  // ---- key rotation (decision 016) ----------------------------------------------

  registryKeyVersions(): { current: string; loaded: string[] } {
    return { current: this.keyring_.currentVersion, loaded: [...this.keyring_.versions.keys()] }
  }

  /** Registry rows holding a value or digest written under another key than the current one. */
  @InjectManager()
  async countRegistryToReencrypt(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    const manager = sharedContext.manager as SqlEntityManager
    const [row] = await manager.execute(
      `SELECT count(*) AS n FROM household_registry WHERE deleted_at IS NULL AND (${this.staleCondition()})`,
      this.staleParams()
    )
    return Number(row.n)
  }

  private staleCondition() {
    return [
      ...SEALED_COLUMNS.map(([c]) => `(${c} IS NOT NULL AND split_part(${c}, ':', 1) <> ?)`),
      "split_part(national_id_digest, ':', 1) <> ?",
    ].join(" OR ")
  }

  private staleParams() {
    return Array(SEALED_COLUMNS.length + 1).fill(this.keyring_.currentVersion)
  }

  /**
   * Re-encrypts up to `limit` registry rows (ids after `after`) that hold
   * anything written under an older key: every value decrypted with the key
   * its version names and sealed again under the current key, the ID digest
   * recomputed. Nothing leaves this method in clear and nothing is logged but
   * counts; no access-log entry, since no one is shown a value. Returns the
   * previous values for the compensation.
   */
  @InjectTransactionManager()
  async reencryptRegistry(
    input: { after?: string | null; limit: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ updated: number; unreadable: number; last_id: string | null; previous: ReencryptedRegistryRow[] }> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows = (await manager.execute(
      `SELECT id, household_id, national_id_digest, ${SEALED_COLUMNS.map(([c]) => c).join(", ")} FROM household_registry
        WHERE deleted_at IS NULL AND id > ? AND (${this.staleCondition()})
        ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED`,
      [input.after ?? "", ...this.staleParams(), input.limit]
    )) as any[]
    const previous: ReencryptedRegistryRow[] = []
    let unreadable = 0
    for (const row of rows) {
      const next: Record<string, string | null> = {}
      let nationalId = ""
      // A value under a key no longer loaded (or tampered with) is left as it is and counted.
      try {
        for (const [column, field] of SEALED_COLUMNS) {
          const stored = row[column] as string | null
          if (stored === null) {
            next[column] = null
            continue
          }
          const context = `${row.household_id}|${field}`
          const value = decryptRegistryValue(this.keyring_, stored, context)
          if (field === "national_id") nationalId = value
          next[column] =
            registryValueVersion(stored) === this.keyring_.currentVersion
              ? stored
              : encryptRegistryValue(this.keyring_, value, context)
        }
      } catch {
        unreadable++
        continue
      }
      const digest =
        registryDigestVersion(row.national_id_digest) === this.keyring_.currentVersion
          ? row.national_id_digest
          : this.nationalIdDigest(nationalId)
      await manager.execute(
        `UPDATE household_registry SET ${SEALED_COLUMNS.map(([c]) => `${c} = ?`).join(", ")}, national_id_digest = ?, updated_at = now() WHERE id = ?`,
        [...SEALED_COLUMNS.map(([c]) => next[c]), digest, row.id]
      )
      previous.push({
        id: row.id,
        national_id_digest: row.national_id_digest,
        ...(Object.fromEntries(SEALED_COLUMNS.map(([c]) => [c, row[c]])) as Record<
          (typeof SEALED_COLUMNS)[number][0],
          string | null
        >),
      })
    }
    return { updated: previous.length, unreadable, last_id: rows.length ? rows[rows.length - 1].id : null, previous }
  }

  /** Compensation of reencryptRegistry: the rows' previous ciphertexts and digest. */
  @InjectTransactionManager()
  async restoreReencryptedRegistry(previous: ReencryptedRegistryRow[], @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    for (const p of previous) {
      await manager.execute(
        `UPDATE household_registry SET ${SEALED_COLUMNS.map(([c]) => `${c} = ?`).join(", ")}, national_id_digest = ?, updated_at = now() WHERE id = ?`,
        [...SEALED_COLUMNS.map(([c]) => p[c]), p.national_id_digest, p.id]
      )
    }
  }

  // ---- append-only records --------------------------------------------------

  // @ts-expect-error consent records cannot be edited; the generated method is replaced on purpose
  async updateConsentRecords(): Promise<never> {
    throw notAllowed("Consent records")
  }

  // @ts-expect-error see updateConsentRecords
  async deleteConsentRecords(): Promise<never> {
    throw notAllowed("Consent records")
  }

  // @ts-expect-error see updateConsentRecords
  async softDeleteConsentRecords(): Promise<never> {
    throw notAllowed("Consent records")
  }

  // @ts-expect-error access log entries cannot be edited; the generated method is replaced on purpose
  async updateRegistryAccessLogs(): Promise<never> {
    throw notAllowed("Registry access log entries")
  }

  // @ts-expect-error see updateRegistryAccessLogs
  async deleteRegistryAccessLogs(): Promise<never> {
    throw notAllowed("Registry access log entries")
  }

  // @ts-expect-error see updateRegistryAccessLogs
  async softDeleteRegistryAccessLogs(): Promise<never> {
    throw notAllowed("Registry access log entries")
  }

  /**
   * Removes rows of an append-only table that a failing workflow wrote a
   * moment ago. Workflow compensation is the only caller: a rolled-back
   * write never happened. The database trigger allows the DELETE only within
   * this transaction's `lianxin.append_only_rollback` setting.
   */
  @InjectTransactionManager()
  async rollbackAppendOnly(
    table: keyof typeof APPEND_ONLY_TABLES,
    ids: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    if (!ids.length) {
      return
    }
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(`SET LOCAL lianxin.append_only_rollback = 'on'`)
    await manager.execute(`DELETE FROM ${APPEND_ONLY_TABLES[table]} WHERE id IN (${placeholders(ids)})`, ids)
    await manager.execute(`SET LOCAL lianxin.append_only_rollback = 'off'`)
  }

  // ---- consent ---------------------------------------------------------------

  /** The record that decides a household's consent of one kind: the latest by recorded_at, then by creation. */
  @InjectManager()
  async latestConsent(
    householdId: string,
    kind: "public_profile" | "registry_data",
    @MedusaContext() sharedContext: Context = {}
  ) {
    const [latest] = await this.listConsentRecords(
      { household_id: householdId, kind },
      { order: { recorded_at: "DESC", created_at: "DESC" }, take: 1 },
      sharedContext
    )
    return latest ?? null
  }
}

export default HouseholdModuleService
