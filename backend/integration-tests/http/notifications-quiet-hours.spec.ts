import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { E2E, seed } from "@lianxin/seed"
import { createAdminSession } from "../helpers/admin"
import { variantIdByHandle } from "../helpers/checkout"
import { createCycle, createOffice, createPoint, createStaff } from "../helpers/pickup-network"
import { createResident, placePickupOrder, type Headers } from "../helpers/pickup-staff"
import { startTestSmtp } from "../helpers/smtp"
import { trackSubscribers } from "../helpers/wait"

const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")
const { NOTIFY_EVENTS } = nodeRequire("@lianxin/plugin/workflows/notify/steps/events") as { NOTIFY_EVENTS: string[] }

/** An instant given in Asia/Shanghai local time. */
const sh = (local: string) => new Date(`${local}+08:00`)

// Quiet hours as configured by default (21:30–08:00); the clock is passed to the workflows.
const smtp = await startTestSmtp()
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-quiet-outbox-"))
Object.assign(process.env, {
  LIANXIN_SMTP_HOST: "127.0.0.1",
  LIANXIN_SMTP_PORT: String(smtp.port),
  LIANXIN_OUTBOX_DIR: outbox,
  LIANXIN_SMS_ADAPTER: "outbox",
})
delete process.env.LIANXIN_QUIET_HOURS

medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer, dbConnection }) => {
    let resident: { email: string; headers: Headers }
    let staff: Headers
    let subscribers: ReturnType<typeof trackSubscribers>
    const ids = { point: "", cycle: "", apple: "" }
    const sql = async <T = any>(text: string, params: unknown[] = []) =>
      (await dbConnection.raw(text, params)).rows as T[]
    const notifyEvent = (event: string, data: unknown, now: Date) =>
      wf
        .notifyEventWorkflow(getContainer())
        .run({ input: { event, data, now } })
        .then((r: any) => r.result)
    const deliver = (now: Date) =>
      wf
        .deliverNotificationsWorkflow(getContainer())
        .run({ input: { now } })
        .then((r: any) => r.result)
    const rowsOf = (event: string) =>
      sql(
        `SELECT channel, status, urgent, next_attempt_at, deferred_reason FROM notify_message WHERE event = ? ORDER BY channel`,
        [event]
      )

    afterAll(async () => {
      await smtp.close()
      fs.rmSync(outbox, { recursive: true, force: true })
    })

    beforeAll(async () => {
      const container = getContainer()
      // The events' own subscriber would use the real clock: off for this file, the tests run the workflows.
      const bus = container.resolve("event_bus") as any
      for (const event of NOTIFY_EVENTS) bus.unsubscribe(event, () => undefined, { subscriberId: "notify-events" })
      subscribers = trackSubscribers(container)
      const key = (await seed(container, "e2e")).publishableKey
      const admin: Headers = (await createAdminSession(api, container)).headers
      ids.apple = await variantIdByHandle(api, key, E2E.products.apple.handle)
      const office = await createOffice(api, admin, {
        compound_name: "静夜小区",
        city: "杭州市",
        address: "杭州市安静路 1 号",
      })
      ids.point = await createPoint(api, admin, office, "HZ-JY-1")
      ids.cycle = await createCycle(api, admin, { name: "静夜批次", rhythm: "special", pickupInHours: 20 })
      staff = await createStaff(api, admin, "night@notify.test", [ids.point])
      resident = await createResident(api, key, "night-owl@notify.test")
    })

    beforeEach(() => {
      smtp.received.length = 0
      smtp.failNext(0)
    })

    const place = async () => {
      const r = await placePickupOrder(api, resident.headers, [{ variant_id: ids.apple, quantity: 1 }], {
        pickup_point_id: ids.point,
        order_cycle_id: ids.cycle,
      })
      await subscribers.idle()
      return r.order
    }

    it("holds non-urgent email and SMS from 21:30 to 08:00 and sends them with the morning's first run; in-app goes at once", async () => {
      const order = await place()
      expect(await rowsOf("order.placed")).toEqual([]) // the subscriber is off in this file
      const night = sh("2026-12-07T23:10:00")
      await notifyEvent("order.placed", { id: order.id }, night)
      const rows = await rowsOf("order.placed")
      const morning = sh("2026-12-08T08:00:00").toISOString()
      expect(rows.map((r) => [r.channel, new Date(r.next_attempt_at).toISOString(), r.deferred_reason])).toEqual([
        ["email", morning, "quiet_hours"],
        ["in_app", night.toISOString(), null],
        ["sms", morning, "quiet_hours"],
      ])
      expect(await deliver(night)).toMatchObject({ claimed: 1, sent: 1 })
      expect(await deliver(sh("2026-12-08T03:00:00"))).toMatchObject({ claimed: 0 })
      expect(await deliver(sh("2026-12-08T07:59:00"))).toMatchObject({ claimed: 0 })
      expect(smtp.received).toHaveLength(0)
      expect(await deliver(sh("2026-12-08T08:00:30"))).toMatchObject({ claimed: 2, sent: 2 })
      expect(smtp.to("night-owl@notify.test")).toHaveLength(1)
      expect((await rowsOf("order.placed")).map((r) => r.status)).toEqual(["sent", "sent", "sent"])
    })

    it("the urgent last call is sent during quiet hours", async () => {
      const order = await place()
      const [batch] = await (getContainer().resolve("pickup") as any).listPickupBatches({
        point_id: ids.point,
        cycle_id: ids.cycle,
      })
      await api.post(`/pickup-staff/batches/${batch.id}/arrive`, {}, { headers: staff })
      await api.post(`/pickup-staff/batches/${batch.id}/check-in`, { shortages: [] }, { headers: staff })
      await subscribers.idle()
      const [a] = await (getContainer().resolve("pickup") as any).listPickupAssignments({ order_id: order.id })
      const night = sh("2026-12-07T23:40:00")
      await notifyEvent("pickup.hold_expiring", [{ id: a.id, order_id: order.id }], night)
      expect((await rowsOf("pickup.hold_expiring")).map((r) => [r.channel, r.urgent, r.deferred_reason])).toEqual([
        ["email", true, null],
        ["in_app", true, null],
        ["sms", true, null],
      ])
      expect(await deliver(night)).toMatchObject({ claimed: 3, sent: 3 })
      expect(smtp.received.map((m) => m.subject)).toEqual([expect.stringMatching(/^最后提醒：订单 #\d+ 即将过期$/)])
    })

    it("a retry that falls in quiet hours waits for the morning", async () => {
      const order = await place()
      smtp.failNext(1000)
      const evening = sh("2026-12-07T21:20:00")
      await notifyEvent("order.canceled", { id: order.id }, evening)
      expect(await deliver(evening)).toMatchObject({ claimed: 3, failed: 1, sent: 2 })
      smtp.failNext(0)
      expect(await deliver(sh("2026-12-07T21:45:00"))).toMatchObject({ claimed: 0 })
      expect(await deliver(sh("2026-12-08T08:01:00"))).toMatchObject({ claimed: 1, sent: 1 })
      expect(smtp.received.map((m) => m.subject)).toEqual([expect.stringMatching(/已取消$/)])
    })

    it("one-time codes are urgent: delivered at 03:00", async () => {
      const { result } = await wf.sendOneTimeCodeWorkflow(getContainer()).run({
        input: {
          channel: "email",
          to: "night-owl@notify.test",
          code: "246810",
          purpose: "sign_in",
          ttl_minutes: 10,
          request_id: "night-otp",
          now: sh("2026-12-08T03:00:00"),
        },
      })
      expect(result.status).toBe("sent")
      expect(smtp.received.map((m) => m.subject)).toEqual(["连心市集登录验证码"])
    })
  },
})
