import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { E2E, seed } from "@lianxin/seed"
import { createAdminSession } from "../helpers/admin"
import { variantIdByHandle } from "../helpers/checkout"
import { expectLedgerBalanced } from "../helpers/ledger"
import { createCycle } from "../helpers/pickup-network"
import {
  attempt,
  createResident,
  loginPickupStaff,
  pickupCheckout,
  placePickupOrder,
  type Headers,
} from "../helpers/pickup-staff"
import { trackSubscribers } from "../helpers/wait"

// The app loads the plugin with Node's require: use that same module instance.
const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")

/** A 1×1 PNG: real bytes, so the upload's content sniffing accepts it. */
const PNG_1PX = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64"
)
const CERTIFICATE = "HGZ-330000-2026-0777"
const MINUTE = 60_000

/**
 * Traceability and recall (issue 18, decision 023): order lines get the
 * harvest batch that fills them at the harvest freeze (or at check-in for
 * orders placed after it); the owner's order page data shows it, and the
 * order's own ledger accruals give the households figure; an operator's
 * recall lists exactly the affected orders and residents, stops sales and
 * tells those residents once.
 */
medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer }) => {
    afterEach(() => expectLedgerBalanced(getContainer()))

    let key: string
    let admin: Headers
    let staffA: Headers
    let staffB: Headers
    let residentA: { email: string; headers: Headers }
    let residentB: { email: string; headers: Headers }
    let subscribers: ReturnType<typeof trackSubscribers>
    const ids = {
      pointA: "",
      cycle: "",
      laterCycle: "",
      listing: "",
      product: "",
      variant: "",
      harvestBatch: "",
      orange: "",
      customerA: "",
      customerB: "",
    }

    const listings = () => getContainer().resolve("listing") as any
    const ledger = () => getContainer().resolve("revenueShare") as any
    const notify = () => getContainer().resolve("notify") as any
    const pub = () => ({ "x-publishable-api-key": key })

    beforeAll(async () => {
      const container = getContainer()
      subscribers = trackSubscribers(container)
      key = (await seed(container, "e2e")).publishableKey
      admin = (await createAdminSession(api, container)).headers
      staffA = await loginPickupStaff(api, E2E.pickup.staff.email, E2E.pickup.staff.password)
      staffB = await loginPickupStaff(api, E2E.pickupB.staff.email, E2E.pickupB.staff.password)
      ids.pointA = (await api.get("/pickup-staff/me", { headers: staffA })).data.points[0].id
      residentA = await createResident(api, key, "trace-a@resident.test")
      residentB = await createResident(api, key, "trace-b@resident.test")
      ids.customerA = (await api.get("/store/customers/me", { headers: residentA.headers })).data.customer.id
      ids.customerB = (await api.get("/store/customers/me", { headers: residentB.headers })).data.customer.id
      ids.orange = await variantIdByHandle(api, key, E2E.products.orange.handle)
      // A cycle of this file's own: producer cutoff in an hour, resident cutoff in two.
      ids.cycle = await createCycle(api, admin, { name: "溯源测试批次" })
      // Still open once the first batch is checked in (a checked-in batch takes no order).
      ids.laterCycle = await createCycle(api, admin, { name: "溯源测试下一批", pickupInHours: 44 })

      // A listing by office A for the orchard household, with its harvest batch, approved.
      const [orchard] = await (container.resolve("household") as any).listHouseholds({
        code: E2E.households.orchard.code,
      })
      const { data: cats } = await api.get("/pickup-staff/categories", { headers: staffA })
      const fruit = cats.categories.find((c: any) => c.handle === E2E.categories.fruit.handle).id
      const form = new FormData()
      for (const name of ["苹果.png", "合格证.png"])
        form.append("files", new Blob([new Uint8Array(PNG_1PX)], { type: "image/png" }), name)
      const up = await api.post("/pickup-staff/uploads", form, { headers: staffA })
      const [photo, certificate] = up.data.files.map((f: any) => f.url as string)
      const { data: created } = await api.post(
        "/pickup-staff/listings",
        {
          household_id: orchard.id,
          title: "溯源冰糖心苹果",
          description: "霜降后采摘，每箱附合格证。",
          category_id: fruit,
          price_fen: 3990,
          unit_label: "5斤/箱",
          weight_g: 2500,
          stock: 30,
          perishability: "ambient",
          image_urls: [photo],
          harvest: {
            harvested_on: "2026-11-28",
            quantity: 200,
            quantity_unit: "斤",
            certificate_no: CERTIFICATE,
            certificate_photo_url: certificate,
          },
          idempotency_key: "trace-listing-0001",
        },
        { headers: staffA }
      )
      ids.listing = created.listing.id
      ids.product = created.listing.product.id
      ids.harvestBatch = created.listing.harvest_batches[0].id
      await api.post(`/admin/listings/${ids.listing}/approve`, {}, { headers: admin })
      const { data: inStore } = await api.get(`/store/products?id=${ids.product}&fields=id,*variants`, {
        headers: pub(),
      })
      ids.variant = inStore.products[0].variants[0].id
      await subscribers.idle()
    })

    const choice = () => ({ pickup_point_id: ids.pointA, order_cycle_id: ids.cycle })
    const traceOf = (orderId: string, headers: Record<string, string>, query = "") =>
      attempt(api.get(`/store/lianxin/orders/${orderId}/trace${query}`, { headers }))
    const pickupBatchId = async () => {
      const { data } = await api.get(`/pickup-staff/points/${ids.pointA}/batches`, { headers: staffA })
      return data.batches.find((b: any) => b.cycle_id === ids.cycle).id as string
    }

    /**
     * Resident A orders 2 boxes of the listing and an orange (no listing)
     * before the producer cutoff; the harvest list freezes; resident B orders
     * 1 box after the freeze (a late addition); staff check the batch in.
     */
    async function tracedOrders() {
      const a = await placePickupOrder(
        api,
        residentA.headers,
        [
          { variant_id: ids.variant, quantity: 2 },
          { variant_id: ids.orange, quantity: 1 },
        ],
        choice()
      )
      await subscribers.idle()
      const before = await traceOf(a.order.id, residentA.headers)
      expect(before.status).toBe(200)
      // Not traced yet: the listed apples will be (traceable), the seeded orange never (no harvest record).
      const apple = a.order.items.find((i) => i.variant_id === ids.variant)!.id
      expect(
        Object.fromEntries(
          before.data.trace.lines.map((l: any) => [
            l.line_item_id === apple ? "apple" : "orange",
            [l.traceable, l.harvest_batch],
          ])
        )
      ).toEqual({ apple: [true, null], orange: [false, null] })

      const [cycle] = await (getContainer().resolve("pickup") as any).listOrderCycles({ id: ids.cycle })
      const afterCutoff = new Date(new Date(cycle.producer_cutoff_at).getTime() + MINUTE)
      const { result } = await wf.freezeHarvestListsWorkflow(getContainer()).run({ input: { now: afterCutoff } })
      const batchId = await pickupBatchId()
      expect(result.frozen_batch_ids).toContain(batchId)

      const b = await placePickupOrder(api, residentB.headers, [{ variant_id: ids.variant, quantity: 1 }], choice())
      const bOrange = await placePickupOrder(
        api,
        residentB.headers,
        [{ variant_id: ids.orange, quantity: 1 }],
        choice()
      )
      await subscribers.idle()
      const lateBefore = await traceOf(b.order.id, residentB.headers)
      expect(lateBefore.data.trace.lines[0].harvest_batch).toBeNull()

      await api.post(`/pickup-staff/batches/${batchId}/arrive`, {}, { headers: staffA })
      await api.post(`/pickup-staff/batches/${batchId}/check-in`, { shortages: [] }, { headers: staffA })
      await subscribers.idle()
      return { a, b, bOrange, batchId }
    }

    const listingLine = (order: { order: { items: Array<{ id: string; variant_id: string }> } }) =>
      order.order.items.find((i) => i.variant_id === ids.variant)!.id

    it("traces each line to its harvest batch at the freeze (late orders at check-in); only the owner reads it; the pickup list prints it", async () => {
      const { a, b, batchId } = await tracedOrders()

      // The database record: one row per traced line, from the freeze for A, from check-in for B; the orange none.
      const rows = await listings().listHarvestAllocations({ harvest_batch_id: ids.harvestBatch })
      expect(
        rows
          .map((r: any) => ({ order: r.order_id, line: r.line_item_id, source: r.source, q: r.quantity }))
          .sort((x: any, y: any) => (x.source < y.source ? -1 : 1))
      ).toEqual([
        { order: b.order.id, line: listingLine(b), source: "check_in", q: 1 },
        { order: a.order.id, line: listingLine(a), source: "harvest_freeze", q: 2 },
      ])
      expect(rows.every((r: any) => r.pickup_batch_id === batchId)).toBe(true)

      // The owner's order page data: batch and certificate per line; no batch for the unlisted orange.
      const mine = await traceOf(a.order.id, residentA.headers)
      expect(mine.status).toBe(200)
      const byLine = new Map(mine.data.trace.lines.map((l: any) => [l.line_item_id, l.harvest_batch]))
      expect(byLine.get(listingLine(a))).toMatchObject({
        id: ids.harvestBatch,
        harvested_on: "2026-11-28",
        quantity: 200,
        quantity_unit: "斤",
        certificate_no: CERTIFICATE,
        recalled: false,
      })
      const orangeLine = a.order.items.find((i) => i.variant_id === ids.orange)!.id
      expect(byLine.get(orangeLine)).toBeNull()
      expect((await traceOf(b.order.id, residentB.headers)).data.trace.lines[0].harvest_batch.certificate_no).toBe(
        CERTIFICATE
      )

      // The guest's proof (the cart the order came from) works; nobody else sees it.
      expect((await traceOf(a.order.id, pub(), `?cart_id=${a.cart_id}`)).status).toBe(200)
      expect((await traceOf(a.order.id, residentB.headers)).status).toBe(404)
      expect((await traceOf(a.order.id, pub(), `?cart_id=${b.cart_id}`)).status).toBe(404)
      expect((await traceOf(a.order.id, pub())).status).toBe(401)
      expect((await traceOf(a.order.id, { ...pub(), ...staffA })).status).toBe(401)
      const bad = await traceOf(a.order.id, pub(), "?cart_id=nope")
      expect(bad.status).toBe(400)
      expect(JSON.stringify(bad.data)).toContain("cart_id")
      expect((await traceOf("order_01NOSUCHORDER000000000000", residentA.headers)).status).toBe(404)

      // The printed pickup list (and its CSV) carries batch and certificate per bag; staff of B do not get it.
      const { data: manifest } = await api.get(`/pickup-staff/batches/${batchId}/manifest?kind=pickup&format=json`, {
        headers: staffA,
      })
      const rowA = manifest.rows.find((r: any) => r.order_id === a.order.id)
      expect(rowA.harvest_batches).toBe(`溯源冰糖心苹果：2026-11-28 采收 合格证 ${CERTIFICATE}`)
      const csv = await api.get(`/pickup-staff/batches/${batchId}/manifest?kind=pickup&format=csv`, {
        headers: staffA,
      })
      expect(String(csv.data)).toContain(CERTIFICATE)
      expect(
        (await attempt(api.get(`/pickup-staff/batches/${batchId}/manifest?kind=pickup`, { headers: staffB }))).status
      ).toBe(404)
    })

    it("the households figure is the order's own household accruals, not an estimate, less what a shortage reversed", async () => {
      const order = await placePickupOrder(
        api,
        residentA.headers,
        [
          { variant_id: ids.variant, quantity: 3 },
          { variant_id: ids.orange, quantity: 2 },
        ],
        choice()
      )
      await subscribers.idle()
      const entries: any[] = await ledger().listLedgerEntries(
        { order_id: order.order.id, kind: "accrual", account: "accrued", direction: "credit", party_type: "household" },
        { take: 1000 }
      )
      expect(entries.length).toBeGreaterThan(0)
      const sum = entries.reduce((s, e) => s + Number(e.amount), 0)
      const households = new Set(entries.map((e) => e.party_id).filter(Boolean)).size
      const { data } = await api.get(`/store/lianxin/orders/${order.order.id}/trace`, { headers: residentA.headers })
      expect(data.trace.households).toEqual({ status: "posted", households, amount_fen: sum })
      expect(sum).toBeGreaterThan(0)
      expect(sum).toBeLessThan(Math.round(order.order.total * 100))

      // One box arrives short: the shortage reversal is taken off the figure (the households get less).
      const batchId = await pickupBatchId()
      await api.post(`/pickup-staff/batches/${batchId}/arrive`, {}, { headers: staffA })
      await api.post(
        `/pickup-staff/batches/${batchId}/check-in`,
        { shortages: [{ variant_id: ids.variant, missing_quantity: 1 }] },
        { headers: staffA }
      )
      await subscribers.idle()
      const reversed: any[] = await ledger().listLedgerEntries(
        { order_id: order.order.id, kind: "reversal", account: "accrued", direction: "debit", party_type: "household" },
        { take: 1000 }
      )
      const back = reversed.reduce((s, e) => s + Number(e.amount), 0)
      expect(back).toBeGreaterThan(0)
      const after = await api.get(`/store/lianxin/orders/${order.order.id}/trace`, { headers: residentA.headers })
      expect(after.data.trace.households).toEqual({ status: "posted", households, amount_fen: sum - back })
    })

    it("a recall that fails part way is undone: the batch is not recalled, the stock is back, nobody is told", async () => {
      const { a } = await tracedOrders()
      const levels = async () =>
        (
          await api.get(
            `/admin/products/${ids.product}?fields=id,status,*variants.inventory_items.inventory.location_levels`,
            { headers: admin }
          )
        ).data.product
      const before = await levels()
      // Unpublishing the product (the step after the stock is withdrawn) fails once.
      const products = getContainer().resolve("product") as any
      const original = products.updateProducts
      products.updateProducts = async () => {
        throw new Error("product module unavailable")
      }
      try {
        await expect(
          wf.recallHarvestBatchWorkflow(getContainer()).run({
            input: { harvest_batch_id: ids.harvestBatch, reason: "抽检", recalled_by: "user_test" },
          })
        ).rejects.toThrow(/product module unavailable/)
      } finally {
        products.updateProducts = original
      }
      await subscribers.idle()
      const [batch] = await listings().listHarvestBatches({ id: ids.harvestBatch })
      expect(batch).toMatchObject({ recalled_at: null, recall_reason: null, recalled_by: null })
      const after = await levels()
      expect(after.status).toBe("published")
      expect(
        after.variants[0].inventory_items[0].inventory.location_levels.map((l: any) => l.stocked_quantity)
      ).toEqual(before.variants[0].inventory_items[0].inventory.location_levels.map((l: any) => l.stocked_quantity))
      expect(before.variants[0].inventory_items[0].inventory.location_levels[0].stocked_quantity).toBeGreaterThan(
        before.variants[0].inventory_items[0].inventory.location_levels[0].reserved_quantity
      )
      expect(await notify().listNotifyMessages({ event: "listing.batch_recalled" })).toHaveLength(0)
      const mine = await traceOf(a.order.id, residentA.headers)
      expect(mine.data.trace.lines.find((l: any) => l.line_item_id === listingLine(a)).harvest_batch.recalled).toBe(
        false
      )
    })

    it("a recall lists exactly the affected orders and residents, stops sales, tells each resident once, and is idempotent", async () => {
      const { a, b, bOrange, batchId } = await tracedOrders()
      const recallUrl = `/admin/harvest-batches/${ids.harvestBatch}/recall`

      // Bad input and the wrong people.
      const noReason = await attempt(api.post(recallUrl, {}, { headers: admin }))
      expect(noReason.status).toBe(400)
      expect(JSON.stringify(noReason.data)).toContain("reason")
      const tooLong = await attempt(api.post(recallUrl, { reason: "x".repeat(201) }, { headers: admin }))
      expect(tooLong.status).toBe(400)
      const extra = await attempt(api.post(recallUrl, { reason: "抽检", orders: [] }, { headers: admin }))
      expect(extra.status).toBe(400)
      expect(
        (
          await attempt(
            api.post("/admin/harvest-batches/hvb_NOSUCHBATCH/recall", { reason: "抽检" }, { headers: admin })
          )
        ).status
      ).toBe(404)
      for (const who of [pub(), residentA.headers, { ...pub(), ...staffA }]) {
        expect((await attempt(api.post(recallUrl, { reason: "抽检" }, { headers: who }))).status).toBe(401)
        expect((await attempt(api.get(recallUrl, { headers: who }))).status).toBe(401)
      }
      expect(await listings().listHarvestBatches({ id: ids.harvestBatch, recalled_at: { $ne: null } })).toHaveLength(0)

      // The Admin list of harvest batches: the batch, its listing and household, not yet recalled.
      const listUrl = "/admin/harvest-batches"
      const badQuery = await attempt(api.get(`${listUrl}?recalled=maybe`, { headers: admin }))
      expect(badQuery.status).toBe(400)
      expect(JSON.stringify(badQuery.data)).toContain("recalled")
      expect((await attempt(api.get(`${listUrl}?limit=0`, { headers: admin }))).status).toBe(400)
      for (const who of [pub(), residentA.headers, { ...pub(), ...staffA }]) {
        expect((await attempt(api.get(listUrl, { headers: who }))).status).toBe(401)
      }
      const { data: goodList } = await api.get(`${listUrl}?recalled=false&limit=100`, { headers: admin })
      const listed = goodList.harvest_batches.find((h: any) => h.id === ids.harvestBatch)
      expect(listed).toMatchObject({
        certificate_no: CERTIFICATE,
        recalled: false,
        listing: { title: "溯源冰糖心苹果" },
      })
      expect(listed.household).toMatchObject({ id: expect.any(String), display_name: expect.any(String) })
      expect(Object.keys(listed.household).sort()).toEqual(["code", "display_name", "id", "village"])
      expect(goodList.count).toBeGreaterThanOrEqual(goodList.harvest_batches.length)

      // Before: the operator sees who would be affected — A's and B's orders, not B's orange-only order.
      const { data: preview } = await api.get(recallUrl, { headers: admin })
      expect(preview.recall.harvest_batch).toMatchObject({ certificate_no: CERTIFICATE, recalled: false })
      expect(preview.recall.orders.map((o: any) => o.order_id).sort()).toEqual([a.order.id, b.order.id].sort())
      expect(preview.recall.orders.map((o: any) => o.order_id)).not.toContain(bOrange.order.id)
      expect(preview.recall.residents.map((r: any) => r.customer_id).sort()).toEqual(
        [ids.customerA, ids.customerB].sort()
      )
      const orderA = preview.recall.orders.find((o: any) => o.order_id === a.order.id)
      expect(orderA.lines).toEqual([{ line_item_id: listingLine(a), title: "溯源冰糖心苹果", quantity: 2 }])
      expect(orderA.pickup_status).toBe("ready")

      // A cart that holds the product before the recall cannot check out after it.
      const laterChoice = { pickup_point_id: ids.pointA, order_cycle_id: ids.laterCycle }
      const held = await pickupCheckout(
        api,
        residentA.headers,
        [{ variant_id: ids.variant, quantity: 1 }],
        laterChoice,
        async () => {
          const recalled = await api.post(recallUrl, { reason: "农残抽检超标" }, { headers: admin })
          expect(recalled.status).toBe(200)
          expect(recalled.data).toMatchObject({ already_recalled: false, withdrawn: true })
          expect(recalled.data.recall.harvest_batch).toMatchObject({ recalled: true, recall_reason: "农残抽检超标" })
          expect(recalled.data.recall.orders.map((o: any) => o.order_id).sort()).toEqual(
            [a.order.id, b.order.id].sort()
          )
        }
      )
      expect(held).toMatchObject({ type: "cart", error: { status: 409, code: "out_of_stock" } })
      const { data: recalledList } = await api.get(`${listUrl}?recalled=true&limit=100`, { headers: admin })
      expect(recalledList.harvest_batches.find((h: any) => h.id === ids.harvestBatch)).toMatchObject({
        recalled: true,
        recall_reason: "农残抽检超标",
      })
      const { data: stillGood } = await api.get(`${listUrl}?recalled=false&limit=100`, { headers: admin })
      expect(stillGood.harvest_batches.map((h: any) => h.id)).not.toContain(ids.harvestBatch)
      await subscribers.idle()

      // Sales stopped: unpublished, nothing left to reserve, not in the shop, cannot be added to a cart.
      const { data: adminProduct } = await api.get(
        `/admin/products/${ids.product}?fields=id,status,*variants.inventory_items.inventory.location_levels`,
        { headers: admin }
      )
      expect(adminProduct.product.status).toBe("draft")
      for (const level of adminProduct.product.variants[0].inventory_items[0].inventory.location_levels) {
        expect(level.stocked_quantity).toBe(level.reserved_quantity)
      }
      const { data: inStore } = await api.get(`/store/products?id=${ids.product}&fields=id`, { headers: pub() })
      expect(inStore.products).toHaveLength(0)
      const { data: regions } = await api.get("/store/regions", { headers: pub() })
      const region = regions.regions.find((r: any) => r.currency_code === "cny")
      const { data: cart } = await api.post("/store/carts", { region_id: region.id }, { headers: residentB.headers })
      const add = await attempt(
        api.post(
          `/store/carts/${cart.cart.id}/line-items`,
          { variant_id: ids.variant, quantity: 1 },
          {
            headers: residentB.headers,
          }
        )
      )
      expect(add.status).toBe(400)
      // A recalled batch fills no further line; the counter's list marks it.
      const { data: manifest } = await api.get(`/pickup-staff/batches/${batchId}/manifest?kind=pickup&format=json`, {
        headers: staffA,
      })
      expect(manifest.rows.find((r: any) => r.order_id === a.order.id).harvest_batches).toContain("已召回")
      const mine = await traceOf(a.order.id, residentA.headers)
      expect(mine.data.trace.lines.find((l: any) => l.line_item_id === listingLine(a)).harvest_batch.recalled).toBe(
        true
      )

      // Each affected resident is told once per order, on every channel they have; nobody else.
      const messages: any[] = await notify().listNotifyMessages({ event: "listing.batch_recalled" }, { take: 100 })
      expect([...new Set(messages.map((m) => m.recipient_id))].sort()).toEqual([ids.customerA, ids.customerB].sort())
      expect(new Set(messages.map((m) => m.resource_id))).toEqual(new Set([a.order.id, b.order.id]))
      const keys = messages.map((m) => `${m.recipient_id}:${m.resource_id}:${m.channel}`)
      expect(new Set(keys).size).toBe(keys.length)
      for (const customer of [ids.customerA, ids.customerB]) {
        const inApp = messages.filter((m) => m.recipient_id === customer && m.channel === "in_app")
        expect(inApp).toHaveLength(1)
        expect(inApp[0]).toMatchObject({ template: "harvest_recall", urgent: true })
        expect(inApp[0].body).toContain(CERTIFICATE)
        expect(inApp[0].body).toContain("农残抽检超标")
      }
      // The resident's own 消息 has it; it names no other resident.
      const { data: inbox } = await api.get("/store/notify/messages", { headers: residentA.headers })
      const recallMessage = inbox.messages.find((m: any) => m.event === "listing.batch_recalled")
      expect(recallMessage.link).toBe(`/orders/${a.order.id}`)
      expect(JSON.stringify(inbox)).not.toContain(b.order.id)

      // A repeat changes nothing and tells nobody again.
      const again = await api.post(recallUrl, { reason: "再次确认" }, { headers: admin })
      expect(again.status).toBe(200)
      expect(again.data).toMatchObject({ already_recalled: true, withdrawn: false })
      expect(again.data.recall.harvest_batch.recall_reason).toBe("农残抽检超标")
      await subscribers.idle()
      expect(await notify().listNotifyMessages({ event: "listing.batch_recalled" }, { take: 100 })).toHaveLength(
        messages.length
      )
    })
  },
})
