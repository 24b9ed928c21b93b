import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seed, E2E } from "@lianxin/seed"
import { createAdminSession } from "../helpers/admin"
import { variantIdByHandle } from "../helpers/checkout"
import { createHouseholdOwning } from "../helpers/households"
import { createCycle, createOffice, createPoint, createStaff, STAFF_PASSWORD } from "../helpers/pickup-network"
import { attempt, createResident, loginPickupStaff, placePickupOrder, type Headers } from "../helpers/pickup-staff"
import { until } from "../helpers/wait"

// The app loads the plugin with Node's require: use that same module instance.
const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")

const HOUR = 3600_000

/** Set by a test to make the change-order-cycle hook throw (one handler per hook, registered once). */
const failing = { cycleChanged: false }

/**
 * The pickup network's admin routes behind Medusa Admin's pages (docs/admin.md): closing and extending a cycle
 * with a notice to the residents concerned, batches with their check-in result, uncollected orders and their
 * disposal, an order's pickup for the order widget and reissuing its code, and resetting a staff password.
 */
medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer }) => {
    let key: string
    let admin: Headers
    let resident: { email: string; headers: Headers }
    let staff: Headers
    let apple: string
    const ids = { office: "", point: "", cycle: "" }

    const svc = () => getContainer().resolve("pickup") as any
    const sql = async (text: string, params: unknown[] = []) => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
      return (await pg.raw(text, params)).rows as any[]
    }
    const notices = (orderId: string) =>
      sql(
        `SELECT * FROM notify_message WHERE event = 'pickup.cycle_changed' AND resource_id = ? AND channel = 'in_app'`,
        [orderId]
      )

    beforeAll(async () => {
      const container = getContainer()
      key = (await seed(container, "e2e")).publishableKey
      admin = (await createAdminSession(api, container)).headers
      await createHouseholdOwning(container, api, key, {
        village: { code: "AP-ZT", name: "后台村", township: "后台镇", county: "后台县", province: "浙江省" },
        household: { code: "AP-ZT-001", display_name: "丙" },
        handles: [E2E.products.apple.handle],
      })
      apple = await variantIdByHandle(api, key, E2E.products.apple.handle)
      ids.office = await createOffice(api, admin, {
        compound_name: "后台小区",
        city: "杭州市",
        address: "杭州市某路 9 号",
      })
      ids.point = await createPoint(api, admin, ids.office, "HZ-HT-1")
      ids.cycle = await createCycle(api, admin, { name: "后台测试周期", rhythm: "special", pickupInHours: 20 })
      staff = await createStaff(api, admin, "admin-spec@pickup.test", [ids.point])
      resident = await createResident(api, key, "admin-resident@pickup.test")
      wf.changeOrderCycleWorkflow.hooks.cycleChanged(async () => {
        if (failing.cycleChanged) throw new Error("injected failure in cycleChanged")
      })
    })
    afterEach(() => {
      failing.cycleChanged = false
    })

    const place = async (cycleId = ids.cycle) =>
      (
        await placePickupOrder(api, resident.headers, [{ variant_id: apple, quantity: 1 }], {
          pickup_point_id: ids.point,
          order_cycle_id: cycleId,
        })
      ).order
    const cycle = async (id: string) => (await svc().listOrderCycles({ id }, { take: 1 }))[0]

    it("answers 401 without an admin session and 400 naming the field for bad input", async () => {
      const anon = [
        api.get("/admin/pickup-batches"),
        api.get("/admin/pickup-uncollected"),
        api.get("/admin/pickup-orders/order_x"),
        api.post(`/admin/pickup-cycles/${ids.cycle}/close`, {}),
        api.post(`/admin/pickup-cycles/${ids.cycle}/extend`, { resident_cutoff_at: new Date().toISOString() }),
        api.post("/admin/pickup-staff/pstf_x/password", { password: "a-long-password" }),
        api.post("/admin/pickup-uncollected/pasg_x/disposal", { policy: "donate" }),
        api.post("/admin/pickup-orders/order_x/code", {}),
      ]
      for (const r of await Promise.all(anon.map(attempt))) expect(r.status).toBe(401)
      // A staff member's token is not an operator's.
      expect((await attempt(api.get("/admin/pickup-batches", { headers: staff }))).status).toBe(401)

      const bad: [Promise<any>, RegExp][] = [
        [
          api.post(`/admin/pickup-cycles/${ids.cycle}/extend`, { resident_cutoff_at: "tomorrow" }, { headers: admin }),
          /resident_cutoff_at/,
        ],
        [api.post(`/admin/pickup-cycles/${ids.cycle}/extend`, {}, { headers: admin }), /resident_cutoff_at/],
        [api.post(`/admin/pickup-cycles/${ids.cycle}/close`, { when: "now" }, { headers: admin }), /when/],
        [api.post("/admin/pickup-staff/pstf_x/password", { password: "short" }, { headers: admin }), /password/],
        [api.post("/admin/pickup-uncollected/pasg_x/disposal", { policy: "burn" }, { headers: admin }), /policy/],
        [api.get("/admin/pickup-batches?point_id=nope", { headers: admin }), /point_id/],
        [api.get("/admin/pickup-uncollected?limit=1000", { headers: admin }), /limit/],
      ]
      for (const [req, field] of bad) {
        const r = await attempt(req)
        expect(r.status, JSON.stringify(r.data)).toBe(400)
        expect(r.data.message).toMatch(field)
      }
      expect((await attempt(api.get("/admin/pickup-orders/order_nope", { headers: admin }))).status).toBe(404)
    })

    it("extends and closes a cycle, each time with a notice to the residents with orders in it", async () => {
      const id = await createCycle(api, admin, { name: "可延长周期", rhythm: "special", pickupInHours: 30 })
      const order = await place(id)
      const before = await cycle(id)

      const later = new Date(new Date(before.resident_cutoff_at).getTime() + 3 * HOUR).toISOString()
      const { data: ext } = await api.post(
        `/admin/pickup-cycles/${id}/extend`,
        { resident_cutoff_at: later, reason: "冷链车晚到" },
        { headers: admin }
      )
      expect(new Date(ext.order_cycle.resident_cutoff_at).toISOString()).toBe(later)
      const first = await until(
        () => notices(order.id),
        (rows) => rows.length === 1
      )
      expect(first).toHaveLength(1)
      expect(first[0]).toMatchObject({ template: "cycle_changed", recipient_type: "customer" })
      expect(first[0].params).toMatchObject({ change: "extend", reason: "冷链车晚到", cycle: "可延长周期" })

      // Not earlier than today's cutoff: refused, nothing changes.
      const earlier = await attempt(
        api.post(
          `/admin/pickup-cycles/${id}/extend`,
          { resident_cutoff_at: before.resident_cutoff_at },
          { headers: admin }
        )
      )
      expect(earlier.status).toBe(400)
      expect(earlier.data.message).toMatch(/resident_cutoff_at/)

      const t0 = Date.now()
      const { data: closed } = await api.post(`/admin/pickup-cycles/${id}/close`, {}, { headers: admin })
      const cutoff = new Date(closed.order_cycle.resident_cutoff_at).getTime()
      expect(cutoff).toBeGreaterThanOrEqual(t0 - 1000)
      expect(cutoff).toBeLessThanOrEqual(Date.now() + 1000)
      const both = await until(
        () => notices(order.id),
        (rows) => rows.length === 2
      )
      expect(both.map((r) => r.params.change).sort()).toEqual(["close", "extend"])

      // Closed already: a second close is refused; the storefront no longer takes orders for it.
      expect((await attempt(api.post(`/admin/pickup-cycles/${id}/close`, {}, { headers: admin }))).status).toBe(400)
      await expect(place(id)).rejects.toThrow(/409|cutoff/)
    })

    it("rolls a cycle change back when a later step fails: the old cutoff stays, nobody is told", async () => {
      const id = await createCycle(api, admin, { name: "回滚周期", rhythm: "special", pickupInHours: 30 })
      const order = await place(id)
      const before = await cycle(id)
      failing.cycleChanged = true
      const r = await attempt(api.post(`/admin/pickup-cycles/${id}/close`, {}, { headers: admin }))
      expect(r.status).toBeGreaterThanOrEqual(400)
      const after = await cycle(id)
      expect(new Date(after.resident_cutoff_at).toISOString()).toBe(new Date(before.resident_cutoff_at).toISOString())
      expect(new Date(after.producer_cutoff_at).toISOString()).toBe(new Date(before.producer_cutoff_at).toISOString())
      failing.cycleChanged = false
      // The same close now goes through: the rollback left nothing half-done.
      await api.post(`/admin/pickup-cycles/${id}/close`, {}, { headers: admin })
      const rows = await until(
        () => notices(order.id),
        (rows) => rows.length === 1
      )
      expect(rows).toHaveLength(1)
    })

    it("lists batches with check-in results, an order's pickup for the widget, reissues its code, disposes of it", async () => {
      const order = await place()
      const [batch] = await svc().listPickupBatches({ point_id: ids.point, cycle_id: ids.cycle })
      await api.post(`/pickup-staff/batches/${batch.id}/arrive`, {}, { headers: staff })
      await api.post(`/pickup-staff/batches/${batch.id}/check-in`, { shortages: [] }, { headers: staff })

      const { data: list } = await api.get(`/admin/pickup-batches?point_id=${ids.point}`, { headers: admin })
      const row = list.pickup_batches.find((b: any) => b.id === batch.id)
      expect(row).toMatchObject({
        status: "ready",
        point: { id: ids.point, code: "HZ-HT-1" },
        cycle: { id: ids.cycle, name: "后台测试周期" },
        shortages: [],
      })
      expect(row.orders.ready).toBeGreaterThanOrEqual(1)
      expect(row.checked_in_at).not.toBeNull()
      const { data: one } = await api.get(`/admin/pickup-batches/${batch.id}`, { headers: admin })
      expect(one.pickup_batch.id).toBe(batch.id)
      const { data: manifest } = await api.get(`/admin/pickup-batches/${batch.id}/manifest`, { headers: admin })
      expect(manifest.rows.some((r: any) => r.order_id === order.id)).toBe(true)

      const { data: widget } = await api.get(`/admin/pickup-orders/${order.id}`, { headers: admin })
      expect(widget.pickup).toMatchObject({
        order_id: order.id,
        status: "ready",
        point: { code: "HZ-HT-1", compound_name: "后台小区" },
        cycle: { name: "后台测试周期" },
        handovers: [],
      })
      expect(JSON.stringify(widget)).not.toMatch(/code_hash|code_sealed|qr_token/)
      expect(widget.pickup).not.toHaveProperty("code")

      const { data: issued, status } = await api.post(`/admin/pickup-orders/${order.id}/code`, {}, { headers: admin })
      expect(status).toBe(201)
      expect(issued.pickup.code_version).toBeGreaterThan(widget.pickup.code_version)
      expect(issued.pickup).not.toHaveProperty("code")
      // The resident's order page shows the new code (first view), and only it verifies at the counter.
      const { data: shown } = await api.post(`/store/pickup-orders/${order.id}/code`, {}, { headers: resident.headers })
      expect(
        (
          await api.post(
            `/pickup-staff/points/${ids.point}/verify`,
            { code: shown.pickup_code.code },
            { headers: staff }
          )
        ).status
      ).toBe(200)

      const [a] = await svc().listPickupAssignments({ order_id: order.id }, { take: 1 })
      await wf
        .expirePickupHoldsWorkflow(getContainer())
        .run({ input: { now: new Date(new Date(a.hold_expires_at).getTime() + 1000) } })
      const { data: unc } = await api.get(`/admin/pickup-uncollected?disposed=false&point_id=${ids.point}`, {
        headers: admin,
      })
      expect(unc.assignments.map((x: any) => x.id)).toContain(a.id)
      // Not live any more: no new code.
      expect((await attempt(api.post(`/admin/pickup-orders/${order.id}/code`, {}, { headers: admin }))).status).toBe(
        400
      )
      const { data: disposed } = await api.post(
        `/admin/pickup-uncollected/${a.id}/disposal`,
        { policy: "sell_off", note: "折价给员工" },
        { headers: admin }
      )
      expect(disposed.assignment.disposal).toMatchObject({ policy: "sell_off", note: "折价给员工" })
      expect(disposed.assignment.disposal.by).toMatch(/^admin:/)
      const again = await attempt(
        api.post(`/admin/pickup-uncollected/${a.id}/disposal`, { policy: "donate" }, { headers: admin })
      )
      expect(again.status).toBe(409)
      const { data: pending } = await api.get(`/admin/pickup-uncollected?disposed=false&point_id=${ids.point}`, {
        headers: admin,
      })
      expect(pending.assignments.map((x: any) => x.id)).not.toContain(a.id)
    })

    it("resets a staff member's password: the new one signs in, the old one no longer does", async () => {
      await createStaff(api, admin, "forgetful@pickup.test", [ids.point])
      const { data } = await api.get("/admin/pickup-staff?limit=100", { headers: admin })
      const member = data.pickup_staff.find((s: any) => s.email === "forgetful@pickup.test")
      await api.post(`/admin/pickup-staff/${member.id}/password`, { password: "new-password-2026" }, { headers: admin })
      await expect(loginPickupStaff(api, "forgetful@pickup.test", "new-password-2026")).resolves.toBeTruthy()
      await expect(loginPickupStaff(api, "forgetful@pickup.test", STAFF_PASSWORD)).rejects.toBeTruthy()
      expect(
        (
          await attempt(
            api.post("/admin/pickup-staff/pstf_01NOPE/password", { password: "x".repeat(12) }, { headers: admin })
          )
        ).status
      ).toBe(404)
    })
  },
})
