import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  DEMO_HISTORY,
  DEMO_OFFICE_LISTINGS,
  DEMO_PICKUP_NETWORK,
  listingHandle,
  seed,
  shanghaiAt,
  shanghaiDay,
} from "@lianxin/seed"
import { placeOrder, variantIdByHandle } from "../helpers/checkout"

// The app loads the plugin with Node's require: use those same module instances.
const nodeRequire = createRequire(import.meta.url)
const { setClock } = nodeRequire("@lianxin/plugin/utils/clock")
const weeklyStatements = nodeRequire("@lianxin/plugin/jobs/generate-weekly-statements").default

const DAY = 24 * 3600_000

/**
 * `npm start` seeds the demo scenario at whatever hour someone tries it: the
 * demo must take orders at every one of its points whenever it was seeded.
 * Each test pins the clock (the plugin's clock seam, seen by every route,
 * workflow and hook), seeds `demo` at that instant on a fresh database, and
 * places a guest order at every demo point in the cycle the shop offers first.
 * The clocks are a week back: the ledger refuses statements for periods that
 * have not ended, so a pinned clock never runs ahead of the real one.
 */
const day = shanghaiDay(new Date(Date.now() - 7 * DAY))
const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() // 0 = Sunday
const monday = shanghaiDay(new Date(Date.parse(`${day}T04:00:00Z`) - ((weekday + 6) % 7) * DAY))
const at = (ymd: string, hhmm: string) => shanghaiAt(new Date(`${ymd}T04:00:00Z`), 0, hhmm)

const CLOCKS: Array<{ label: string; now: Date; statements?: boolean }> = [
  { label: `${day} 09:00`, now: at(day, "09:00") },
  { label: `${day} 21:59 (a minute before the 22:00 cutoff)`, now: at(day, "21:59") },
  { label: `${day} 22:01 (just after the cutoff)`, now: at(day, "22:01") },
  { label: `${day} 23:59`, now: at(day, "23:59") },
  { label: `Monday ${monday} 01:00 (weekly statements run)`, now: at(monday, "01:00"), statements: true },
]

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    afterEach(() => setClock(getContainer(), () => new Date()))

    for (const clock of CLOCKS) {
      it(`seeded at ${clock.label} Asia/Shanghai, the demo takes an order at every point`, {
        timeout: 300_000,
      }, async () => {
        const container = getContainer()
        setClock(container, clock.now)
        const { publishableKey, applied } = await seed(container, "demo", { now: clock.now })
        expect(applied).toBe(true)
        if (clock.statements) await weeklyStatements(container)
        const pub = { "x-publishable-api-key": publishableKey }
        const query = container.resolve(ContainerRegistrationKeys.QUERY) as any

        // The offices' listings are approved and on sale, and the history's checked-in orders are traced to their
        // harvest batches (产地批次 on the order page, Admin's 产地批次).
        for (const l of DEMO_OFFICE_LISTINGS) {
          const { data: products } = await query.graph({
            entity: "product",
            fields: [
              "id",
              "status",
              "metadata",
              "listing.status",
              "listing.harvest_batches.certificate_no",
              "attribution.cooperative_id",
            ],
            filters: { handle: listingHandle(l) },
          })
          expect(products, l.title).toHaveLength(1)
          expect(products[0]).toMatchObject({ status: "published", listing: { status: "approved" } })
          // The producer and village show on the product page; a cooperative member's cooperative takes its share.
          const { data: hh } = await query.graph({
            entity: "household",
            fields: ["cooperative_id", "village.name"],
            filters: { code: l.householdCode },
          })
          expect(products[0].metadata).toMatchObject({ household_code: l.householdCode, village: hh[0].village.name })
          expect(products[0].attribution.cooperative_id).toBe(hh[0].cooperative_id ?? null)
          expect(products[0].listing.harvest_batches.map((b: any) => b.certificate_no)).toEqual([
            l.harvest.certificateNo,
          ])
          const { data: traced } = await query.graph({
            entity: "harvest_allocation",
            fields: ["order_id", "quantity"],
            filters: { product_id: products[0].id },
          })
          expect(traced.length, `${l.title}: traced order lines`).toBeGreaterThan(0)
        }

        // History lives in past cycles only: 8 collected, 2 ready, 2 waiting for today's delivery.
        const { data: history } = await query.graph({
          entity: "order",
          fields: ["id", "pickup_assignment.status", "pickup_assignment.batch.cycle.resident_cutoff_at"],
        })
        expect(history).toHaveLength(DEMO_HISTORY.orders.length)
        const statuses = history.map((o: any) => o.pickup_assignment.status).sort()
        expect(statuses).toEqual(
          [
            ...Array(DEMO_HISTORY.collected).fill("collected"),
            ...Array(DEMO_HISTORY.ready).fill("ready"),
            ...Array(DEMO_HISTORY.orders.length - DEMO_HISTORY.collected - DEMO_HISTORY.ready).fill("placed"),
          ].sort()
        )
        for (const o of history) {
          expect(new Date(o.pickup_assignment.batch.cycle.resident_cutoff_at).getTime()).toBeLessThan(
            clock.now.getTime()
          )
        }

        const { data: list } = await api.get("/store/pickup-points?limit=100", { headers: pub })
        const apple = await variantIdByHandle(api, publishableKey, "fuji-apple-luochuan")
        for (const { point } of DEMO_PICKUP_NETWORK) {
          const id = list.pickup_points.find((p: any) => p.code === point.code)?.id
          expect(id, point.code).toMatch(/^ppt_/)
          // The cycle offered first is open now (cutoff ahead, places left), and availability says the same.
          const { data: offered } = await api.get(`/store/pickup-points/${id}/cycles`, { headers: pub })
          const next = offered.order_cycles[0]
          expect(next, `${point.code}: a cycle is offered`).toBeDefined()
          expect(new Date(next.resident_cutoff_at).getTime()).toBeGreaterThan(clock.now.getTime())
          expect(next.places_left.ambient).toBeGreaterThan(0)
          const { data: availability } = await api.get(`/store/pickup-points/${id}/availability`, { headers: pub })
          expect(availability.availability).toMatchObject({ open: true, reason: null, order_cycle_id: next.id })
          // The nearest cutoff: today's 22:00 until it passes, then tomorrow's.
          const cutoffDay = clock.now.getTime() < at(shanghaiDay(clock.now), "22:00").getTime() ? 0 : 1
          expect(new Date(next.resident_cutoff_at).toISOString()).toBe(
            shanghaiAt(clock.now, cutoffDay, "22:00").toISOString()
          )

          const order = await placeOrder(api, publishableKey, [{ variant_id: apple, quantity: 1 }], {
            email: `demo-${point.code.toLowerCase()}@any-hour.test`,
            pickup_point_id: id,
            order_cycle_id: next.id,
          })
          const { data } = await query.graph({
            entity: "order",
            fields: [
              "id",
              "pickup_assignment.status",
              "pickup_assignment.order_cycle_id",
              "pickup_assignment.pickup_point_id",
            ],
            filters: { id: order.id },
          })
          expect(data[0].pickup_assignment).toMatchObject({
            status: "placed",
            order_cycle_id: next.id,
            pickup_point_id: id,
          })
        }
      })
    }
  },
})
