import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { attempt } from "../helpers/pickup-staff"
import { buildWorld, type World } from "../security/world"

// The app loads the plugin with Node's require: use those same module instances.
const nodeRequire = createRequire(import.meta.url)
const { resolveRegistryKeyring } = nodeRequire("@lianxin/plugin/utils/crypto-keyring")
const { createPickupKeyring, parsePickupMasterKey } = nodeRequire("@lianxin/plugin/utils/pickup-code")
const { nationalIdCheckChar } = nodeRequire("@lianxin/plugin/utils/prc-id")
const { rotateKeysBatchWorkflow } = nodeRequire("@lianxin/plugin/workflows")

const NATIONAL_ID = `33011019850312241${nationalIdCheckChar("33011019850312241")}`
const PHONE = "13912345678"
const BANK_ACCOUNT = "6228480012345678901"

/** The keys the test process started with (integration-tests/setup.ts) and the ones rotated to. */
const OLD_REGISTRY = process.env.LIANXIN_REGISTRY_KEY as string
const OLD_PICKUP = process.env.LIANXIN_PICKUP_KEY as string
const NEW_REGISTRY = Buffer.alloc(32, 41).toString("base64")
const NEW_PICKUP = Buffer.alloc(32, 42).toString("hex")

/**
 * Key rotation (issue 11, decision 016): data written under the old registry
 * and pickup keys stays readable once new keys are configured with the old
 * ones as previous keys, the re-encryption moves everything to the new keys,
 * and then the old keys can be removed.
 *
 * A rotation is a restart with new environment; here the modules' keyrings are
 * swapped in place with keyrings built by the same functions their loaders use
 * from those variables (LIANXIN_*_KEY, _KEY_ID, _KEY_PREVIOUS).
 */
medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer, dbConnection }) => {
    let world: World
    let code: string
    const households = () => getContainer().resolve("household") as any
    const pickup = () => getContainer().resolve("pickup") as any
    const sql = async <T = any>(text: string, params: unknown[] = []) =>
      (await dbConnection.raw(text, params)).rows as T[]
    const admin = () => ({ headers: world.headers.admin })
    let original: { registry: unknown; pickup: unknown }

    /** What the loaders build from the environment after a rotation (or after the old key is removed). */
    function configure(env: {
      registry: string
      registryId: string
      registryPrevious: Record<string, string>
      pickup: string
      pickupId: string
      pickupPrevious: Record<string, string>
    }) {
      households().keyring_ = resolveRegistryKeyring({
        registryKey: env.registry,
        registryKeyVersion: env.registryId,
        previousRegistryKeys: env.registryPrevious,
        production: true,
      }).keyring
      pickup().keys_ = createPickupKeyring(
        { id: env.pickupId, master: parsePickupMasterKey(env.pickup) },
        Object.fromEntries(Object.entries(env.pickupPrevious).map(([id, k]) => [id, parsePickupMasterKey(k)]))
      )
    }
    const rotated = () =>
      configure({
        registry: NEW_REGISTRY,
        registryId: "v2",
        registryPrevious: { v1: OLD_REGISTRY },
        pickup: NEW_PICKUP,
        pickupId: "v2",
        pickupPrevious: { v1: OLD_PICKUP },
      })
    const oldKeysRemoved = () =>
      configure({
        registry: NEW_REGISTRY,
        registryId: "v2",
        registryPrevious: {},
        pickup: NEW_PICKUP,
        pickupId: "v2",
        pickupPrevious: {},
      })

    beforeAll(async () => {
      world = await buildWorld(api, getContainer())
      original = { registry: households().keyring_, pickup: pickup().keys_ }
      // Registry data for office A's household, written under the old key "v1".
      const { data: consent } = await api.post(
        `/admin/households/${world.ids.household}/consents`,
        { kind: "registry_data", granted: true, method: "纸质签字" },
        admin()
      )
      expect(consent).toBeTruthy()
      const { status } = await api.post(
        `/admin/households/${world.ids.household}/registry`,
        {
          poverty_status: "registered",
          national_id: NATIONAL_ID,
          phone: PHONE,
          bank: { bank_name: "中国农业银行", account: BANK_ACCOUNT },
        },
        admin()
      )
      expect(status).toBe(200)
      // Resident A's pickup code (issued and sealed at placement under the old pickup key).
      const { data } = await api.post(
        `/store/pickup-orders/${world.ids.orderA}/code`,
        {},
        { headers: world.headers.residentA }
      )
      code = data.pickup_code.code
    })

    afterEach(() => {
      households().keyring_ = original.registry
      pickup().keys_ = original.pickup
    })

    const registryRow = async () =>
      (await sql(`SELECT * FROM household_registry WHERE household_id = ?`, [world.ids.household]))[0]
    const codeRow = async () =>
      (
        await sql(`SELECT code_hash, code_sealed, code_version FROM pickup_assignment WHERE id = ?`, [
          world.ids.assignmentA,
        ])
      )[0]
    const verify = (body: Record<string, unknown>) =>
      attempt(api.post(`/pickup-staff/points/${world.ids.pointA}/verify`, body, { headers: world.headers.staffA }))
    const reveal = async (field: string) =>
      (
        await api.post(
          `/admin/households/${world.ids.household}/registry/reveal`,
          { field, reason: "核对打款账户" },
          admin()
        )
      ).data.reveal.value

    it("before re-encryption, removing the old keys would lose the data: the test can tell", async () => {
      oldKeysRemoved()
      await expect(households().retrieveMaskedRegistry(world.ids.household)).rejects.toThrow(
        /no registry key loaded for version "v1"/
      )
      expect((await verify({ code })).status).toBe(422)
      expect(await pickup().currentCodeForMessage(world.ids.assignmentA)).toBeNull()
    })

    it("after a rotation old data is readable, the job re-encrypts it under the new keys, and the old keys can go", async () => {
      const before = { registry: await registryRow(), code: await codeRow() }
      expect(before.registry.national_id_enc).toMatch(/^v1:/)
      expect(before.code.code_sealed).toMatch(/^s2:v1:/)

      rotated()
      // Readable with the previous keys: the masked view, a reveal, duplicate detection, the code at the counter.
      const { data: masked } = await api.get(`/admin/households/${world.ids.household}/registry`, admin())
      expect([masked.registry.key_version, masked.registry.phone]).toEqual(["v1", "139****5678"])
      expect(await reveal("national_id")).toBe(NATIONAL_ID)
      expect(await households().findHouseholdIdByNationalId(NATIONAL_ID)).toBe(world.ids.household)
      expect((await verify({ code })).status).toBe(200)

      const { data: pending } = await api.get("/admin/security/key-rotation", admin())
      expect(pending.key_rotation).toMatchObject({
        registry: { current_key: "v2", loaded_keys: expect.arrayContaining(["v1", "v2"]), rows_to_reencrypt: 1 },
        pickup: { current_key: "v2", codes_to_rekey: 1, codes_without_sealed_copy: 0 },
        previous_keys_removable: false,
      })

      // A failure after both batches were written puts the old ciphertexts back (compensation).
      await expect(
        rotateKeysBatchWorkflow(getContainer()).run({
          input: { registry_limit: 10, pickup_limit: 10, fail_after_steps: true },
        })
      ).rejects.toThrow(/failure requested/)
      const { updated_at: _restoredAt, ...restored } = await registryRow()
      const { updated_at: _writtenAt, ...written } = before.registry
      expect(restored).toEqual(written)
      expect(await codeRow()).toEqual(before.code)

      // The re-encryption, in batches of one.
      const { data: run } = await api.post("/admin/security/key-rotation", { batch_size: 1 }, admin())
      expect(run.key_rotation).toMatchObject({ registry_reencrypted: 1, pickup_rekeyed: 1, unreadable: 0 })
      expect(run.key_rotation.status.previous_keys_removable).toBe(true)
      const after = { registry: await registryRow(), code: await codeRow() }
      for (const column of [
        "poverty_status_enc",
        "national_id_enc",
        "phone_enc",
        "bank_name_enc",
        "bank_account_enc",
        "national_id_digest",
      ]) {
        expect([column, after.registry[column]]).toEqual([column, expect.stringMatching(/^v2:/)])
        expect(after.registry[column]).not.toBe(before.registry[column])
      }
      expect(JSON.stringify(after.registry)).not.toContain(NATIONAL_ID)
      expect(after.code.code_sealed).toMatch(/^s2:v2:/)
      expect(after.code.code_hash).not.toBe(before.code.code_hash)
      expect(after.code.code_version).toBe(before.code.code_version)

      // Idempotent: a second run finds nothing to do.
      const { data: again } = await api.post("/admin/security/key-rotation", {}, admin())
      expect([again.key_rotation.registry_reencrypted, again.key_rotation.pickup_rekeyed]).toEqual([0, 0])

      // The old keys removed: everything still works under the new keys alone.
      oldKeysRemoved()
      const { data: masked2 } = await api.get(`/admin/households/${world.ids.household}/registry`, admin())
      expect([masked2.registry.key_version, masked2.registry.national_id]).toEqual([
        "v2",
        `${NATIONAL_ID.slice(0, 4)}**********${NATIONAL_ID.slice(-4)}`,
      ])
      expect(await reveal("bank_account")).toBe(BANK_ACCOUNT)
      expect(await reveal("phone")).toBe(PHONE)
      expect(await households().findHouseholdIdByNationalId(NATIONAL_ID)).toBe(world.ids.household)
      // The resident's code is the same code and opens for the 可取货 message; the counter accepts it.
      expect(await pickup().currentCodeForMessage(world.ids.assignmentA)).toBe(code)
      expect((await verify({ code })).status).toBe(200)
      // The QR token on the resident's page is signed with the new key and accepted.
      const { data: page } = await api.get(`/store/pickup-orders/${world.ids.orderA}`, {
        headers: world.headers.residentA,
      })
      expect((await verify({ token: page.pickup.qr_token })).status).toBe(200)
      const { data: done } = await api.get("/admin/security/key-rotation", admin())
      expect(done.key_rotation).toMatchObject({
        registry: { loaded_keys: ["v2"], rows_to_reencrypt: 0 },
        pickup: { loaded_keys: ["v2"], codes_to_rekey: 0 },
        previous_keys_removable: true,
      })
    })

    it("the scheduled job does the same on the worker", async () => {
      rotated()
      const job = nodeRequire("@lianxin/plugin/jobs/rotate-keys").default
      await job(getContainer())
      expect((await registryRow()).national_id_enc).toMatch(/^v2:/)
      expect((await codeRow()).code_sealed).toMatch(/^s2:v2:/)
    })
  },
})
