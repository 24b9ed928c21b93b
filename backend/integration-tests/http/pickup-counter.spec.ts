import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seed, E2E } from "@lianxin/seed"
import { expectLedgerBalanced } from "../helpers/ledger"
import { createAdminSession } from "../helpers/admin"
import { variantIdByHandle } from "../helpers/checkout"
import { createHouseholdOwning } from "../helpers/households"
import { createCycle, createOffice, createPoint, createStaff } from "../helpers/pickup-network"
import { attempt, createResident, placePickupOrder, type Headers } from "../helpers/pickup-staff"
import { until } from "../helpers/wait"

// The app loads the plugin with Node's require: use that same module instance.
const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")

const HOUR = 3600_000
const fen = (v: unknown) => Math.round(Number(v) * 100)

/** Which hooks should fail: the handlers are registered once (Medusa allows one per hook) and read this. */
const failing = { handedOver: false, checkedIn: false, shortageSettled: false }

medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer }) => {
    afterEach(() => {
      failing.handedOver = failing.checkedIn = failing.shortageSettled = false
      return expectLedgerBalanced(getContainer())
    })

    let key: string
    let admin: Headers
    let resident: { email: string; headers: Headers }
    let staffA: Headers
    let staffB: Headers
    const ids = { pointA: "", pointB: "", cycle: "", officeA: "", farCycle: "", staffA: "" }
    let apple: string
    let orange: string

    const svc = () => getContainer().resolve("pickup") as any
    const ledger = () => getContainer().resolve("revenueShare") as any
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY) as any

    beforeAll(async () => {
      const container = getContainer()
      key = (await seed(container, "e2e")).publishableKey
      admin = (await createAdminSession(api, container)).headers

      await createHouseholdOwning(container, api, key, {
        village: { code: "PC-ZT", name: "柜台村", township: "柜台镇", county: "柜台县", province: "浙江省" },
        household: { code: "PC-ZT-001", display_name: "乙" },
        handles: [E2E.products.apple.handle, E2E.products.orange.handle],
      })
      apple = await variantIdByHandle(api, key, E2E.products.apple.handle)
      orange = await variantIdByHandle(api, key, E2E.products.orange.handle)

      ids.officeA = await createOffice(api, admin, {
        compound_name: "柜台小区",
        city: "杭州市",
        address: "杭州市某路 2 号",
      })
      const officeB = await createOffice(api, admin, {
        compound_name: "别处小区",
        city: "宁波市",
        address: "宁波市某路 2 号",
      })
      ids.pointA = await createPoint(api, admin, ids.officeA, "HZ-GT-1")
      ids.pointB = await createPoint(api, admin, officeB, "NB-BC-1")

      const now = Date.now()
      ids.cycle = await createCycle(api, admin, {
        name: "柜台测试批次",
        rhythm: "special",
        pickupInHours: 20,
        from: now,
      })
      ids.farCycle = await createCycle(api, admin, {
        name: "五天后批次",
        rhythm: "special",
        pickupInHours: 120,
        from: now,
      })

      staffA = await createStaff(api, admin, "counter-a@pickup.test", [ids.pointA])
      staffB = await createStaff(api, admin, "counter-b@pickup.test", [ids.pointB])
      ids.staffA = (await api.get("/pickup-staff/me", { headers: staffA })).data.staff.id
      resident = await createResident(api, key, "counter-resident@pickup.test")

      // One handler per hook, for the rollback tests; each throws only while its flag is set.
      const fail = (name: keyof typeof failing) => async () => {
        if (failing[name]) throw new Error(`injected failure in ${name}`)
      }
      wf.handOverPickupWorkflow.hooks.handedOver(fail("handedOver"))
      wf.checkInBatchWorkflow.hooks.checkedIn(fail("checkedIn"))
      wf.settlePickupShortageWorkflow.hooks.shortageSettled(fail("shortageSettled"))
    })

    async function place(lines: Array<{ variant_id: string; quantity: number }>, cycleId = ids.cycle) {
      return (
        await placePickupOrder(api, resident.headers, lines, { pickup_point_id: ids.pointA, order_cycle_id: cycleId })
      ).order
    }
    const assignmentOf = async (orderId: string) =>
      (await svc().listPickupAssignments({ order_id: orderId }, { take: 1, relations: ["lines", "handovers"] }))[0]
    const codeFor = async (orderId: string) =>
      (await api.post(`/store/pickup-orders/${orderId}/code`, {}, { headers: resident.headers })).data.pickup_code as {
        code: string
        qr_token: string
      }
    const batchOf = async (cycleId = ids.cycle) =>
      (await svc().listPickupBatches({ point_id: ids.pointA, cycle_id: cycleId }))[0]
    async function arriveAndCheckIn(shortages: Array<{ variant_id: string; missing_quantity: number }> = []) {
      const batch = await batchOf()
      await api.post(`/pickup-staff/batches/${batch.id}/arrive`, {}, { headers: staffA })
      await api.post(`/pickup-staff/batches/${batch.id}/check-in`, { shortages }, { headers: staffA })
      return batch.id as string
    }
    async function medusaOrder(orderId: string) {
      const { data } = await query().graph({
        entity: "order",
        fields: [
          "id",
          "payment_collections.payments.captures.id",
          "payment_collections.payments.captures.amount",
          "payment_collections.payments.captured_at",
          "fulfillments.id",
          "fulfillments.delivered_at",
          "fulfillments.canceled_at",
          "fulfillments.items.line_item_id",
          "fulfillments.items.quantity",
        ],
        filters: { id: orderId },
      })
      const o = data[0]
      const captures = (o.payment_collections ?? []).flatMap((pc: any) =>
        pc.payments.flatMap((p: any) => p.captures ?? [])
      )
      return {
        captures,
        capturedFen: captures.reduce((s: number, c: any) => s + fen(c.amount), 0),
        fulfillments: o.fulfillments ?? [],
      }
    }
    const netOf = async (orderId: string, account: string) =>
      (await ledger().lineBalances(orderId))
        .filter((b: any) => b.account === account)
        .reduce((s: number, b: any) => s + b.net, 0)

    describe("harvest list frozen at producer cutoff", () => {
      it("freezes once at the producer cutoff; later orders are listed as late additions after the frozen list", async () => {
        await place([{ variant_id: apple, quantity: 2 }])
        await place([{ variant_id: orange, quantity: 1 }])
        const cutoff = new Date((await svc().listOrderCycles({ id: ids.cycle }))[0].producer_cutoff_at).getTime()
        const freeze = (at: number) =>
          wf.freezeHarvestListsWorkflow(getContainer()).run({ input: { now: new Date(at) } })

        const before = await freeze(cutoff - 60_000)
        expect(before.result.frozen_batch_ids).not.toContain((await batchOf()).id)
        expect((await batchOf()).status).toBe("open")

        // Two servers running the job at the same moment: the batch is frozen exactly once.
        const runs = await Promise.all([freeze(cutoff), freeze(cutoff)])
        const batchId = (await batchOf()).id
        expect(runs.flatMap((r) => r.result.frozen_batch_ids).filter((id: string) => id === batchId)).toHaveLength(1)
        const frozen = await batchOf()
        expect(frozen.status).toBe("harvest_frozen")
        expect(new Date(frozen.harvest_frozen_at).getTime()).toBe(cutoff)
        expect(frozen.harvest_snapshot.rows.find((r: any) => r.variant_id === apple)).toMatchObject({
          quantity: 2,
          household_codes: "PC-ZT-001",
          household_names: "乙",
        })
        expect((await freeze(cutoff + HOUR)).result.frozen_batch_ids).not.toContain(batchId)

        // Between producer and resident cutoff residents may still order: a late addition.
        await place([{ variant_id: apple, quantity: 3 }])
        const { data } = await api.get(`/pickup-staff/batches/${batchId}/manifest?kind=harvest`, { headers: staffA })
        expect(data.batch.harvest_frozen_at).toBeTruthy()
        expect(data.rows.map((r: any) => [r.section, r.variant_id, r.quantity])).toEqual([
          ...frozen.harvest_snapshot.rows.map((r: any) => ["frozen", r.variant_id, r.quantity]),
          ["late", apple, 3],
        ])
        const csv = await api.get(`/pickup-staff/batches/${batchId}/manifest?kind=harvest&format=csv`, {
          headers: staffA,
        })
        expect(csv.data).toContain(",section")
        expect(csv.data).toMatch(/,late\r\n$/)
        // A list frozen before names were stored gets them at read time.
        const bare = frozen.harvest_snapshot.rows.map(
          ({ household_codes, household_names, cooperative_name, ...r }: any) => r
        )
        await svc().updatePickupBatches({ id: batchId, harvest_snapshot: { ...frozen.harvest_snapshot, rows: bare } })
        const { data: old } = await api.get(`/pickup-staff/batches/${batchId}/manifest?kind=harvest`, {
          headers: staffA,
        })
        expect(old.rows.find((r: any) => r.section === "frozen" && r.variant_id === apple)).toMatchObject({
          household_codes: "PC-ZT-001",
          household_names: "乙",
        })
      })
    })

    describe("handover meets Medusa", () => {
      it("pay at pickup: captures what is collected and fulfils the items as delivered; the order is paid and delivered", async () => {
        const order = await place([
          { variant_id: apple, quantity: 2 },
          { variant_id: orange, quantity: 1 },
        ])
        const { code } = await codeFor(order.id)
        await arriveAndCheckIn()
        const a = await assignmentOf(order.id)

        const { data: detail } = await api.get(`/pickup-staff/assignments/${a.id}`, { headers: staffA })
        expect(detail.pickup).toMatchObject({
          masked_name: "王**",
          phone_last4: "8000",
          bag_number: a.bag_number,
          status: "ready",
          paid_online: false,
          amount_to_collect_fen: fen(order.total),
        })
        expect(detail.pickup.hold_expires_at).toBeTruthy()
        expect(detail.pickup.lines).toHaveLength(2)
        expect(detail.pickup.lines[0]).toHaveProperty("variant_title")
        expect((await medusaOrder(order.id)).capturedFen).toBe(0)

        const { data } = await api.post(`/pickup-staff/assignments/${a.id}/handover`, { code }, { headers: staffA })
        expect(data.kind).toBe("full")
        expect(data.amount_to_collect_fen).toBe(fen(order.total))
        const m = await medusaOrder(order.id)
        expect(m.capturedFen).toBe(fen(order.total))
        expect(m.fulfillments).toHaveLength(1)
        expect(m.fulfillments[0].delivered_at).toBeTruthy()
        expect(m.fulfillments[0].items.map((i: any) => i.quantity).sort()).toEqual([1, 2])
        const log = (await assignmentOf(order.id)).handovers[0]
        expect(log).toMatchObject({
          captured_fen: fen(order.total),
          fulfillment_id: m.fulfillments[0].id,
          payment_capture_id: m.captures[0].id,
        })

        // What Medusa Admin shows.
        const { data: adminOrder } = await api.get(
          `/admin/orders/${order.id}?fields=id,payment_status,fulfillment_status`,
          { headers: admin }
        )
        expect(adminOrder.order.payment_status).toBe("captured")
        expect(adminOrder.order.fulfillment_status).toBe("delivered")
      })

      it("partial handover: damaged units are refunded off the collection and reversed; declined units are not collected and stay earned", async () => {
        const order = await place([
          { variant_id: apple, quantity: 3 },
          { variant_id: orange, quantity: 1 },
        ])
        const { code } = await codeFor(order.id)
        await arriveAndCheckIn()
        const a = await assignmentOf(order.id)
        const appleLine = a.lines.find((l: any) => l.variant_id === apple)
        const orangeLine = a.lines.find((l: any) => l.variant_id === orange)
        await until(
          () => netOf(order.id, "accrued"),
          (n) => n !== 0
        )

        const { data } = await api.post(
          `/pickup-staff/assignments/${a.id}/handover`,
          {
            code,
            lines: [
              { line_item_id: appleLine.line_item_id, quantity: 1, reason: "damaged" },
              { line_item_id: orangeLine.line_item_id, quantity: 0, reason: "declined" },
            ],
          },
          { headers: staffA }
        )
        // Two of three apples are damaged: their value, largest remainder like any shortage.
        expect(Number(appleLine.amount_fen)).toBe(3 * E2E.products.apple.priceFen)
        const damagedFen = 2 * E2E.products.apple.priceFen
        const declinedFen = Number(orangeLine.amount_fen)
        expect(data.kind).toBe("partial")
        expect(data.declined_fen).toBe(declinedFen)
        expect(data.amount_to_collect_fen).toBe(fen(order.total) - damagedFen - declinedFen)

        const after = await assignmentOf(order.id)
        expect(after.collect_reduction_fen).toBe(damagedFen)
        const lineAfter = after.lines.find((l: any) => l.id === appleLine.id)
        expect(lineAfter).toMatchObject({
          damaged_quantity: 2,
          short_quantity: 2,
          settled_short_quantity: 2,
          handed_over_quantity: 1,
          refund_fen: damagedFen,
        })
        expect(after.lines.find((l: any) => l.id === orangeLine.id)).toMatchObject({
          declined_quantity: 1,
          handed_over_quantity: 0,
        })
        expect(after.handovers[0].lines).toEqual(
          expect.arrayContaining([
            { line_item_id: appleLine.line_item_id, quantity: 1, declined_quantity: 0, damaged_quantity: 2 },
            { line_item_id: orangeLine.line_item_id, quantity: 0, declined_quantity: 1, damaged_quantity: 0 },
          ])
        )

        const m = await medusaOrder(order.id)
        expect(m.capturedFen).toBe(data.amount_to_collect_fen)
        expect(m.fulfillments).toHaveLength(1)
        expect(m.fulfillments[0].items.map((i: any) => i.quantity)).toEqual([1])

        // Ledger: exactly the damaged units reversed; the declined orange is earned, not clawed back.
        const reversals = await ledger().listLedgerEntries(
          { order_id: order.id, kind: "reversal", account: "resident_payments" },
          { take: 100 }
        )
        expect(reversals.reduce((s: number, e: any) => s + Number(e.amount), 0)).toBe(damagedFen)
        expect(await netOf(order.id, "accrued")).toBe(0)
        expect(Math.abs(await netOf(order.id, "earned"))).toBe(fen(order.total) - damagedFen)
      })

      it("a bad reason or a line that is not in the order is a 400 naming the field", async () => {
        const order = await place([{ variant_id: apple, quantity: 1 }])
        const { code } = await codeFor(order.id)
        await arriveAndCheckIn()
        const a = await assignmentOf(order.id)
        const bad = await attempt(
          api.post(
            `/pickup-staff/assignments/${a.id}/handover`,
            { code, lines: [{ line_item_id: a.lines[0].line_item_id, quantity: 0, reason: "lost" }] },
            { headers: staffA }
          )
        )
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/lines\.0\.reason/)
        const unknown = await attempt(
          api.post(
            `/pickup-staff/assignments/${a.id}/handover`,
            { code, lines: [{ line_item_id: "ordli_nope", quantity: 1 }] },
            { headers: staffA }
          )
        )
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toMatch(/lines\.0\.line_item_id/)
        expect((await assignmentOf(order.id)).status).toBe("ready")
      })
    })

    describe("rollback", () => {
      const nonZeroBalances = async (orderId: string) =>
        (await ledger().lineBalances(orderId)).filter((b: any) => b.net !== 0)

      it("hand-over-pickup failing at its last step leaves the order ready, with no capture, fulfillment, earning or reversal", async () => {
        const order = await place([{ variant_id: apple, quantity: 3 }])
        await arriveAndCheckIn()
        const a = await assignmentOf(order.id)
        await until(
          () => netOf(order.id, "accrued"),
          (n) => n !== 0
        )
        const ledgerBefore = await nonZeroBalances(order.id)
        failing.handedOver = true
        const { errors } = await wf.handOverPickupWorkflow(getContainer()).run({
          input: {
            assignment_id: a.id,
            staff_id: "staff_test",
            method: "code",
            lines: [{ line_item_id: a.lines[0].line_item_id, quantity: 1, reason: "damaged" }],
          },
          throwOnError: false,
        })
        expect(errors.map((e: any) => String(e.error?.message))).toEqual(
          expect.arrayContaining([expect.stringMatching(/injected failure/)])
        )

        const after = await assignmentOf(order.id)
        expect(after.status).toBe("ready")
        expect(after.collected_at).toBeNull()
        expect(after.handovers).toEqual([])
        expect(after.collect_reduction_fen).toBe(0)
        expect(after.lines[0]).toMatchObject({
          short_quantity: 0,
          damaged_quantity: 0,
          settled_short_quantity: 0,
          handed_over_quantity: 0,
        })
        const m = await medusaOrder(order.id)
        expect(m.captures).toEqual([])
        expect(m.fulfillments.filter((f: any) => !f.canceled_at)).toEqual([])
        // The ledger is append-only: compensation posts the opposite entries, so every balance is as before.
        expect(await nonZeroBalances(order.id)).toEqual(ledgerBefore)
        expect(await netOf(order.id, "earned")).toBe(0)

        // Nothing half-done blocks the real handover afterwards.
        failing.handedOver = false
        const { code } = await codeFor(order.id)
        const real = await attempt(
          api.post(`/pickup-staff/assignments/${a.id}/handover`, { code }, { headers: staffA })
        )
        expect(real.status, JSON.stringify(real.data)).toBe(200)
        expect(real.data.pickup.status).toBe("collected")
        expect((await medusaOrder(order.id)).capturedFen).toBe(fen(order.total))
      })

      it("check-in failing at its last step leaves the batch arrived, the orders placed and no shortage recorded", async () => {
        const order = await place([{ variant_id: apple, quantity: 2 }])
        const batch = await batchOf()
        await api.post(`/pickup-staff/batches/${batch.id}/arrive`, {}, { headers: staffA })
        failing.checkedIn = true
        const r = await attempt(
          api.post(
            `/pickup-staff/batches/${batch.id}/check-in`,
            { shortages: [{ variant_id: apple, missing_quantity: 1 }] },
            { headers: staffA }
          )
        )
        // The injected fault, not a refusal of the request: a 4xx would leave the same state behind.
        expect(r.status).toBe(500)
        expect((await batchOf()).status).toBe("arrived")
        const a = await assignmentOf(order.id)
        expect(a.status).toBe("placed")
        expect(a.hold_expires_at).toBeNull()
        expect(a.lines[0]).toMatchObject({ short_quantity: 0, refund_fen: 0 })
        expect(await svc().listPickupShortages({ batch_id: batch.id })).toEqual([])
        failing.checkedIn = false
        const ok = await api.post(`/pickup-staff/batches/${batch.id}/check-in`, { shortages: [] }, { headers: staffA })
        expect(ok.data.batch.status).toBe("ready")
      })

      it("settle-pickup-shortage failing at its last step leaves the line unsettled, the collection and the ledger as they were", async () => {
        const order = await place([{ variant_id: apple, quantity: 2 }])
        await until(
          () => netOf(order.id, "accrued"),
          (n) => n !== 0
        )
        await arriveAndCheckIn()
        const a = await assignmentOf(order.id)
        // A shortage written straight onto the line, so that no automatic settlement races this test's runs.
        await svc().updatePickupLines([
          { id: a.lines[0].id, short_quantity: 1, refund_fen: E2E.products.apple.priceFen },
        ])
        const ledgerBefore = await nonZeroBalances(order.id)
        failing.shortageSettled = true
        const { errors } = await wf
          .settlePickupShortageWorkflow(getContainer())
          .run({ input: { assignment_id: a.id }, throwOnError: false })
        expect(errors.map((e: any) => String(e.error?.message))).toEqual(
          expect.arrayContaining([expect.stringMatching(/injected failure/)])
        )
        const unsettled = await assignmentOf(order.id)
        expect(unsettled.lines[0].settled_short_quantity).toBe(0)
        expect(unsettled.collect_reduction_fen).toBe(0)
        expect(await nonZeroBalances(order.id)).toEqual(ledgerBefore)

        failing.shortageSettled = false
        const { errors: none } = await wf
          .settlePickupShortageWorkflow(getContainer())
          .run({ input: { assignment_id: a.id }, throwOnError: false })
        expect(none).toEqual([])
        const settled = await assignmentOf(order.id)
        expect(settled.lines[0].settled_short_quantity).toBe(1)
        expect(settled.collect_reduction_fen).toBe(E2E.products.apple.priceFen)
      })
    })

    describe("counter routes", () => {
      it("arrive twice answers 200 both times; check-in twice answers 409 with a clear message", async () => {
        await place([{ variant_id: apple, quantity: 1 }])
        const batch = await batchOf()
        const first = await api.post(`/pickup-staff/batches/${batch.id}/arrive`, {}, { headers: staffA })
        const second = await api.post(`/pickup-staff/batches/${batch.id}/arrive`, {}, { headers: staffA })
        expect([first.status, first.data.already_arrived]).toEqual([200, false])
        expect([second.status, second.data.already_arrived, second.data.batch.status]).toEqual([200, true, "arrived"])
        expect(second.data.batch.arrived_at).toBe(first.data.batch.arrived_at)
        await api.post(`/pickup-staff/batches/${batch.id}/check-in`, { shortages: [] }, { headers: staffA })
        const again = await attempt(
          api.post(`/pickup-staff/batches/${batch.id}/check-in`, { shortages: [] }, { headers: staffA })
        )
        expect(again.status).toBe(409)
        expect(again.data.message).toMatch(/已经验收|checked in already/)
        const arriveAfterReady = await api.post(`/pickup-staff/batches/${batch.id}/arrive`, {}, { headers: staffA })
        expect([arriveAfterReady.status, arriveAfterReady.data.batch.status]).toEqual([200, "ready"])
      })

      it("two check-ins of one batch at the same moment: one 200, the other the documented 409, one set of shortages", async () => {
        const order = await place([{ variant_id: apple, quantity: 3 }])
        const batch = await batchOf()
        await api.post(`/pickup-staff/batches/${batch.id}/arrive`, {}, { headers: staffA })
        const results = await Promise.all(
          [1, 2].map((missing) =>
            attempt(
              api.post(
                `/pickup-staff/batches/${batch.id}/check-in`,
                { shortages: [{ variant_id: apple, missing_quantity: missing }] },
                { headers: staffA }
              )
            )
          )
        )
        expect(results.map((r) => r.status).sort()).toEqual([200, 409])
        const loser = results.find((r) => r.status === 409)!
        expect(loser.data).toMatchObject({ type: "conflict", message: expect.stringContaining("这批货已经验收过了") })
        const winner = results.find((r) => r.status === 200)!
        const missing = winner.data.shortages[0].short_quantity
        const shortages = await svc().listPickupShortages({ batch_id: batch.id })
        expect(shortages.map((s: any) => s.missing_quantity)).toEqual([missing])
        const line = (await assignmentOf(order.id)).lines[0]
        expect(Number(line.short_quantity)).toBe(missing)
        expect((await batchOf()).status).toBe("ready")
      })

      it("today: the batches that matter at the point, most urgent first, with counts", async () => {
        await place([{ variant_id: apple, quantity: 1 }])
        await place([{ variant_id: apple, quantity: 1 }], ids.farCycle)
        const { data } = await api.get(`/pickup-staff/points/${ids.pointA}/today`, { headers: staffA })
        expect(data.point).toMatchObject({
          id: ids.pointA,
          code: "HZ-GT-1",
          office: { id: ids.officeA, compound_name: "柜台小区" },
        })
        const mine = data.batches.find((b: any) => b.cycle.id === ids.cycle)
        expect(mine).toMatchObject({
          batch: { status: "open" },
          counts: { placed: 1, ready: 0, collected: 0, uncollected: 0, canceled: 0 },
          short_lines: 0,
        })
        expect(mine.cycle).toMatchObject({ kind: "special" })
        expect(mine.cycle.pickup_start_at).toBeTruthy()
        // Pickup in five days: not today's business.
        expect(data.batches.find((b: any) => b.cycle.id === ids.farCycle)).toBeUndefined()
        expect(data.uncollected_pending).toBe(0)

        await arriveAndCheckIn([{ variant_id: apple, missing_quantity: 1 }])
        const { data: later } = await api.get(`/pickup-staff/points/${ids.pointA}/today`, { headers: staffA })
        expect(later.batches[0]).toMatchObject({
          batch: { status: "ready" },
          counts: { placed: 0, ready: 1 },
          short_lines: 1,
        })
        const bad = await attempt(
          api.get(`/pickup-staff/points/${ids.pointA}/today?when=yesterday`, { headers: staffA })
        )
        expect(bad.status).toBe(400)
      })

      it("uncollected list and disposal: once, double tap 200, different 409, only for uncollected", async () => {
        const order = await place([{ variant_id: apple, quantity: 1 }])
        await arriveAndCheckIn()
        const a = await assignmentOf(order.id)
        const early = await attempt(
          api.post(`/pickup-staff/assignments/${a.id}/disposal`, { policy: "donate" }, { headers: staffA })
        )
        expect(early.status).toBe(400)
        expect((await api.get(`/pickup-staff/points/${ids.pointA}/uncollected`, { headers: staffA })).data.count).toBe(
          0
        )

        await wf
          .expirePickupHoldsWorkflow(getContainer())
          .run({ input: { now: new Date(new Date(a.hold_expires_at).getTime() + 1000) } })
        const { data: list } = await api.get(`/pickup-staff/points/${ids.pointA}/uncollected?limit=10`, {
          headers: staffA,
        })
        expect(list).toMatchObject({ count: 1, offset: 0, limit: 10 })
        expect(list.assignments[0]).toMatchObject({
          id: a.id,
          order_id: order.id,
          bag_number: a.bag_number,
          masked_name: "王**",
          phone_last4: "8000",
          status: "uncollected",
          policy: "donate",
          disposal: null,
        })
        expect(typeof list.assignments[0].display_id).toBe("number")
        expect(
          (await api.get(`/pickup-staff/points/${ids.pointA}/today`, { headers: staffA })).data.uncollected_pending
        ).toBe(1)

        const tooLong = await attempt(
          api.post(
            `/pickup-staff/assignments/${a.id}/disposal`,
            { policy: "dispose", note: "长".repeat(201) },
            { headers: staffA }
          )
        )
        expect(tooLong.status).toBe(400)
        expect(tooLong.data.message).toMatch(/note/)
        const badPolicy = await attempt(
          api.post(`/pickup-staff/assignments/${a.id}/disposal`, { policy: "eat" }, { headers: staffA })
        )
        expect(badPolicy.status).toBe(400)
        expect(badPolicy.data.message).toMatch(/policy/)

        const body = { policy: "sell_off", note: "晚上八点半折价卖给保安" }
        const first = await api.post(`/pickup-staff/assignments/${a.id}/disposal`, body, { headers: staffA })
        expect(first.status).toBe(200)
        expect(first.data).toMatchObject({ created: true, disposal: { policy: "sell_off", note: body.note } })
        const tap = await api.post(`/pickup-staff/assignments/${a.id}/disposal`, body, { headers: staffA })
        expect(tap.status).toBe(200)
        expect(tap.data).toMatchObject({ created: false, disposal: { disposed_at: first.data.disposal.disposed_at } })
        const other = await attempt(
          api.post(`/pickup-staff/assignments/${a.id}/disposal`, { policy: "dispose" }, { headers: staffA })
        )
        expect(other.status).toBe(409)
        expect(other.data.message).toMatch(/already disposed/)

        const { data: after } = await api.get(`/pickup-staff/points/${ids.pointA}/uncollected`, { headers: staffA })
        expect(after.assignments[0].disposal).toMatchObject({ policy: "sell_off", note: body.note })
        expect(after.assignments[0].disposal.staff_id).toBe(ids.staffA)
        expect(
          (await api.get(`/pickup-staff/points/${ids.pointA}/today`, { headers: staffA })).data.uncollected_pending
        ).toBe(0)
        const { data: detail } = await api.get(`/pickup-staff/assignments/${a.id}`, { headers: staffA })
        expect(detail.pickup.disposal).toMatchObject({ policy: "sell_off" })

        // Staff of another point see none of it.
        expect(
          (await attempt(api.get(`/pickup-staff/points/${ids.pointA}/uncollected`, { headers: staffB }))).status
        ).toBe(404)
        expect(
          (await attempt(api.post(`/pickup-staff/assignments/${a.id}/disposal`, body, { headers: staffB }))).status
        ).toBe(404)
      })
    })
  },
})
