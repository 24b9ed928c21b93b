import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { E2E, seed } from "@lianxin/seed"
import { createAdminSession } from "../helpers/admin"
import { expectLedgerBalanced } from "../helpers/ledger"
import { createCycle } from "../helpers/pickup-network"
import { attempt, createResident, loginPickupStaff, placePickupOrder, type Headers } from "../helpers/pickup-staff"
import { until } from "../helpers/wait"

// The app loads the plugin with Node's require: use that same module instance.
const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")
const { nationalIdCheckChar } = nodeRequire("@lianxin/plugin/utils/prc-id") as {
  nationalIdCheckChar: (first17: string) => string
}

/** A 1×1 PNG: real bytes, so the upload's content sniffing accepts it. */
const PNG_1PX = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64"
)

const NATIONAL_ID = (() => {
  const first17 = "33011019850312241"
  return first17 + nationalIdCheckChar(first17)
})()

medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer, dbConnection }) => {
    afterEach(() => expectLedgerBalanced(getContainer()))

    let key: string
    let admin: Headers
    let staffA: Headers
    let staffB: Headers
    let staffAId: string
    let resident: { email: string; headers: Headers }
    const ids = { village: "", orchard: "", farm: "", fruit: "", pointA: "", cycle: "" }

    const households = () => getContainer().resolve("household") as any
    const ledger = () => getContainer().resolve("revenueShare") as any
    const sql = async <T = any>(text: string, params: unknown[] = []) =>
      (await dbConnection.raw(text, params)).rows as T[]

    beforeAll(async () => {
      const container = getContainer()
      key = (await seed(container, "e2e")).publishableKey
      admin = (await createAdminSession(api, container)).headers
      staffA = await loginPickupStaff(api, E2E.pickup.staff.email, E2E.pickup.staff.password)
      staffB = await loginPickupStaff(api, E2E.pickupB.staff.email, E2E.pickupB.staff.password)
      staffAId = (await api.get("/pickup-staff/me", { headers: staffA })).data.staff.id
      ids.pointA = (await api.get("/pickup-staff/me", { headers: staffA })).data.points[0].id
      resident = await createResident(api, key, "resident@office.test")

      const [village] = await households().listVillages({ code: E2E.village.codePrefix })
      ids.village = village.id
      const hh = await households().listHouseholds({ code: [E2E.households.orchard.code, E2E.households.farm.code] })
      ids.orchard = hh.find((h: any) => h.code === E2E.households.orchard.code).id
      ids.farm = hh.find((h: any) => h.code === E2E.households.farm.code).id
      const { data: cats } = await api.get("/pickup-staff/categories", { headers: staffA })
      ids.fruit = cats.categories.find((c: any) => c.handle === E2E.categories.fruit.handle).id
      // A cycle of this file's own, its cutoff two hours from now: the seeded daily cycles close
      // at 22:00 Shanghai time, and a run crossing it must not find its cycle closed.
      ids.cycle = await createCycle(api, admin, { name: "柜台代上架测试批次" })
    })

    const registration = (over: Record<string, unknown> = {}) => ({
      village_id: ids.village,
      display_name: "李大姐家",
      story: "山坡上的老茶园",
      consent: { public_profile: true, registry: true, method: "paper_form", signed_on: "2026-11-20" },
      registry: {
        legal_name: "李秀英",
        national_id: NATIONAL_ID,
        phone: "13912345678",
        bank_name: "中国农业银行",
        bank_account: "6228480012345678901",
        poverty_registered: true,
      },
      idempotency_key: `reg-${Math.random().toString(36).slice(2)}`,
      ...over,
    })

    async function upload(headers: Headers, files: Array<{ bytes: Buffer; type: string; name: string }>) {
      const form = new FormData()
      for (const f of files) form.append("files", new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name)
      return attempt(api.post("/pickup-staff/uploads", form, { headers }))
    }

    async function listingBody(over: Record<string, unknown> = {}) {
      const up = await upload(staffA, [
        { bytes: PNG_1PX, type: "image/png", name: "苹果.png" },
        { bytes: PNG_1PX, type: "image/png", name: "合格证.png" },
      ])
      expect(up.status).toBe(201)
      const [photo, certificate] = up.data.files.map((f: any) => f.url as string)
      return {
        household_id: ids.orchard,
        title: "高山冰糖心苹果",
        description: "海拔一千米的果园，霜降后采摘。",
        category_id: ids.fruit,
        price_fen: 3990,
        unit_label: "5斤/箱",
        weight_g: 2500,
        stock: 40,
        perishability: "ambient",
        image_urls: [photo],
        harvest: {
          harvested_on: "2026-11-25",
          quantity: 120.5,
          quantity_unit: "斤",
          certificate_no: "HGZ-330000-2026-0001",
          certificate_photo_url: certificate,
        },
        idempotency_key: `lst-${Math.random().toString(36).slice(2)}`,
        ...over,
      }
    }

    const storeProduct = async (id: string) =>
      (
        await api.get(`/store/products?id=${id}&fields=id,title,*variants.calculated_price`, {
          headers: { "x-publishable-api-key": key },
        })
      ).data.products as any[]

    describe("authorization", () => {
      it("staff routes refuse anonymous callers, residents and admins with 401", async () => {
        const routes = [
          "/pickup-staff/households",
          "/pickup-staff/villages",
          "/pickup-staff/listings",
          "/pickup-staff/categories",
        ]
        for (const route of routes) {
          expect((await attempt(api.get(route))).status).toBe(401)
          expect((await attempt(api.get(route, { headers: resident.headers }))).status).toBe(401)
          expect((await attempt(api.get(route, { headers: admin }))).status).toBe(401)
        }
        expect((await attempt(api.post("/pickup-staff/households", registration(), { headers: admin }))).status).toBe(
          401
        )
        expect((await attempt(api.post("/pickup-staff/listings", {}, { headers: resident.headers }))).status).toBe(401)
        expect((await attempt(api.get("/admin/listings", { headers: staffA }))).status).toBe(401)
      })

      it("staff see only their office's households: B gets 404 for A's household and cannot list for it", async () => {
        const a = await api.get("/pickup-staff/households", { headers: staffA })
        expect(a.data.households.map((h: any) => h.code)).toEqual([E2E.households.orchard.code])
        const b = await api.get("/pickup-staff/households", { headers: staffB })
        expect(b.data).toMatchObject({ households: [], count: 0 })
        expect(
          (await attempt(api.get(`/pickup-staff/households/${ids.orchard}/counter`, { headers: staffB }))).status
        ).toBe(404)
        // farm is registered through no office: not A's either.
        expect(
          (await attempt(api.get(`/pickup-staff/households/${ids.farm}/counter`, { headers: staffA }))).status
        ).toBe(404)
        const body = await listingBody()
        expect((await attempt(api.post("/pickup-staff/listings", body, { headers: staffB }))).status).toBe(404)
        expect(
          (await attempt(api.post("/pickup-staff/listings", { ...body, household_id: ids.farm }, { headers: staffA })))
            .status
        ).toBe(404)
      })

      it("villages with their cooperatives, for the registration form", async () => {
        const { data } = await api.get("/pickup-staff/villages", { headers: staffA })
        const village = data.villages.find((v: any) => v.id === ids.village)
        expect(village).toMatchObject({ name: E2E.village.name, province: E2E.village.province })
        expect(Array.isArray(village.cooperatives)).toBe(true)
      })
    })

    describe("registering a household on its behalf", () => {
      it("creates it with consent records taken by the staff member and registry data only encrypted", async () => {
        const body = registration()
        const res = await api.post("/pickup-staff/households", body, { headers: staffA })
        expect(res.status).toBe(201)
        const h = res.data.household
        expect(h.code).toMatch(new RegExp(`^${E2E.village.codePrefix}-\\d{3}$`))
        expect(h.code).not.toBe(E2E.households.orchard.code)
        expect(h).toMatchObject({
          display_name: "李大姐家",
          village: { id: ids.village, name: E2E.village.name },
          cooperative: null,
          consent: { public_profile: true, registry: true },
          registry_recorded: { national_id: true, phone: true, bank: true },
        })
        const text = JSON.stringify(res.data)
        for (const secret of [NATIONAL_ID, "13912345678", "6228480012345678901", "李秀英"])
          expect(text).not.toContain(secret)

        const records = await households().listConsentRecords({ household_id: h.id })
        expect(records).toHaveLength(2)
        for (const r of records) {
          expect(r).toMatchObject({ granted: true, recorded_by: staffAId, method: "paper_form" })
          expect(r.note).toContain("pickup_staff")
          expect(new Date(r.recorded_at).toISOString()).toBe("2026-11-19T16:00:00.000Z")
        }
        expect(records.map((r: any) => r.kind).sort()).toEqual(["public_profile", "registry_data"])

        const [row] = await sql("SELECT * FROM household_registry WHERE household_id = ?", [h.id])
        expect(row.national_id_enc).toMatch(/^[^:]+:[^:]+:[^:]+:[^:]+$/)
        const raw = JSON.stringify(row)
        for (const secret of [NATIONAL_ID, "13912345678", "6228480012345678901", "中国农业银行"])
          expect(raw).not.toContain(secret)

        // Registered through A's office: in A's list, not in B's.
        const list = await api.get("/pickup-staff/households?q=李大姐", { headers: staffA })
        expect(list.data.households.map((x: any) => x.id)).toEqual([h.id])
        expect((await api.get("/pickup-staff/households", { headers: staffB })).data.count).toBe(0)
      })

      it("the same idempotency key again (a double tap) returns the same household with 200", async () => {
        const body = registration({
          registry: null,
          consent: { public_profile: false, registry: false, method: "verbal_witnessed", signed_on: "2026-11-21" },
        })
        const first = await api.post("/pickup-staff/households", body, { headers: staffA })
        const again = await api.post("/pickup-staff/households", body, { headers: staffA })
        expect(first.status).toBe(201)
        expect(again.status).toBe(200)
        expect(again.data.household.id).toBe(first.data.household.id)
        expect(again.data.household.registry_recorded).toEqual({
          legal_name: false,
          national_id: false,
          phone: false,
          bank: false,
        })

        const racing = registration({ registry: null })
        const both = await Promise.all([
          attempt(api.post("/pickup-staff/households", racing, { headers: staffA })),
          attempt(api.post("/pickup-staff/households", racing, { headers: staffA })),
        ])
        expect(both.map((r) => r.status).sort()).toEqual([200, 201])
        expect(both[0].data.household.id).toBe(both[1].data.household.id)
        const named = await households().listHouseholds({ display_name: "李大姐家" })
        expect(named).toHaveLength(2)
      })

      it("refuses bad input with 400 naming the field, and registry data without registry consent", async () => {
        const cases: Array<[Record<string, unknown>, RegExp]> = [
          [
            registration({
              consent: { public_profile: true, registry: false, method: "paper_form", signed_on: "2026-11-20" },
            }),
            /registry: .*consent/,
          ],
          [registration({ village_id: undefined }), /village_id/],
          [
            registration({
              consent: { public_profile: true, registry: true, method: "paper_form", signed_on: "2099-01-01" },
            }),
            /consent\.signed_on: must not be in the future/,
          ],
          [
            registration({ consent: { public_profile: true, registry: true, method: "sms", signed_on: "2026-11-20" } }),
            /consent\.method/,
          ],
          [registration({ registry: { national_id: "123" } }), /registry\.national_id/],
          [registration({ registry: { national_id: NATIONAL_ID, bank_name: "农行" } }), /registry\.bank_account/],
          [registration({ idempotency_key: undefined }), /idempotency_key/],
          [registration({ village_id: "vil_missing" }), /village_id/],
        ]
        for (const [body, message] of cases) {
          const r = await attempt(api.post("/pickup-staff/households", body, { headers: staffA }))
          expect(r.status, JSON.stringify(r.data)).toBe(400)
          expect(r.data.message).toMatch(message)
          expect(JSON.stringify(r.data)).not.toContain(NATIONAL_ID)
        }
        expect(await households().listHouseholds({ display_name: "李大姐家" })).toHaveLength(0)
      })

      it("rolls a registration back when a late step fails: a national ID already on file leaves no household or consent behind", async () => {
        const first = await api.post("/pickup-staff/households", registration(), { headers: staffA })
        expect(first.status).toBe(201)
        const before = await households().listConsentRecords({})
        const dup = await attempt(
          api.post("/pickup-staff/households", registration({ display_name: "重复登记" }), { headers: staffA })
        )
        expect(dup.status).toBe(400)
        expect(dup.data.message).toMatch(/national_id: this ID number is already registered/)
        expect(JSON.stringify(dup.data)).not.toContain(NATIONAL_ID)
        expect(await households().listHouseholds({ display_name: "重复登记" })).toHaveLength(0)
        expect(await households().listConsentRecords({})).toHaveLength(before.length)
        const { data } = await api.get("/pickup-staff/households", { headers: staffA })
        expect(data.count).toBe(2)
      })

      it("stores the legal name sealed: staff see only that it is recorded, the admin sees it masked and can reveal it", async () => {
        const res = await api.post("/pickup-staff/households", registration(), { headers: staffA })
        expect(res.status).toBe(201)
        const h = res.data.household
        expect(h.registry_recorded).toEqual({ legal_name: true, national_id: true, phone: true, bank: true })
        expect(JSON.stringify(res.data)).not.toContain("秀英")
        const listed = await api.get("/pickup-staff/households", { headers: staffA })
        expect(listed.data.households.find((x: any) => x.id === h.id).registry_recorded.legal_name).toBe(true)
        expect(JSON.stringify(listed.data)).not.toContain("秀英")

        const [row] = await sql("SELECT legal_name_enc FROM household_registry WHERE household_id = ?", [h.id])
        expect(row.legal_name_enc).toMatch(/^[^:]+:[^:]+:[^:]+:[^:]+$/)
        expect(row.legal_name_enc).not.toContain("李秀英")

        const masked = await api.get(`/admin/households/${h.id}/registry`, { headers: admin })
        expect(masked.data.registry.legal_name).toBe("李**")
        const reveal = await api.post(
          `/admin/households/${h.id}/registry/reveal`,
          { field: "legal_name", reason: "核对分成打款收款人户名" },
          { headers: admin }
        )
        expect(reveal.data.reveal).toMatchObject({ field: "legal_name", value: "李秀英" })
        const logs = await sql("SELECT field FROM registry_access_log WHERE household_id = ?", [h.id])
        expect(logs.map((l: any) => l.field)).toEqual(["legal_name"])

        // Without a name on the form nothing is recorded for it.
        const first17 = "33011019900101123"
        const nameless = registration({ registry: { national_id: first17 + nationalIdCheckChar(first17) } })
        const other = await api.post("/pickup-staff/households", nameless, { headers: staffA })
        expect(other.status).toBe(201)
        expect(other.data.household.registry_recorded).toEqual({
          legal_name: false,
          national_id: true,
          phone: false,
          bank: false,
        })
        const [otherRow] = await sql("SELECT legal_name_enc FROM household_registry WHERE household_id = ?", [
          other.data.household.id,
        ])
        expect(otherRow.legal_name_enc).toBeNull()
      })
    })

    describe("listings", () => {
      it("uploads only real JPEG/PNG/WebP images, 1-6 at a time", async () => {
        const ok = await upload(staffA, [{ bytes: PNG_1PX, type: "image/png", name: "a.png" }])
        expect(ok.status).toBe(201)
        expect(ok.data.files[0]).toMatchObject({ id: expect.any(String), url: expect.stringMatching(/^http.*\.png$/) })
        // The file is really stored, byte for byte, where the URL's /static/… points (npm start serves
        // LIANXIN_UPLOAD_DIR as <cwd>/static; the test app's cwd has no such link, so read the folder itself).
        const key = decodeURIComponent(new URL(ok.data.files[0].url).pathname.replace(/^\/static\//, ""))
        const stored = fs.readFileSync(path.join(process.env.LIANXIN_UPLOAD_DIR!, key))
        expect(stored.equals(PNG_1PX)).toBe(true)

        const text = await upload(staffA, [{ bytes: Buffer.from("hello"), type: "text/plain", name: "a.txt" }])
        expect(text.status).toBe(400)
        expect(text.data.message).toMatch(/files\.0: must be a JPEG, PNG or WebP/)
        const disguised = await upload(staffA, [{ bytes: Buffer.from("<svg/>"), type: "image/png", name: "a.png" }])
        expect(disguised.status).toBe(400)
        const big = await upload(staffA, [
          { bytes: Buffer.concat([PNG_1PX, Buffer.alloc(5 * 1024 * 1024)]), type: "image/png", name: "big.png" },
        ])
        expect(big.status).toBe(400)
        expect(big.data.message).toMatch(/5 MB/)
        const none = await attempt(api.post("/pickup-staff/uploads", new FormData(), { headers: staffA }))
        expect(none.status).toBe(400)
        expect(none.data.message).toMatch(/^files/)
        const seven = await upload(
          staffA,
          Array.from({ length: 7 }, (_, i) => ({ bytes: PNG_1PX, type: "image/png", name: `${i}.png` }))
        )
        expect(seven.status).toBe(400)
        expect((await upload(staffB, [])).status).toBe(400)
      })

      it("a listing is a draft until approved; then it is in the shop, and its sales show at the counter from the ledger", async () => {
        const body = await listingBody()
        const created = await api.post("/pickup-staff/listings", body, { headers: staffA })
        expect(created.status).toBe(201)
        const listing = created.data.listing
        expect(listing).toMatchObject({
          status: "pending_review",
          price_fen: 3990,
          household: { id: ids.orchard, code: E2E.households.orchard.code },
          product: { status: "draft", category: { id: ids.fruit } },
          harvest_batches: [{ harvested_on: "2026-11-25", quantity: 120.5, certificate_no: "HGZ-330000-2026-0001" }],
        })
        const productId = listing.product.id
        expect(await storeProduct(productId)).toHaveLength(0)

        // The double tap returns the same listing and makes no second product.
        const again = await api.post("/pickup-staff/listings", body, { headers: staffA })
        expect(again.status).toBe(200)
        expect(again.data.listing.id).toBe(listing.id)
        const { data: sameTitle } = await api.get(`/admin/products?q=${encodeURIComponent(body.title)}&fields=id`, {
          headers: admin,
        })
        expect(sameTitle.products).toHaveLength(1)

        // Product: metadata, attribution to the household, stock at the store's location.
        const { data: adminProduct } = await api.get(
          `/admin/products/${productId}?fields=id,status,metadata,*variants,*variants.prices,attribution.cooperative_id,attribution.shares.household_id,*variants.inventory_items.inventory.location_levels`,
          { headers: admin }
        )
        expect(adminProduct.product.metadata.perishability).toBe("ambient")
        // Where it comes from, as the catalogue's products say it (the product page, village pages and search read
        // it); the orchard is in no cooperative, so no cooperative and none in the attribution.
        expect(adminProduct.product.metadata).toMatchObject({
          household_code: E2E.households.orchard.code,
          village: E2E.village.name,
          province: E2E.village.province,
          harvest_date: "2026-11-25",
        })
        expect(adminProduct.product.metadata).not.toHaveProperty("cooperative")
        expect(adminProduct.product.attribution.cooperative_id).toBeNull()
        expect(adminProduct.product.variants[0].prices[0]).toMatchObject({ currency_code: "cny", amount: 39.9 })
        expect(adminProduct.product.attribution.shares.map((s: any) => s.household_id)).toEqual([ids.orchard])
        const levels = adminProduct.product.variants[0].inventory_items[0].inventory.location_levels
        expect(levels.map((l: any) => l.stocked_quantity)).toEqual([40])

        // Staff A sees it; staff B does not.
        expect((await api.get(`/pickup-staff/listings/${listing.id}`, { headers: staffA })).data.listing.id).toBe(
          listing.id
        )
        expect((await api.get("/pickup-staff/listings?status=pending_review", { headers: staffA })).data.count).toBe(1)
        expect((await attempt(api.get(`/pickup-staff/listings/${listing.id}`, { headers: staffB }))).status).toBe(404)
        expect((await api.get("/pickup-staff/listings", { headers: staffB })).data.count).toBe(0)

        // The operator's queue, then approval publishes it.
        const queue = await api.get("/admin/listings?status=pending_review", { headers: admin })
        expect(queue.data.listings.map((l: any) => l.id)).toContain(listing.id)
        const approved = await api.post(`/admin/listings/${listing.id}/approve`, {}, { headers: admin })
        expect(approved.data.listing).toMatchObject({ status: "approved", product: { status: "published" } })
        const inStore = await storeProduct(productId)
        expect(inStore.map((p) => p.title)).toEqual(["高山冰糖心苹果"])
        expect((await attempt(api.post(`/admin/listings/${listing.id}/approve`, {}, { headers: admin }))).status).toBe(
          409
        )
        expect(
          (await attempt(api.post(`/admin/listings/${listing.id}/reject`, { reason: "迟了" }, { headers: admin })))
            .status
        ).toBe(409)

        // A resident buys two boxes at point A; the counter shows it, equal to the ledger.
        const variantId = inStore[0].variants[0].id
        const order = await placePickupOrder(api, resident.headers, [{ variant_id: variantId, quantity: 2 }], {
          pickup_point_id: ids.pointA,
          order_cycle_id: ids.cycle,
        })
        const entries: any[] = await until(
          () =>
            ledger().listLedgerEntries({ party_type: "household", party_id: ids.orchard, order_id: order.order.id }),
          (e: any[]) => e.length > 0
        )
        expect(entries.length).toBeGreaterThan(0)
        const net = (account: string) =>
          entries
            .filter((e) => e.account === account && e.kind !== "settlement")
            .reduce((s, e) => s + (e.direction === "credit" ? Number(e.amount) : -Number(e.amount)), 0)

        const { data: counter } = await api.get(
          `/pickup-staff/households/${ids.orchard}/counter?cycle_id=${ids.cycle}`,
          {
            headers: staffA,
          }
        )
        expect(counter.household).toMatchObject({ id: ids.orchard, code: E2E.households.orchard.code })
        expect(counter.household.registry_recorded).toBeUndefined()
        expect(counter.period).toMatchObject({ type: "cycle", cycle_id: ids.cycle })
        expect(counter.accrued_fen).toBe(net("accrued"))
        expect(counter.earned_fen).toBe(net("earned"))
        expect(counter.accrued_fen).toBeGreaterThan(0)
        expect(counter.accrued_fen).toBeLessThanOrEqual(2 * 3990)
        const line = counter.sold.find((s: any) => s.product_id === productId)
        expect(line).toMatchObject({
          product_title: "高山冰糖心苹果",
          variant_title: "5斤/箱",
          quantity: 2,
          amount_fen: net("accrued"),
        })
        expect(counter.latest_statement).toBeNull()
        // This week's view (no cycle) holds the same order.
        const { data: week } = await api.get(`/pickup-staff/households/${ids.orchard}/counter`, { headers: staffA })
        expect(week.period.type).toBe("week")
        expect(week.accrued_fen).toBe(counter.accrued_fen)
        expect(
          (
            await attempt(
              api.get(`/pickup-staff/households/${ids.orchard}/counter?cycle_id=pcyc_nope`, { headers: staffA })
            )
          ).status
        ).toBe(404)
      })

      it("rolls a listing back when a late step fails: no product, stock or listing is left", async () => {
        const container = getContainer()
        const query = container.resolve("query") as any
        const {
          data: [store],
        } = await query.graph({ entity: "store", fields: ["default_sales_channel_id"] })
        const {
          data: [channel],
        } = await query.graph({
          entity: "sales_channel",
          fields: ["stock_locations.id"],
          filters: { id: store.default_sales_channel_id },
        })
        const [profile] = await container.resolve("fulfillment").listShippingProfiles({ type: "default" })
        const body = await listingBody({ title: "回滚测试苹果" })
        // The attribution step refuses the unknown household after the product and its stock were made.
        const run = wf.createOfficeListingWorkflow(container).run({
          input: {
            ...body,
            household_id: "hh_does_not_exist",
            staff_id: staffAId,
            property_office_id: "poff_x",
            sales_channel_id: store.default_sales_channel_id,
            shipping_profile_id: profile.id,
            stock_location_id: channel.stock_locations[0].id,
            currency_code: "cny",
          },
        })
        await expect(run).rejects.toThrow(/household/)
        const { data: left } = await api.get(`/admin/products?q=${encodeURIComponent("回滚测试苹果")}&fields=id`, {
          headers: admin,
        })
        expect(left.products).toHaveLength(0)
        expect(
          await (getContainer().resolve("listing") as any).listListings({ idempotency_key: body.idempotency_key })
        ).toHaveLength(0)
      })

      it("a rejected listing keeps its product a draft and shows staff the reason", async () => {
        const created = await api.post("/pickup-staff/listings", await listingBody(), { headers: staffA })
        const id = created.data.listing.id
        const noReason = await attempt(api.post(`/admin/listings/${id}/reject`, { reason: "  " }, { headers: admin }))
        expect(noReason.status).toBe(400)
        expect(noReason.data.message).toMatch(/reason/)
        const rejected = await api.post(
          `/admin/listings/${id}/reject`,
          { reason: "合格证照片看不清，请重拍" },
          { headers: admin }
        )
        expect(rejected.data.listing).toMatchObject({ status: "rejected", product: { status: "draft" } })
        const mine = await api.get(`/pickup-staff/listings/${id}`, { headers: staffA })
        expect(mine.data.listing).toMatchObject({ status: "rejected", reject_reason: "合格证照片看不清，请重拍" })
        expect(await storeProduct(created.data.listing.product.id)).toHaveLength(0)
        expect((await attempt(api.post(`/admin/listings/${id}/approve`, {}, { headers: admin }))).status).toBe(409)
        expect(
          (await api.get("/admin/listings?status=rejected", { headers: admin })).data.listings.map((l: any) => l.id)
        ).toEqual([id])
      })

      it("refuses bad listings with 400 naming the field, and leaves nothing behind", async () => {
        const base = await listingBody()
        const cases: Array<[Record<string, unknown>, RegExp]> = [
          [{ ...base, price_fen: 0 }, /price_fen/],
          [{ ...base, price_fen: 12.5 }, /price_fen: must be a whole number of fen/],
          [{ ...base, stock: 100_001 }, /stock/],
          [{ ...base, image_urls: [] }, /image_urls/],
          [{ ...base, perishability: "frozen" }, /perishability/],
          [{ ...base, harvest: { ...base.harvest, certificate_no: "" } }, /harvest\.certificate_no/],
          [{ ...base, harvest: { ...base.harvest, harvested_on: "2026-13-01" } }, /harvest\.harvested_on/],
          [{ ...base, category_id: "pcat_missing" }, /category_id/],
        ]
        for (const [body, message] of cases) {
          const r = await attempt(api.post("/pickup-staff/listings", body, { headers: staffA }))
          expect(r.status, JSON.stringify(r.data)).toBe(400)
          expect(r.data.message).toMatch(message)
        }
        expect((await api.get("/admin/listings?status=pending_review", { headers: admin })).data.count).toBe(0)
        const bad = await attempt(api.get("/admin/listings?status=maybe", { headers: admin }))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/status/)
      })
    })
  },
})
