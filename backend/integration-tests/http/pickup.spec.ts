import { createRequire } from "node:module"
import { expectLedgerBalanced } from "../helpers/ledger"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { seed, E2E } from "@lianxin/seed"
import { createAdminSession } from "../helpers/admin"
import { variantIdByHandle } from "../helpers/checkout"
import { createHouseholdOwning } from "../helpers/households"
import { createCycle, createOffice, createPoint, createStaff } from "../helpers/pickup-network"
import { attempt, createResident, pickupCheckout, placePickupOrder, type Headers } from "../helpers/pickup-staff"
import { until } from "../helpers/wait"

// The app loads the plugin with Node's require: use that same module instance.
const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")

const HOUR = 3600_000
const fen = (v: unknown) => Math.round(Number(v) * 100)

medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer }) => {
    afterEach(() => expectLedgerBalanced(getContainer()))

    let key: string
    let admin: Headers
    let residentA: { email: string; headers: Headers }
    let residentB: { email: string; headers: Headers }
    let staffA1: Headers
    let staffA2: Headers
    let staffB: Headers
    const ids = { pointA: "", pointB: "", pointFull: "", cycle: "", officeA: "" }
    let apple: string
    let orange: string

    const svc = () => getContainer().resolve("pickup") as any
    const ledger = () => getContainer().resolve("revenueShare") as any

    beforeAll(async () => {
      const container = getContainer()
      key = (await seed(container, "e2e")).publishableKey
      admin = (await createAdminSession(api, container)).headers

      // Apples and oranges: one household owns every share, so the ledger accrues to it.
      await createHouseholdOwning(container, api, key, {
        village: { code: "PK-ZT", name: "自提村", township: "自提镇", county: "自提县", province: "浙江省" },
        household: { code: "PK-ZT-001", display_name: "甲" },
        handles: [E2E.products.apple.handle, E2E.products.orange.handle],
      })
      apple = await variantIdByHandle(api, key, E2E.products.apple.handle)
      orange = await variantIdByHandle(api, key, E2E.products.orange.handle)

      ids.officeA = await createOffice(api, admin, {
        compound_name: "幸福小区",
        city: "杭州市",
        address: "杭州市某路 1 号",
      })
      const officeB = await createOffice(api, admin, {
        compound_name: "和平小区",
        city: "宁波市",
        address: "宁波市某路 1 号",
      })
      ids.pointA = await createPoint(api, admin, ids.officeA, "HZ-XF-1")
      ids.pointB = await createPoint(api, admin, officeB, "NB-HP-1")
      ids.pointFull = await createPoint(api, admin, ids.officeA, "HZ-XF-2", { ambient: 1 })
      ids.cycle = await createCycle(api, admin, { name: "明日达" })

      staffA1 = await createStaff(api, admin, "a1@pickup.test", [ids.pointA, ids.pointFull])
      staffA2 = await createStaff(api, admin, "a2@pickup.test", [ids.pointA])
      staffB = await createStaff(api, admin, "b1@pickup.test", [ids.pointB])

      residentA = await createResident(api, key, "resident-a@pickup.test")
      residentB = await createResident(api, key, "resident-b@pickup.test")
    })

    const choiceA = () => ({ pickup_point_id: ids.pointA, order_cycle_id: ids.cycle })

    async function placeAtA(lines: Array<{ variant_id: string; quantity: number }>, who = residentA) {
      return (await placePickupOrder(api, who.headers, lines, choiceA())).order
    }

    async function assignmentOf(orderId: string) {
      const [a] = await svc().listPickupAssignments({ order_id: orderId }, { take: 1, relations: ["lines"] })
      return a
    }

    async function codeFor(orderId: string, who = residentA) {
      const { data } = await api.post(`/store/pickup-orders/${orderId}/code`, {}, { headers: who.headers })
      return data.pickup_code as { code: string; qr_token: string }
    }

    /** Staff of point A take the batch in: arrived, then checked in with these shortages. */
    async function arriveAndCheckIn(shortages: Array<{ variant_id: string; missing_quantity: number }> = []) {
      const { data } = await api.get(`/pickup-staff/points/${ids.pointA}/batches`, { headers: staffA1 })
      const batch = data.batches.find((b: any) => b.cycle_id === ids.cycle)
      await api.post(`/pickup-staff/batches/${batch.id}/arrive`, {}, { headers: staffA1 })
      const { data: checked } = await api.post(
        `/pickup-staff/batches/${batch.id}/check-in`,
        { shortages },
        { headers: staffA1 }
      )
      return { batchId: batch.id as string, checked }
    }

    describe("checkout", () => {
      it("places the order at the chosen point and cycle, with a bag number and a code only as a hash", async () => {
        const order = await placeAtA([{ variant_id: apple, quantity: 1 }])
        const a = await assignmentOf(order.id)
        expect(a).toMatchObject({
          pickup_point_id: ids.pointA,
          order_cycle_id: ids.cycle,
          status: "placed",
          bag_number: 1,
        })
        expect(a.code_hash).toMatch(/^[0-9a-f]{64}$/)
        expect(a.resident_name_masked).toBe("王**")
        expect(a.phone_last4).toBe("8000")

        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({
          entity: "customer",
          fields: ["id", "pickup_point.id"],
          filters: { email: residentA.email },
        })
        expect(data[0].pickup_point.id).toBe(ids.pointA)

        const { readOrderPickupPoint } = wf
        expect(await readOrderPickupPoint(query, order.id)).toEqual({
          pickup_point_id: ids.pointA,
          property_office_id: ids.officeA,
        })

        // The first request shows the placement code (decision 014), the next one issues a new code.
        const { data: code } = await api.post(
          `/store/pickup-orders/${order.id}/code`,
          {},
          { headers: residentA.headers }
        )
        expect(code.pickup_code.code).toMatch(/^\d{8}$/)
        const shown = await assignmentOf(order.id)
        expect(shown.code_hash).toBe(a.code_hash)
        const { data: next } = await api.post(
          `/store/pickup-orders/${order.id}/code`,
          {},
          { headers: residentA.headers }
        )
        const after = await assignmentOf(order.id)
        expect(after.code_hash).not.toBe(a.code_hash)
        // Stored only as a hash and a sealed copy: the digits appear nowhere in the row.
        for (const row of [shown, after]) {
          expect(JSON.stringify(row)).not.toContain(code.pickup_code.code)
          expect(JSON.stringify(row)).not.toContain(next.pickup_code.code)
        }
      })

      it("a checkout racing the cutoff is refused with a clear message and creates no order", async () => {
        const r = await pickupCheckout(
          api,
          residentA.headers,
          [{ variant_id: apple, quantity: 1 }],
          choiceA(),
          async () => {
            // The cutoff passes while the resident is on the payment page.
            const past = new Date(Date.now() - 1000).toISOString()
            await api.post(
              `/admin/pickup-cycles/${ids.cycle}`,
              { producer_cutoff_at: past, resident_cutoff_at: past },
              { headers: admin }
            )
          }
        )
        expect(r.type).toBe("cart")
        expect((r as any).error).toMatchObject({ status: 409, code: "cutoff_passed" })
        expect((r as any).error.message).toMatch(/截单/)
        // The refusal names the next cycle open at the point (the seed's daily cycles), never the closed one.
        expect((r as any).error.next_order_cycle?.id).toMatch(/^pcyc_/)
        expect((r as any).error.next_order_cycle.id).not.toBe(ids.cycle)
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({
          entity: "order_cart",
          fields: ["order_id"],
          filters: { cart_id: r.cart_id },
        })
        expect(data.filter((d: any) => d.order_id)).toEqual([])
        expect(await svc().listPickupAssignments({ cart_id: r.cart_id })).toEqual([])
      })

      it("a full point refuses the next order (never moved elsewhere), and no order is created", async () => {
        const choice = { pickup_point_id: ids.pointFull, order_cycle_id: ids.cycle }
        // B's cart chose the last place; A takes it while B is on the payment page.
        const second = await pickupCheckout(
          api,
          residentB.headers,
          [{ variant_id: apple, quantity: 1 }],
          choice,
          async () => {
            const first = await pickupCheckout(api, residentA.headers, [{ variant_id: apple, quantity: 1 }], choice)
            expect(first.type).toBe("order")
          }
        )
        expect(second.type).toBe("cart")
        expect((second as any).error).toMatchObject({ status: 409, code: "point_full" })
        expect((second as any).error.message).toMatch(/已满/)
        expect((second as any).error.next_order_cycle?.id).not.toBe(ids.cycle)
        expect(await svc().listPickupAssignments({ cart_id: second.cart_id })).toEqual([])
        const [batch] = await svc().listPickupBatches({ point_id: ids.pointFull })
        expect(batch.reserved_ambient).toBe(1)
        // The cycle is still offered for chilled orders only (its chilled places are free), and choosing it for
        // this ambient cart is refused the same way, naming the next cycle with an ambient place.
        const { data } = await api.get(`/store/pickup-points/${ids.pointFull}/cycles`, {
          headers: { "x-publishable-api-key": key },
        })
        expect(data.order_cycles.find((c: any) => c.id === ids.cycle)?.places_left).toEqual({ chilled: 5, ambient: 0 })
        const again = await attempt(
          api.post(`/store/carts/${second.cart_id}/pickup`, choice, { headers: residentB.headers })
        )
        expect(again.status).toBe(409)
        const nextAmbient = data.order_cycles.find((c: any) => c.places_left.ambient > 0)
        expect(again.data).toMatchObject({ code: "point_full", next_order_cycle: { id: nextAmbient.id } })
      })

      it("refuses a cart without a chosen point once pickup points exist; bad choices are 400 naming the field", async () => {
        const bad = await attempt(
          api.post(`/store/carts/cart_x/pickup`, { pickup_point_id: "nope" }, { headers: residentA.headers })
        )
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/pickup_point_id/)
        const extra = await attempt(
          api.post(
            `/store/carts/cart_x/pickup`,
            { pickup_point_id: ids.pointA, locale: "zh" },
            { headers: residentA.headers }
          )
        )
        expect(extra.status).toBe(400)
      })
    })

    describe("handover", () => {
      it("two staff handing over the same code at the same moment: exactly one succeeds", async () => {
        const order = await placeAtA([{ variant_id: apple, quantity: 2 }])
        const { code } = await codeFor(order.id)
        await arriveAndCheckIn()
        const a = await assignmentOf(order.id)
        const results = await Promise.all(
          [staffA1, staffA2].map((h) =>
            attempt(api.post(`/pickup-staff/assignments/${a.id}/handover`, { code }, { headers: h }))
          )
        )
        expect(results.map((r) => r.status).sort()).toEqual([200, 409])
        expect(await svc().listPickupHandovers({ assignment_id: a.id })).toHaveLength(1)
        // Single use: the same code again is refused.
        const again = await attempt(
          api.post(`/pickup-staff/assignments/${a.id}/handover`, { code }, { headers: staffA1 })
        )
        expect(again.status).toBe(409)
        // Looked up again at the counter, the used code finds the collected order (not "wrong code").
        const used = await attempt(
          api.post(`/pickup-staff/points/${ids.pointA}/verify`, { code }, { headers: staffA1 })
        )
        expect(used.status).toBe(200)
        expect(used.data.pickup).toMatchObject({ id: a.id, status: "collected" })
        // Earned in the ledger at handover.
        const earned = await until(
          () => ledger().listLedgerEntries({ order_id: order.id, kind: "earning" }),
          (e: any[]) => e.length > 0
        )
        expect(earned.length).toBeGreaterThan(0)
      })

      it("a neighbour collects with the QR token (proxy, logged)", async () => {
        const order = await placeAtA([{ variant_id: apple, quantity: 1 }])
        const { qr_token } = await codeFor(order.id)
        await arriveAndCheckIn()
        const { data: found } = await api.post(
          `/pickup-staff/points/${ids.pointA}/verify`,
          { token: qr_token },
          { headers: staffA1 }
        )
        expect(found.pickup.order_id).toBe(order.id)
        const { data } = await api.post(
          `/pickup-staff/assignments/${found.pickup.id}/handover`,
          { token: qr_token, proxy: { name: "隔壁李阿姨" } },
          { headers: staffA2 }
        )
        expect(data.pickup.status).toBe("collected")
        expect(data.pickup.handovers[0]).toMatchObject({
          proxy: true,
          proxy_name: "隔壁李阿姨",
          method: "qr",
          kind: "full",
        })
      })

      it("brute-forcing a code locks the staff member and the order after 5 failures, and logs them", async () => {
        const order = await placeAtA([{ variant_id: apple, quantity: 1 }])
        const { code } = await codeFor(order.id)
        await arriveAndCheckIn()
        const a = await assignmentOf(order.id)
        const wrong = code === "00000000" ? "00000001" : "00000000"
        const statuses: number[] = []
        for (let i = 0; i < 5; i++) {
          statuses.push(
            (
              await attempt(
                api.post(`/pickup-staff/assignments/${a.id}/handover`, { code: wrong }, { headers: staffA1 })
              )
            ).status
          )
        }
        expect(statuses).toEqual([422, 422, 422, 422, 422])
        const locked = await attempt(
          api.post(`/pickup-staff/assignments/${a.id}/handover`, { code }, { headers: staffA1 })
        )
        expect(locked.status).toBe(429)
        expect(locked.data.locked_until).toBeTruthy()
        // The order itself is locked too: another staff member with the right code waits as well.
        const other = await attempt(
          api.post(`/pickup-staff/assignments/${a.id}/handover`, { code }, { headers: staffA2 })
        )
        expect(other.status).toBe(429)
        // Looking the order up by its code (no order named) does not answer while it is locked either.
        const lookup = await attempt(
          api.post(`/pickup-staff/points/${ids.pointA}/verify`, { code }, { headers: staffA2 })
        )
        expect([lookup.status, lookup.data.pickup]).toEqual([429, undefined])
        expect(lookup.data.locked_until).toBeTruthy()
        const failures = await svc().listPickupCodeFailures({ assignment_id: a.id }, { take: 100 })
        expect(failures.length).toBeGreaterThanOrEqual(7)
        expect(JSON.stringify(failures)).not.toContain(wrong)
        expect((await assignmentOf(order.id)).status).toBe("ready")
      })
    })

    describe("shortages", () => {
      it("shares a shortage pro rata, refunds before pickup, and reverses the ledger only for what was not delivered", async () => {
        const o1 = await placeAtA(
          [
            { variant_id: apple, quantity: 2 },
            { variant_id: orange, quantity: 1 },
          ],
          residentA
        )
        const o2 = await placeAtA([{ variant_id: apple, quantity: 1 }], residentB)
        const o3 = await placeAtA([{ variant_id: apple, quantity: 1 }], residentB)
        // o1 was paid online (captured); o2 and o3 pay at pickup.
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: orders } = await query.graph({
          entity: "order",
          fields: ["id", "payment_collections.payments.id"],
          filters: { id: o1.id },
        })
        await capturePaymentWorkflow(getContainer()).run({
          input: { payment_id: orders[0].payment_collections[0].payments[0].id },
        })
        await until(
          () => ledger().listLedgerEntries({ order_id: [o1.id, o2.id, o3.id], kind: "accrual" }, { take: 1000 }),
          (e: any[]) => new Set(e.map((x: any) => x.order_id)).size === 3
        )

        const { checked } = await arriveAndCheckIn([{ variant_id: apple, missing_quantity: 2 }])
        const shortByOrder = Object.fromEntries(checked.shortages.map((s: any) => [s.order_id, s.short_quantity]))
        const totalShort = checked.shortages.reduce((s: number, x: any) => s + x.short_quantity, 0)
        expect(totalShort).toBe(2)
        expect(shortByOrder[o1.id] ?? 0).toBeLessThanOrEqual(2)
        expect(shortByOrder[o2.id] ?? 0).toBeLessThanOrEqual(1)
        expect(shortByOrder[o3.id] ?? 0).toBeLessThanOrEqual(1)

        const settled = async (orderId: string) =>
          until(
            () => assignmentOf(orderId),
            // Settled to the end: the claim is the first step, the amounts come after it.
            (a: any) =>
              a.lines.every((l: any) => l.settled_short_quantity === l.short_quantity) &&
              a.refunded_fen + a.collect_reduction_fen === a.lines.reduce((s: number, l: any) => s + l.refund_fen, 0)
          )
        for (const o of [o1, o2, o3]) {
          const a = await settled(o.id)
          const expectedFen = (shortByOrder[o.id] ?? 0) * E2E.products.apple.priceFen
          if (o.id === o1.id) {
            expect(a.refunded_fen).toBe(expectedFen)
            expect(a.collect_reduction_fen).toBe(0)
          } else {
            expect(a.collect_reduction_fen).toBe(expectedFen)
            expect(a.refunded_fen).toBe(0)
          }
          const reversals = await until(
            () =>
              ledger().listLedgerEntries(
                { order_id: o.id, kind: "reversal", account: "resident_payments" },
                { take: 100 }
              ),
            (r: any[]) => r.reduce((s: number, e: any) => s + Number(e.amount), 0) === expectedFen
          )
          expect(reversals.reduce((s: number, e: any) => s + Number(e.amount), 0)).toBe(expectedFen)
          expect(reversals.every((e: any) => e.reason === "shortage")).toBe(true)
        }
        // The paid order got a real refund on its payment.
        const { data: refunded } = await query.graph({
          entity: "order",
          fields: ["id", "payment_collections.payments.refunds.amount"],
          filters: { id: o1.id },
        })
        const refundFen = refunded[0].payment_collections[0].payments[0].refunds.reduce(
          (s: number, r: any) => s + fen(r.amount),
          0
        )
        expect(refundFen).toBe((shortByOrder[o1.id] ?? 0) * E2E.products.apple.priceFen)

        // Replaying the settlement changes nothing.
        await wf
          .settlePickupShortageWorkflow(getContainer())
          .run({ input: { assignment_id: (await assignmentOf(o1.id)).id } })
        expect((await assignmentOf(o1.id)).refunded_fen).toBe(refundFen)

        // Handing over what arrived earns exactly the rest.
        const { code } = await codeFor(o1.id)
        const a1 = await assignmentOf(o1.id)
        const { data: handed } = await api.post(
          `/pickup-staff/assignments/${a1.id}/handover`,
          { code },
          { headers: staffA1 }
        )
        expect(handed.kind).toBe(shortByOrder[o1.id] ? "partial" : "full")
        expect(handed.amount_to_collect_fen).toBe(0)
        const balances = await until(
          () => ledger().lineBalances(o1.id),
          (b: any[]) => b.some((x) => x.account === "earned")
        )
        const earned = Math.abs(
          balances.filter((b: any) => b.account === "earned").reduce((s: number, b: any) => s + b.net, 0)
        )
        expect(earned).toBe(fen(o1.total) - refundFen)
        const accruedLeft = balances
          .filter((b: any) => b.account === "accrued")
          .reduce((s: number, b: any) => s + b.net, 0)
        expect(accruedLeft).toBe(0)
      })

      it("check-in input is validated: an unknown variant or too many missing is a 400 naming the field", async () => {
        await placeAtA([{ variant_id: apple, quantity: 1 }])
        const { data } = await api.get(`/pickup-staff/points/${ids.pointA}/batches`, { headers: staffA1 })
        const batchId = data.batches[0].id
        await api.post(`/pickup-staff/batches/${batchId}/arrive`, {}, { headers: staffA1 })
        const tooMany = await attempt(
          api.post(
            `/pickup-staff/batches/${batchId}/check-in`,
            { shortages: [{ variant_id: apple, missing_quantity: 5 }] },
            { headers: staffA1 }
          )
        )
        expect(tooMany.status).toBe(400)
        expect(tooMany.data.message).toMatch(/shortages\.0\.missing_quantity/)
        const negative = await attempt(
          api.post(
            `/pickup-staff/batches/${batchId}/check-in`,
            { shortages: [{ variant_id: apple, missing_quantity: -1 }] },
            { headers: staffA1 }
          )
        )
        expect(negative.status).toBe(400)
        expect(negative.data.message).toMatch(/shortages\.0\.missing_quantity/)
      })
    })

    describe("uncollected", () => {
      it("reminds before the hold expires, then marks the order uncollected with the point's policy (clock passed in)", async () => {
        const order = await placeAtA([{ variant_id: apple, quantity: 1 }])
        await arriveAndCheckIn()
        const a = await assignmentOf(order.id)
        const readyAt = new Date(a.ready_at).getTime()
        expect(new Date(a.hold_expires_at).getTime() - readyAt).toBe(72 * HOUR) // ambient

        const run = (at: number) => wf.expirePickupHoldsWorkflow(getContainer()).run({ input: { now: new Date(at) } })
        let { result } = await run(readyAt + 60 * HOUR)
        expect(result.reminded).toEqual([])
        ;({ result } = await run(readyAt + 69 * HOUR))
        expect(result.reminded.map((r: any) => r.id)).toEqual([a.id])
        ;({ result } = await run(readyAt + 70 * HOUR))
        expect(result.reminded).toEqual([])
        expect(await svc().listPickupNotifications({ assignment_id: a.id })).toHaveLength(1)
        ;({ result } = await run(readyAt + 72 * HOUR))
        expect(result.expired.map((r: any) => r.id)).toEqual([a.id])
        const after = await assignmentOf(order.id)
        expect(after).toMatchObject({ status: "uncollected", disposition: "donate" })
        const { code } = await attempt(
          api.post(`/store/pickup-orders/${order.id}/code`, {}, { headers: residentA.headers })
        ).then((r) => r.data.pickup_code ?? {})
        expect(code).toBeUndefined()
        // The household keeps its share: earned, not reversed.
        const entries = await until(
          () => ledger().listLedgerEntries({ order_id: order.id, kind: "earning" }),
          (e: any[]) => e.length > 0
        )
        expect(entries.length).toBeGreaterThan(0)
        expect(await ledger().listLedgerEntries({ order_id: order.id, kind: "reversal" })).toEqual([])
      })
    })

    describe("manifests", () => {
      it("pickup list and harvest list per batch, as JSON and CSV, with masked names", async () => {
        await placeAtA([{ variant_id: apple, quantity: 2 }])
        await placeAtA(
          [
            { variant_id: apple, quantity: 1 },
            { variant_id: orange, quantity: 1 },
          ],
          residentB
        )
        const { data } = await api.get(`/pickup-staff/points/${ids.pointA}/batches`, { headers: staffA1 })
        const batchId = data.batches[0].id
        const { data: list } = await api.get(`/pickup-staff/batches/${batchId}/manifest?kind=pickup`, {
          headers: staffA1,
        })
        expect(list.rows.map((r: any) => r.bag_number)).toEqual([1, 2])
        expect(list.rows[0]).toMatchObject({ resident: "王**", phone_last4: "8000" })
        expect(JSON.stringify(list)).not.toContain("13800138000")
        const { data: harvest } = await api.get(`/pickup-staff/batches/${batchId}/manifest?kind=harvest`, {
          headers: staffA1,
        })
        const appleRow = harvest.rows.find((r: any) => r.variant_id === apple)
        expect(appleRow.quantity).toBe(3)
        expect(appleRow.producer).toMatch(/^household:/)
        expect(appleRow).toMatchObject({ household_codes: "PK-ZT-001", household_names: "甲" })
        const harvestCsv = await api.get(`/pickup-staff/batches/${batchId}/manifest?kind=harvest&format=csv`, {
          headers: staffA1,
        })
        expect(harvestCsv.data).toContain(
          "household_ids,household_codes,household_names,cooperative_id,cooperative_name"
        )
        expect(harvestCsv.data).toMatch(/,PK-ZT-001,甲,/)
        const csv = await api.get(`/admin/pickup-batches/${batchId}/manifest?kind=pickup&format=csv`, {
          headers: admin,
        })
        expect(csv.headers["content-type"]).toMatch(/text\/csv/)
        expect(csv.data).toContain("bag_number,resident,phone_last4")
        const bad = await attempt(
          api.get(`/pickup-staff/batches/${batchId}/manifest?kind=everything`, { headers: staffA1 })
        )
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/kind/)
      })
    })

    describe("authorization", () => {
      it("resident, staff A, staff B and admin × every new route", async () => {
        const order = await placeAtA([{ variant_id: apple, quantity: 1 }])
        const a = await assignmentOf(order.id)
        const { data: batches } = await api.get(`/pickup-staff/points/${ids.pointA}/batches`, { headers: staffA1 })
        const batchId = batches.batches[0].id
        const staffId = (await svc().listPickupStaffs({ email: "a2@pickup.test" }))[0].id
        const pub = { "x-publishable-api-key": key }

        type Call = { name: string; method: "get" | "post"; url: string; body?: unknown; store?: boolean }
        const staffRoutes: Call[] = [
          { name: "staff me", method: "get", url: "/pickup-staff/me" },
          { name: "staff batches", method: "get", url: `/pickup-staff/points/${ids.pointA}/batches` },
          { name: "staff manifest", method: "get", url: `/pickup-staff/batches/${batchId}/manifest` },
          {
            name: "staff verify",
            method: "post",
            url: `/pickup-staff/points/${ids.pointA}/verify`,
            body: { code: "12345678" },
          },
          { name: "staff assignment", method: "get", url: `/pickup-staff/assignments/${a.id}` },
          {
            name: "staff handover",
            method: "post",
            url: `/pickup-staff/assignments/${a.id}/handover`,
            body: { code: "12345678" },
          },
          {
            name: "staff check-in",
            method: "post",
            url: `/pickup-staff/batches/${batchId}/check-in`,
            body: { shortages: [] },
          },
          { name: "staff arrive", method: "post", url: `/pickup-staff/batches/${batchId}/arrive`, body: {} },
          { name: "staff today", method: "get", url: `/pickup-staff/points/${ids.pointA}/today` },
          { name: "staff uncollected", method: "get", url: `/pickup-staff/points/${ids.pointA}/uncollected` },
          // Not uncollected yet: staff A gets a state error (400), never another point's 404.
          {
            name: "staff disposal",
            method: "post",
            url: `/pickup-staff/assignments/${a.id}/disposal`,
            body: { policy: "donate" },
          },
        ]
        const adminRoutes: Call[] = [
          { name: "admin offices", method: "get", url: "/admin/pickup-offices" },
          {
            name: "admin office update",
            method: "post",
            url: `/admin/pickup-offices/${ids.officeA}`,
            body: { phone: "0571-12345678" },
          },
          { name: "admin points", method: "get", url: "/admin/pickup-points" },
          {
            name: "admin point update",
            method: "post",
            url: `/admin/pickup-points/${ids.pointA}`,
            body: { capacity_ambient: 60 },
          },
          { name: "admin cycles", method: "get", url: "/admin/pickup-cycles" },
          {
            name: "admin cycle update",
            method: "post",
            url: `/admin/pickup-cycles/${ids.cycle}`,
            body: { name: "明日达（改）" },
          },
          { name: "admin staff", method: "get", url: "/admin/pickup-staff" },
          { name: "admin staff update", method: "post", url: `/admin/pickup-staff/${staffId}`, body: { name: "改名" } },
          { name: "admin manifest", method: "get", url: `/admin/pickup-batches/${batchId}/manifest` },
        ]
        const storeOwn: Call[] = [
          { name: "store pickup order", method: "get", url: `/store/pickup-orders/${order.id}`, store: true },
          {
            name: "store pickup code",
            method: "post",
            url: `/store/pickup-orders/${order.id}/code`,
            body: {},
            store: true,
          },
        ]
        const call = (c: Call, h: Headers) =>
          attempt(
            c.method === "get"
              ? api.get(c.url, { headers: { ...pub, ...h } })
              : api.post(c.url, c.body ?? {}, { headers: { ...pub, ...h } })
          )

        const seen: Record<string, Record<string, number>> = {}
        const record = (who: string, c: Call, status: number) => {
          seen[c.name] ??= {}
          seen[c.name][who] = status
        }
        for (const c of [...staffRoutes, ...adminRoutes, ...storeOwn]) {
          record("resident", c, (await call(c, residentA.headers)).status)
          record("otherResident", c, (await call(c, residentB.headers)).status)
          record("staffB", c, (await call(c, staffB)).status)
          record("admin", c, (await call(c, admin)).status)
          record("anonymous", c, (await call(c, {})).status)
        }
        // Staff A last: its calls move the batch along (arrive, check-in).
        for (const c of [...staffRoutes, ...adminRoutes, ...storeOwn])
          record("staffA", c, (await call(c, staffA1)).status)

        for (const c of staffRoutes) {
          expect([c.name, seen[c.name].resident]).toEqual([c.name, 401])
          expect([c.name, seen[c.name].admin]).toEqual([c.name, 401])
          expect([c.name, seen[c.name].anonymous]).toEqual([c.name, 401])
          expect([c.name, seen[c.name].staffB]).toEqual([c.name, c.name === "staff me" ? 200 : 404])
          // Staff A reaches every route (a wrong code is 422, handover before check-in is refused as a state error).
          expect([
            c.name,
            seen[c.name].staffA < 500 && seen[c.name].staffA !== 401 && seen[c.name].staffA !== 404,
          ]).toEqual([c.name, true])
        }
        for (const c of adminRoutes) {
          expect([c.name, seen[c.name].admin]).toEqual([c.name, 200])
          for (const who of ["resident", "staffA", "staffB", "anonymous"])
            expect([c.name, who, seen[c.name][who]]).toEqual([c.name, who, 401])
        }
        for (const c of storeOwn) {
          expect([c.name, seen[c.name].resident]).toEqual([c.name, c.method === "post" ? 201 : 200])
          expect([c.name, seen[c.name].otherResident]).toEqual([c.name, 404])
          for (const who of ["staffA", "staffB", "admin", "anonymous"])
            expect([c.name, who, seen[c.name][who]]).toEqual([c.name, who, 401])
        }
      })
    })
  },
})
