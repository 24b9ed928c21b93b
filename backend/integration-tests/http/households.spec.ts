import { createRequire } from "node:module"
import { inspect } from "node:util"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import type { AxiosInstance, AxiosResponse } from "axios"
import { createAdminSession } from "../helpers/admin"

/*
 * The plugin is loaded by the app with Node's own require. Workflows (whose
 * hooks we bind to inject failures) and helpers must come from that same
 * module instance, not from a copy transformed by vitest.
 */
const nodeRequire = createRequire(import.meta.url)
const workflows = nodeRequire("@lianxin/plugin/workflows/household/index")
const { resolveRegistryKeyring } = nodeRequire("@lianxin/plugin/utils/crypto-keyring")
const { decryptRegistryValue } = nodeRequire("@lianxin/plugin/utils/crypto")
const { nationalIdCheckChar } = nodeRequire("@lianxin/plugin/utils/prc-id")

const withCheck = (first17: string) => first17 + nationalIdCheckChar(first17)

// Registry values of the test households. Every test that stores them greps for them afterwards.
const ID_A = withCheck("53092619780315002")
const ID_B = withCheck("53092619850612003")
const PHONE_A = "13987654321"
const BANK_A = "6228480402564890018"
const SECRETS = [ID_A, ID_B, PHONE_A, BANK_A]

/** Failures injected into the last step (the hook) of a workflow, to prove its compensations. */
const failHook: Record<string, boolean> = {}
const boom = (hook: string) => () => {
  if (failHook[hook]) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `injected failure after ${hook}`)
  }
}
workflows.createHouseholdsWorkflow.hooks.householdsCreated(boom("householdsCreated"))
workflows.recordConsentWorkflow.hooks.consentRecorded(boom("consentRecorded"))
workflows.setHouseholdRegistryWorkflow.hooks.registrySet(boom("registrySet"))
workflows.attributeProductWorkflow.hooks.productAttributed(boom("productAttributed"))

/** The ledger's way in: getProductAttributionsStep inside a workflow of its own. */
const { createWorkflow, WorkflowResponse } = nodeRequire("@medusajs/framework/workflows-sdk")
const readAttributionsWorkflow = createWorkflow(
  "test-read-product-attributions",
  (input: { product_ids: string[] }) => new WorkflowResponse(workflows.getProductAttributionsStep(input))
)

const fail = (p: Promise<AxiosResponse>) =>
  p.then(
    (r) => {
      throw new Error(`expected a failure, got ${r.status}`)
    },
    (e) => e.response as AxiosResponse
  )

/** Records everything written to stdout/stderr, the console and the Medusa logger until restored. */
function captureOutput(container: MedusaContainer) {
  const lines: string[] = []
  const restores: Array<() => void> = []
  const record = (args: unknown[]) =>
    lines.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 6 }))).join(" "))

  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      lines.push(String(chunk))
      return (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest)
    }) as typeof stream.write
    restores.push(() => (stream.write = original))
  }
  const targets: Array<[Record<string, unknown>, string[]]> = [
    [console as unknown as Record<string, unknown>, ["log", "info", "warn", "error", "debug"]],
    [
      container.resolve(ContainerRegistrationKeys.LOGGER) as unknown as Record<string, unknown>,
      [
        "log",
        "info",
        "warn",
        "error",
        "debug",
        "http",
        "verbose",
        "panic",
        "failure",
        "success",
        "activity",
        "progress",
      ],
    ],
  ]
  for (const [target, methods] of targets) {
    for (const m of methods) {
      const original = target[m]
      if (typeof original !== "function") continue
      target[m] = (...args: unknown[]) => {
        record(args)
        return (original as (...a: unknown[]) => unknown).apply(target, args)
      }
      restores.push(() => (target[m] = original))
    }
  }
  return {
    text: () => lines.join("\n"),
    restore: () => {
      for (const r of restores.reverse()) r()
    },
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: { authorization: string } }
    let store: { headers: Record<string, string> }
    let salesChannelId: string

    const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await dbConnection.raw(text, params)).rows as T[]

    beforeEach(async () => {
      const container = getContainer()
      admin = await createAdminSession(api as AxiosInstance, container)
      const [channel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({})
      salesChannelId = channel.id
      const { result } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "households test", type: "publishable", created_by: "test" }] },
      })
      await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: result[0].id, add: [salesChannelId] } })
      store = { headers: { "x-publishable-api-key": result[0].token } }
      for (const k of Object.keys(failHook)) failHook[k] = false
    })

    // ---- fixtures through the admin API -------------------------------------------------------

    async function createVillage(code = "YN-LC") {
      const { data } = await api.post(
        "/admin/villages",
        { code, name: "邦东村", township: "邦东乡", county: "临翔区", province: "云南省" },
        admin
      )
      return data.village as { id: string; code: string }
    }

    async function createHousehold(villageId: string, code: string, extra: Record<string, unknown> = {}) {
      const { data } = await api.post(
        "/admin/households",
        {
          code,
          display_name: "李大姐",
          story: "家里种了三十年的古树茶。",
          photo_url: "https://img.example.com/li.jpg",
          village_id: villageId,
          ...extra,
        },
        admin
      )
      return data.household as { id: string; code: string }
    }

    async function consent(householdId: string, kind: string, granted: boolean, extra: Record<string, unknown> = {}) {
      return api.post(
        `/admin/households/${householdId}/consents`,
        { kind, granted, method: "纸质签字", ...extra },
        admin
      )
    }

    async function setRegistry(householdId: string, body: Record<string, unknown>) {
      return api.post(`/admin/households/${householdId}/registry`, body, admin)
    }

    const fullRegistry = (nationalId = ID_A) => ({
      poverty_status: "registered",
      national_id: nationalId,
      phone: PHONE_A,
      bank: { bank_name: "中国农业银行临沧支行", account: BANK_A },
    })

    async function createProduct(handle: string) {
      const { result } = await createProductsWorkflow(getContainer()).run({
        input: {
          products: [
            {
              title: `古树红茶 ${handle}`,
              handle,
              status: "published",
              sales_channels: [{ id: salesChannelId }],
              options: [{ title: "规格", values: ["250克"] }],
              variants: [
                { title: "250克", options: { 规格: "250克" }, prices: [{ amount: 88, currency_code: "cny" }] },
              ],
            },
          ],
        },
      })
      return result[0] as { id: string }
    }

    async function countRowsContaining(value: string) {
      const tables = await sql<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`
      )
      const hits: string[] = []
      for (const { table_name } of tables) {
        const [{ n }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "${table_name}" t WHERE t::text LIKE ?`, [
          `%${value}%`,
        ])
        if (Number(n) > 0) hits.push(table_name)
      }
      return hits
    }

    // ---- villages, cooperatives, households ---------------------------------------------------

    describe("villages, cooperatives and households", () => {
      it("creates, lists, reads and updates them", async () => {
        const village = await createVillage()
        expect(village).toMatchObject({ code: "YN-LC", id: expect.stringMatching(/^vil_/) })

        const { data: coop } = await api.post(
          "/admin/cooperatives",
          { name: "邦东古茶合作社", village_id: village.id, contact_name: "张社长", contact_phone: "0883-2123456" },
          admin
        )
        expect(coop.cooperative).toMatchObject({ id: expect.stringMatching(/^coop_/), village: { code: "YN-LC" } })

        const hh = await createHousehold(village.id, "YN-LC-007", { cooperative_id: coop.cooperative.id })
        expect(hh).toMatchObject({
          id: expect.stringMatching(/^hh_/),
          code: "YN-LC-007",
          public_profile_consent: false,
          registry_data_consent: false,
          cooperative: { name: "邦东古茶合作社" },
        })
        await createHousehold(village.id, "YN-LC-008", { display_name: "王大哥" })

        const { data: list } = await api.get("/admin/households?q=王大哥", admin)
        expect(list.households.map((h: { code: string }) => h.code)).toEqual(["YN-LC-008"])
        const { data: all } = await api.get(`/admin/households?village_id=${village.id}&limit=1`, admin)
        expect(all).toMatchObject({ count: 2, limit: 1, offset: 0 })

        const { data: updated } = await api.post(`/admin/households/${hh.id}`, { story: "新的故事" }, admin)
        expect(updated.household).toMatchObject({ story: "新的故事", code: "YN-LC-007" })

        const { data: v2 } = await api.post(`/admin/villages/${village.id}`, { name: "邦东行政村" }, admin)
        expect(v2.village).toMatchObject({ name: "邦东行政村", code: "YN-LC" })
        const { data: villages } = await api.get("/admin/villages?q=邦东", admin)
        expect(villages.count).toBe(1)
        const { data: coops } = await api.get(`/admin/cooperatives?village_id=${village.id}`, admin)
        expect(coops.count).toBe(1)
      })

      it("answers 400 naming the field for bad input, 404 for unknown ids, 401 without a login", async () => {
        const village = await createVillage()
        const badCode = await fail(
          api.post("/admin/villages", { code: "yunnan", name: "x", township: "x", county: "x", province: "x" }, admin)
        )
        expect(badCode.status).toBe(400)
        expect(badCode.data.message).toContain("code")

        const dup = await fail(
          api.post("/admin/villages", { code: "YN-LC", name: "x", township: "x", county: "x", province: "x" }, admin)
        )
        expect(dup.status).toBe(400)
        expect(dup.data.message).toContain("code: YN-LC")
        await createHousehold(village.id, "YN-LC-001")
        const dupHousehold = await fail(
          api.post("/admin/households", { code: "YN-LC-001", display_name: "x", village_id: village.id }, admin)
        )
        expect(dupHousehold.status).toBe(400)
        expect(dupHousehold.data.message).toBe("code: YN-LC-001 is already used by another household")

        const wrongPrefix = await fail(
          api.post("/admin/households", { code: "GZ-AB-001", display_name: "x", village_id: village.id }, admin)
        )
        expect(wrongPrefix.status).toBe(400)
        expect(wrongPrefix.data.message).toMatch(/^code: must start with the village code YN-LC-/)

        const noVillage = await fail(
          api.post("/admin/households", { code: "YN-LC-001", display_name: "x", village_id: "vil_missing" }, admin)
        )
        expect(noVillage.status).toBe(400)
        expect(noVillage.data.message).toContain("village_id")

        const consentFlag = await fail(
          api.post(
            "/admin/households",
            { code: "YN-LC-001", display_name: "x", village_id: village.id, public_profile_consent: true },
            admin
          )
        )
        expect(consentFlag.status).toBe(400)
        expect(consentFlag.data.message).toContain("public_profile_consent")

        expect((await fail(api.get("/admin/households/hh_missing", admin))).status).toBe(404)
        expect((await fail(api.post("/admin/households/hh_missing", { story: "x" }, admin))).status).toBe(404)
        expect((await fail(api.get("/admin/households"))).status).toBe(401)
      })
    })

    // ---- consent and the public profile -------------------------------------------------------

    describe("consent gating of the public profile", () => {
      it("shows name, story and photo only while public-profile consent is recorded", async () => {
        const village = await createVillage()
        const hh = await createHousehold(village.id, "YN-LC-001")

        const before = await api.get("/store/households/YN-LC-001", store)
        expect(before.data.household).toEqual({
          code: "YN-LC-001",
          public_profile: false,
          village: { name: "邦东村", township: "邦东乡", county: "临翔区", province: "云南省" },
          products: [],
        })
        expect(JSON.stringify(before.data)).not.toContain("李大姐")

        const granted = await consent(hh.id, "public_profile", true, { note: "村委会见证" })
        expect(granted.status).toBe(201)
        expect(granted.data.household).toMatchObject({ public_profile_consent: true, registry_data_consent: false })
        expect(granted.data.consent_record).toMatchObject({
          recorded_by: expect.stringMatching(/^user_/),
          method: "纸质签字",
        })

        const after = await api.get("/store/households/yn-lc-001", store)
        expect(after.data.household).toMatchObject({
          public_profile: true,
          display_name: "李大姐",
          story: "家里种了三十年的古树茶。",
          photo_url: "https://img.example.com/li.jpg",
        })

        await consent(hh.id, "public_profile", false, { method: "口头+见证" })
        const withdrawn = await api.get("/store/households/YN-LC-001", store)
        expect(withdrawn.data.household.public_profile).toBe(false)
        expect(withdrawn.data.household).not.toHaveProperty("display_name")

        // A back-dated grant (an old paper form found later) does not override the newer withdrawal.
        await consent(hh.id, "public_profile", true, { recorded_at: "2024-01-01T00:00:00Z" })
        expect((await api.get("/store/households/YN-LC-001", store)).data.household.public_profile).toBe(false)

        const { data: records } = await api.get(`/admin/households/${hh.id}/consents?kind=public_profile`, admin)
        expect(records.consent_records.map((r: { granted: boolean }) => r.granted)).toEqual([false, true, true])

        const future = await fail(consent(hh.id, "public_profile", true, { recorded_at: "2999-01-01T00:00:00Z" }))
        expect(future.status).toBe(400)
        expect(future.data.message).toContain("recorded_at")
      })

      it("keeps consent records append-only in the database", async () => {
        const village = await createVillage()
        const hh = await createHousehold(village.id, "YN-LC-001")
        const { data } = await consent(hh.id, "public_profile", true)
        const id = data.consent_record.id
        await expect(sql(`UPDATE consent_record SET granted = false WHERE id = ?`, [id])).rejects.toThrow(/append-only/)
        await expect(sql(`DELETE FROM consent_record WHERE id = ?`, [id])).rejects.toThrow(/append-only/)
        const service = getContainer().resolve("household") as {
          updateConsentRecords: (...a: unknown[]) => Promise<unknown>
        }
        await expect(service.updateConsentRecords({ id, granted: false })).rejects.toThrow(/append-only/)
      })
    })

    describe("store profile route", () => {
      it("answers 404 for an unknown code and 400 naming a bad parameter", async () => {
        const missing = await fail(api.get("/store/households/YN-LC-999", store))
        expect(missing.status).toBe(404)

        const badCode = await fail(api.get("/store/households/not-a-code", store))
        expect(badCode.status).toBe(400)
        expect(badCode.data.message).toContain("code")

        const badLimit = await fail(api.get("/store/households/YN-LC-001?product_limit=0", store))
        expect(badLimit.status).toBe(400)
        expect(badLimit.data.message).toContain("product_limit")

        const unknown = await fail(api.get("/store/households/YN-LC-001?fields=*registry", store))
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toContain("fields")
      })
    })

    // ---- registry data ------------------------------------------------------------------------

    describe("registry data", () => {
      it("refuses to store registry data without registry consent", async () => {
        const village = await createVillage()
        const hh = await createHousehold(village.id, "YN-LC-001")
        const res = await fail(setRegistry(hh.id, fullRegistry()))
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/consent/)
        expect(await sql(`SELECT id FROM household_registry`)).toHaveLength(0)
      })

      it("validates the ID check digit, phone and bank account, naming the field and never the value", async () => {
        const village = await createVillage()
        const hh = await createHousehold(village.id, "YN-LC-001")
        await consent(hh.id, "registry_data", true)
        const wrongDigit = ID_A.slice(0, 17) + (ID_A[17] === "1" ? "2" : "1")

        const badId = await fail(setRegistry(hh.id, { ...fullRegistry(), national_id: wrongDigit }))
        expect(badId.status).toBe(400)
        expect(badId.data.message).toContain("national_id: check digit does not match")
        expect(badId.data.message).not.toContain(wrongDigit)

        const badPhone = await fail(setRegistry(hh.id, { ...fullRegistry(), phone: "12345678901" }))
        expect(badPhone.status).toBe(400)
        expect(badPhone.data.message).toContain("phone")

        const badBank = await fail(
          setRegistry(hh.id, { ...fullRegistry(), bank: { bank_name: "农行", account: "1234" } })
        )
        expect(badBank.status).toBe(400)
        expect(badBank.data.message).toContain("bank.account")
        expect(badBank.data.message).not.toContain("1234")

        const numeric = await fail(setRegistry(hh.id, { ...fullRegistry(), national_id: 5309261978031500 }))
        expect(numeric.status).toBe(400)
        expect(numeric.data.message).toBe("Invalid request: national_id: must be string")

        const badStatus = await fail(setRegistry(hh.id, { ...fullRegistry(), poverty_status: "poor" }))
        expect(badStatus.status).toBe(400)
        expect(badStatus.data.message).toContain("poverty_status")
      })

      it("stores it encrypted, returns it masked, and logs every reveal", async () => {
        const village = await createVillage()
        const hh = await createHousehold(village.id, "YN-LC-001")
        await consent(hh.id, "registry_data", true)

        const res = await setRegistry(hh.id, fullRegistry())
        expect(res.status).toBe(200)
        expect(res.headers["cache-control"]).toBe("no-store")
        expect(res.data.registry).toMatchObject({
          poverty_status: "registered",
          national_id: `${ID_A.slice(0, 4)}**********${ID_A.slice(-4)}`,
          phone: "139****4321",
          bank_name: "中国农业银行临沧支行",
          bank_account: "**** **** 0018",
          key_version: "v1",
        })

        const [row] = await sql<Record<string, string>>(`SELECT * FROM household_registry WHERE household_id = ?`, [
          hh.id,
        ])
        const { keyring } = resolveRegistryKeyring({ registryKey: process.env.LIANXIN_REGISTRY_KEY, production: true })
        for (const [column, field, plain] of [
          ["national_id_enc", "national_id", ID_A],
          ["phone_enc", "phone", PHONE_A],
          ["bank_account_enc", "bank_account", BANK_A],
          ["poverty_status_enc", "poverty_status", "registered"],
        ]) {
          expect(row[column]).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/)
          expect(row[column]).not.toContain(plain)
          expect(decryptRegistryValue(keyring, row[column], `${hh.id}|${field}`)).toBe(plain)
        }
        expect(row.national_id_digest).toMatch(/^v1:/)
        expect(JSON.stringify(row)).not.toContain(ID_A)

        const { data: masked } = await api.get(`/admin/households/${hh.id}/registry`, admin)
        expect(JSON.stringify(masked)).not.toContain(ID_A)
        expect(JSON.stringify(masked)).not.toContain(PHONE_A)
        expect(JSON.stringify(masked)).not.toContain(BANK_A)

        const noReason = await fail(
          api.post(`/admin/households/${hh.id}/registry/reveal`, { field: "national_id" }, admin)
        )
        expect(noReason.status).toBe(400)
        expect(noReason.data.message).toContain("reason")

        const reveal = await api.post(
          `/admin/households/${hh.id}/registry/reveal`,
          { field: "national_id", reason: "核对农商行代发工资名单" },
          admin
        )
        expect(reveal.data.reveal).toMatchObject({ field: "national_id", value: ID_A })
        expect(reveal.headers["cache-control"]).toBe("no-store")

        const logs = await sql(`SELECT * FROM registry_access_log WHERE household_id = ?`, [hh.id])
        expect(logs).toEqual([
          expect.objectContaining({
            field: "national_id",
            reason: "核对农商行代发工资名单",
            actor_id: expect.stringMatching(/^user_/),
          }),
        ])
        expect(JSON.stringify(logs)).not.toContain(ID_A)
        const { data: listed } = await api.get(`/admin/households/${hh.id}/registry/access-logs`, admin)
        expect(listed.access_logs).toHaveLength(1)
      })

      it("refuses an ID number that another household already has", async () => {
        const village = await createVillage()
        const a = await createHousehold(village.id, "YN-LC-001")
        const b = await createHousehold(village.id, "YN-LC-002")
        await consent(a.id, "registry_data", true)
        await consent(b.id, "registry_data", true)
        await setRegistry(a.id, fullRegistry())
        const dup = await fail(setRegistry(b.id, { poverty_status: "none", national_id: ID_A.toLowerCase() }))
        expect(dup.status).toBe(400)
        expect(dup.data.message).toBe("national_id: this ID number is already registered for household YN-LC-001")
        // Replacing one's own data with the same number is fine.
        expect(
          (await setRegistry(a.id, { poverty_status: "monitored", national_id: ID_A })).data.registry
        ).toMatchObject({
          poverty_status: "monitored",
          phone: null,
          bank_account: null,
        })
      })

      it("erases registry data when registry consent is withdrawn, keeping the access log", async () => {
        const village = await createVillage()
        const hh = await createHousehold(village.id, "YN-LC-001")
        await consent(hh.id, "registry_data", true)
        await setRegistry(hh.id, fullRegistry())
        await api.post(`/admin/households/${hh.id}/registry/reveal`, { field: "phone", reason: "联系送货" }, admin)

        const { data } = await consent(hh.id, "registry_data", false, { note: "户主要求删除" })
        expect(data).toMatchObject({ registry_erased: true, household: { registry_data_consent: false } })
        expect(await sql(`SELECT id FROM household_registry`)).toHaveLength(0)
        expect(await sql(`SELECT id FROM registry_access_log`)).toHaveLength(1)
        expect((await api.get(`/admin/households/${hh.id}/registry`, admin)).data.registry).toBeNull()
        const reveal = await fail(
          api.post(`/admin/households/${hh.id}/registry/reveal`, { field: "phone", reason: "联系送货" }, admin)
        )
        expect(reveal.status).toBe(404)
      })

      it("never puts registry data in a store response, a log line or an unencrypted column", async () => {
        const container = getContainer()
        const village = await createVillage()
        const a = await createHousehold(village.id, "YN-LC-001")
        const b = await createHousehold(village.id, "YN-LC-002")
        await consent(a.id, "public_profile", true)
        await consent(a.id, "registry_data", true)
        await consent(b.id, "registry_data", true)
        const product = await createProduct("gushu-hongcha")
        await api.post(
          `/admin/products/${product.id}/attribution`,
          { shares: [{ household_id: a.id, share_bp: 10000 }] },
          admin
        )

        const output = captureOutput(container)
        const storeBodies: string[] = []
        try {
          await setRegistry(a.id, fullRegistry(ID_A))
          await setRegistry(b.id, { poverty_status: "monitored", national_id: ID_B })
          // Failures that would quote the input with Medusa's default parser and formatter:
          const malformed = await fail(
            api.post(`/admin/households/${a.id}/registry`, `{"national_id": "${ID_A}", "phone": ${PHONE_A}x}`, {
              headers: { ...admin.headers, "content-type": "application/json" },
              // Send the text as is: axios would otherwise turn unparsable JSON into a JSON string literal.
              transformRequest: [(body: unknown) => body],
            })
          )
          expect(malformed.status).toBe(400)
          expect(malformed.data.message).toBe("Invalid request: the body is not valid JSON")
          await fail(setRegistry(a.id, { ...fullRegistry(), national_id: Number(ID_B.slice(0, 17)) }))
          await fail(setRegistry(a.id, { ...fullRegistry(), phone: Number(PHONE_A) }))
          await fail(
            setRegistry(a.id, { ...fullRegistry(), bank: { bank_name: "农行", account: Number(BANK_A.slice(0, 15)) } })
          )
          await fail(setRegistry(b.id, fullRegistry(ID_A)))
          await api.post(
            `/admin/households/${a.id}/registry/reveal`,
            { field: "bank_account", reason: "发放分成款" },
            admin
          )
          await api.get(`/admin/households/${a.id}/registry`, admin)
          await api.get(`/admin/households/${a.id}`, admin)

          for (const path of [
            "/store/households/YN-LC-001",
            "/store/households/YN-LC-002",
            "/store/households/YN-LC-001?product_limit=50",
          ]) {
            storeBodies.push(JSON.stringify((await api.get(path, store)).data))
          }
          storeBodies.push(JSON.stringify((await api.get("/store/products?fields=*attribution", store)).data))
        } finally {
          output.restore()
        }

        // The capture works: the 400s above were logged, by field name.
        expect(output.text()).toContain("national_id")
        const secrets = [...SECRETS, Number(ID_B.slice(0, 17)).toString(), BANK_A.slice(0, 15)]
        for (const secret of secrets) {
          expect(output.text(), "log output").not.toContain(secret)
          for (const body of storeBodies) {
            expect(body, "store response").not.toContain(secret)
          }
          expect(await countRowsContaining(secret), "tables holding it in clear").toEqual([])
        }
        expect(storeBodies[0]).toContain("gushu-hongcha")
      })

      it("stores the legal name sealed, shows it masked, reveals it with a log entry and erases it on withdrawal", async () => {
        const NAME = "王秀英"
        const village = await createVillage()
        const hh = await createHousehold(village.id, "YN-LC-001")
        await consent(hh.id, "registry_data", true)

        const empty = await fail(setRegistry(hh.id, { ...fullRegistry(), legal_name: "   " }))
        expect(empty.status).toBe(400)
        expect(empty.data.message).toBe("Invalid request: legal_name: must not be empty")
        const long = await fail(setRegistry(hh.id, { ...fullRegistry(), legal_name: NAME.repeat(17) }))
        expect(long.status).toBe(400)
        expect(long.data.message).toContain("legal_name: must be at most 50 characters")
        expect(long.data.message).not.toContain(NAME)

        const res = await setRegistry(hh.id, { ...fullRegistry(), legal_name: ` ${NAME} ` })
        expect(res.status).toBe(200)
        expect(res.data.registry).toMatchObject({
          legal_name: "王**",
          national_id: `${ID_A.slice(0, 4)}**********${ID_A.slice(-4)}`,
        })

        const [row] = await sql<Record<string, string>>(`SELECT * FROM household_registry WHERE household_id = ?`, [
          hh.id,
        ])
        const { keyring } = resolveRegistryKeyring({ registryKey: process.env.LIANXIN_REGISTRY_KEY, production: true })
        expect(row.legal_name_enc).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/)
        expect(decryptRegistryValue(keyring, row.legal_name_enc, `${hh.id}|legal_name`)).toBe(NAME)
        // Bound to its field: the same ciphertext does not open as another column.
        expect(() => decryptRegistryValue(keyring, row.legal_name_enc, `${hh.id}|national_id`)).toThrow()
        expect(await countRowsContaining(NAME), "tables holding the name in clear").toEqual([])

        const { data: masked } = await api.get(`/admin/households/${hh.id}/registry`, admin)
        expect(masked.registry.legal_name).toBe("王**")
        expect(JSON.stringify(masked)).not.toContain("秀英")
        expect(JSON.stringify((await api.get(`/admin/households/${hh.id}`, admin)).data)).not.toContain("秀英")

        const reveal = await api.post(
          `/admin/households/${hh.id}/registry/reveal`,
          { field: "legal_name", reason: "核对分成打款收款人户名" },
          admin
        )
        expect(reveal.data.reveal).toMatchObject({ field: "legal_name", value: NAME })
        expect(reveal.headers["cache-control"]).toBe("no-store")
        const logs = await sql(`SELECT * FROM registry_access_log WHERE household_id = ?`, [hh.id])
        expect(logs).toEqual([
          expect.objectContaining({
            field: "legal_name",
            reason: "核对分成打款收款人户名",
            actor_id: expect.stringMatching(/^user_/),
          }),
        ])
        expect(JSON.stringify(logs)).not.toContain(NAME)
        const { data: listed } = await api.get(`/admin/households/${hh.id}/registry/access-logs`, admin)
        expect(listed.access_logs.map((l: { field: string }) => l.field)).toEqual(["legal_name"])

        // Replacing the registry without a name clears it: nothing left to reveal.
        expect((await setRegistry(hh.id, fullRegistry())).data.registry.legal_name).toBeNull()
        const gone = await fail(
          api.post(`/admin/households/${hh.id}/registry/reveal`, { field: "legal_name", reason: "核对户名" }, admin)
        )
        expect(gone.status).toBe(404)
        expect(gone.data.message).toContain("legal_name: not recorded")

        // Withdrawal erases the name with the rest of the registry; the access log stays.
        await setRegistry(hh.id, { ...fullRegistry(), legal_name: NAME })
        const { data } = await consent(hh.id, "registry_data", false, { note: "户主要求删除" })
        expect(data.registry_erased).toBe(true)
        expect(await sql(`SELECT id FROM household_registry WHERE household_id = ?`, [hh.id])).toHaveLength(0)
        expect(await sql(`SELECT id FROM registry_access_log WHERE household_id = ?`, [hh.id])).toHaveLength(1)
        const erased = await fail(
          api.post(`/admin/households/${hh.id}/registry/reveal`, { field: "legal_name", reason: "核对户名" }, admin)
        )
        expect(erased.status).toBe(404)
      })
    })

    // ---- product attribution ------------------------------------------------------------------

    describe("product attribution", () => {
      it("attributes a product to a household, then to a cooperative with proportions, readable by the ledger", async () => {
        const village = await createVillage()
        const { data: coop } = await api.post(
          "/admin/cooperatives",
          { name: "邦东古茶合作社", village_id: village.id },
          admin
        )
        const a = await createHousehold(village.id, "YN-LC-001")
        const b = await createHousehold(village.id, "YN-LC-002")
        const product = await createProduct("gushu-hongcha")

        const single = await api.post(
          `/admin/products/${product.id}/attribution`,
          { shares: [{ household_id: a.id, share_bp: 10000 }] },
          admin
        )
        expect(single.data.attribution).toMatchObject({
          cooperative: null,
          shares: [{ share_bp: 10000, household: { code: "YN-LC-001" } }],
        })
        const firstId = single.data.attribution.id

        const bad = await fail(
          api.post(
            `/admin/products/${product.id}/attribution`,
            {
              cooperative_id: coop.cooperative.id,
              shares: [
                { household_id: a.id, share_bp: 6000 },
                { household_id: b.id, share_bp: 3000 },
              ],
            },
            admin
          )
        )
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("shares: proportions must sum to 10000 basis points, got 9000")

        const twoWithoutCoop = await fail(
          api.post(
            `/admin/products/${product.id}/attribution`,
            {
              shares: [
                { household_id: a.id, share_bp: 5000 },
                { household_id: b.id, share_bp: 5000 },
              ],
            },
            admin
          )
        )
        expect(twoWithoutCoop.status).toBe(400)

        const unknownHousehold = await fail(
          api.post(
            `/admin/products/${product.id}/attribution`,
            { shares: [{ household_id: "hh_missing", share_bp: 10000 }] },
            admin
          )
        )
        expect(unknownHousehold.status).toBe(400)
        expect(unknownHousehold.data.message).toContain("shares.household_id")

        const missingProduct = await fail(
          api.post(
            `/admin/products/prod_missing/attribution`,
            { shares: [{ household_id: a.id, share_bp: 10000 }] },
            admin
          )
        )
        expect(missingProduct.status).toBe(404)

        const split = await api.post(
          `/admin/products/${product.id}/attribution`,
          {
            cooperative_id: coop.cooperative.id,
            shares: [
              { household_id: a.id, share_bp: 7000 },
              { household_id: b.id, share_bp: 3000 },
            ],
          },
          admin
        )
        expect(split.data.attribution.id).not.toBe(firstId)
        expect(split.data.attribution.cooperative).toMatchObject({ name: "邦东古茶合作社" })

        // The replaced attribution is retired (soft-deleted), not destroyed.
        const [old] = await sql<{ deleted_at: Date | null }>(`SELECT deleted_at FROM attribution WHERE id = ?`, [
          firstId,
        ])
        expect(old.deleted_at).not.toBeNull()
        const oldShares = await sql<{ deleted_at: Date | null }>(
          `SELECT deleted_at FROM attribution_share WHERE attribution_id = ?`,
          [firstId]
        )
        expect(oldShares).toHaveLength(1)
        expect(oldShares[0].deleted_at).not.toBeNull()

        // What the ledger does.
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: products } = await query.graph({
          entity: "product",
          fields: workflows.PRODUCT_ATTRIBUTION_FIELDS,
          filters: { id: product.id },
        })
        expect(workflows.toProductAttributionShares(products[0])).toEqual([
          { household_id: a.id, cooperative_id: coop.cooperative.id, share_bp: 7000 },
          { household_id: b.id, cooperative_id: coop.cooperative.id, share_bp: 3000 },
        ])
        const { result: byProduct } = await readAttributionsWorkflow(getContainer()).run({
          input: { product_ids: [product.id, "prod_unattributed"] },
        })
        expect(byProduct).toEqual({
          [product.id]: workflows.toProductAttributionShares(products[0]),
          prod_unattributed: [],
        })

        // Both households show the product publicly.
        for (const code of ["YN-LC-001", "YN-LC-002"]) {
          const { data } = await api.get(`/store/households/${code}`, store)
          expect(data.household.products).toEqual([
            { id: product.id, handle: "gushu-hongcha", title: "古树红茶 gushu-hongcha", thumbnail: null },
          ])
        }
      })
    })

    // ---- compensation -------------------------------------------------------------------------

    describe("rollback when a later step fails", () => {
      it("removes households created before the failure", async () => {
        const village = await createVillage()
        failHook.householdsCreated = true
        const { errors } = await workflows.createHouseholdsWorkflow(getContainer()).run({
          input: { households: [{ code: "YN-LC-001", display_name: "x", village_id: village.id }] },
          throwOnError: false,
        })
        expect(errors[0].error.message).toContain("injected failure")
        expect(await sql(`SELECT id FROM household WHERE code = 'YN-LC-001'`)).toHaveLength(0)
      })

      it("removes the consent record and restores flags and erased registry data", async () => {
        const village = await createVillage()
        const hh = await createHousehold(village.id, "YN-LC-001")
        await consent(hh.id, "registry_data", true)
        await setRegistry(hh.id, fullRegistry())
        const [before] = await sql(`SELECT * FROM household_registry WHERE household_id = ?`, [hh.id])

        failHook.consentRecorded = true
        const { errors } = await workflows.recordConsentWorkflow(getContainer()).run({
          input: {
            household_id: hh.id,
            kind: "registry_data",
            granted: false,
            method: "口头+见证",
            recorded_by: "user_test",
          },
          throwOnError: false,
        })
        expect(errors).toHaveLength(1)
        expect(await sql(`SELECT granted FROM consent_record WHERE household_id = ?`, [hh.id])).toEqual([
          { granted: true },
        ])
        const [flags] = await sql(`SELECT registry_data_consent FROM household WHERE id = ?`, [hh.id])
        expect(flags).toEqual({ registry_data_consent: true })
        const [after] = await sql(`SELECT * FROM household_registry WHERE household_id = ?`, [hh.id])
        expect(after).toMatchObject({
          id: before.id,
          national_id_enc: before.national_id_enc,
          phone_enc: before.phone_enc,
        })
      })

      it("puts the previous ciphertext back when replacing registry data fails, and leaves nothing on a first write", async () => {
        const village = await createVillage()
        const hh = await createHousehold(village.id, "YN-LC-001")
        const other = await createHousehold(village.id, "YN-LC-002")
        await consent(hh.id, "registry_data", true)
        await consent(other.id, "registry_data", true)
        await setRegistry(hh.id, fullRegistry())
        const [before] = await sql(`SELECT * FROM household_registry WHERE household_id = ?`, [hh.id])

        failHook.registrySet = true
        const replace = await workflows.setHouseholdRegistryWorkflow(getContainer()).run({
          input: { household_id: hh.id, data: { poverty_status: "none", national_id: ID_B } },
          throwOnError: false,
        })
        expect(replace.errors).toHaveLength(1)
        const [after] = await sql(`SELECT * FROM household_registry WHERE household_id = ?`, [hh.id])
        expect(after).toMatchObject({
          national_id_enc: before.national_id_enc,
          national_id_digest: before.national_id_digest,
          poverty_status_enc: before.poverty_status_enc,
          bank_account_enc: before.bank_account_enc,
        })

        const first = await workflows.setHouseholdRegistryWorkflow(getContainer()).run({
          input: { household_id: other.id, data: { poverty_status: "none", national_id: ID_B } },
          throwOnError: false,
        })
        expect(first.errors).toHaveLength(1)
        expect(await sql(`SELECT id FROM household_registry WHERE household_id = ?`, [other.id])).toHaveLength(0)
      })

      it("keeps the previous attribution and link when replacing it fails", async () => {
        const village = await createVillage()
        const a = await createHousehold(village.id, "YN-LC-001")
        const b = await createHousehold(village.id, "YN-LC-002")
        const product = await createProduct("gushu-hongcha")
        const { data } = await api.post(
          `/admin/products/${product.id}/attribution`,
          { shares: [{ household_id: a.id, share_bp: 10000 }] },
          admin
        )

        failHook.productAttributed = true
        const { errors } = await workflows.attributeProductWorkflow(getContainer()).run({
          input: { product_id: product.id, shares: [{ household_id: b.id, share_bp: 10000 }] },
          throwOnError: false,
        })
        expect(errors).toHaveLength(1)
        failHook.productAttributed = false

        const { data: now } = await api.get(`/admin/products/${product.id}/attribution`, admin)
        expect(now.attribution).toMatchObject({
          id: data.attribution.id,
          shares: [{ household: { code: "YN-LC-001" } }],
        })
        expect(await sql(`SELECT id FROM attribution WHERE deleted_at IS NULL`)).toEqual([{ id: data.attribution.id }])
        expect(await sql(`SELECT id FROM attribution_share WHERE household_id = ?`, [b.id])).toHaveLength(0)
      })
    })
  },
})
