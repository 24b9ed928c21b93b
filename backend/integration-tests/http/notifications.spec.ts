import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { E2E, seed } from "@lianxin/seed"
import { createAdminSession } from "../helpers/admin"
import { productIdByHandle, variantIdByHandle } from "../helpers/checkout"
import { createHouseholdOwning } from "../helpers/households"
import { createCycle, createOffice, createPoint, createStaff } from "../helpers/pickup-network"
import { attempt, createResident, placePickupOrder, type Headers } from "../helpers/pickup-staff"
import { startTestSmtp } from "../helpers/smtp"
import { trackSubscribers } from "../helpers/wait"

const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")
const { readOutbox } = nodeRequire("@lianxin/plugin/utils/notify-outbox") as {
  readOutbox: (dir: string, channel: string) => Promise<{ to: string; text: string; template: string }[]>
}
const { nationalIdCheckChar } = nodeRequire("@lianxin/plugin/utils/prc-id") as {
  nationalIdCheckChar: (s: string) => string
}

const HOUR = 3600_000
const MINUTE = 60_000
const HOUSEHOLD_PHONE = "13987650011"
const RESIDENT_PHONE = "13800138000" // the checkout helper's mobile

// A real SMTP server and an SMS outbox for this file; quiet hours off here
// (notifications-quiet-hours.spec.ts tests them with the clock passed in).
const smtp = await startTestSmtp()
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-notify-outbox-"))
Object.assign(process.env, {
  LIANXIN_SMTP_HOST: "127.0.0.1",
  LIANXIN_SMTP_PORT: String(smtp.port),
  LIANXIN_OUTBOX_DIR: outbox,
  LIANXIN_SMS_ADAPTER: "outbox",
  LIANXIN_QUIET_HOURS: "off",
  LIANXIN_STOREFRONT_URL: "http://shop.test",
})

medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer, dbConnection }) => {
    let key: string
    let admin: Headers
    let staff: Headers
    let resident: { email: string; headers: Headers }
    let subscribers: ReturnType<typeof trackSubscribers>
    const ids = { office: "", point: "", cycle: "", staff: "", household: "", apple: "", orange: "", appleProduct: "" }

    const sql = async <T = any>(text: string, params: unknown[] = []) =>
      (await dbConnection.raw(text, params)).rows as T[]
    const pickup = () => getContainer().resolve("pickup") as any
    const messagesOf = (event: string, resourceId?: string) =>
      sql(
        `SELECT * FROM notify_message WHERE event = ?${resourceId ? " AND resource_id = ?" : ""} ORDER BY channel, recipient_id`,
        resourceId ? [event, resourceId] : [event]
      )
    const storedText = async () =>
      JSON.stringify([
        await sql(`SELECT row_to_json(n) r FROM notification n`),
        await sql(`SELECT row_to_json(m) r FROM notify_message m`),
      ])
    const place = async (lines: Array<{ variant_id: string; quantity: number }>, who = resident) => {
      const r = await placePickupOrder(api, who.headers, lines, {
        pickup_point_id: ids.point,
        order_cycle_id: ids.cycle,
      })
      await subscribers.idle()
      return r.order
    }
    const orderNo = async (orderId: string) =>
      String((await sql(`SELECT display_id FROM "order" WHERE id = ?`, [orderId]))[0].display_id)
    const firstCode = async (orderId: string, who = resident) =>
      (await api.post(`/store/pickup-orders/${orderId}/code`, {}, { headers: who.headers })).data.pickup_code
        .code as string
    const batchId = async () =>
      (await pickup().listPickupBatches({ point_id: ids.point, cycle_id: ids.cycle }))[0].id as string
    const checkIn = async (shortages: Array<{ variant_id: string; missing_quantity: number }> = []) => {
      const id = await batchId()
      await api.post(`/pickup-staff/batches/${id}/arrive`, {}, { headers: staff })
      await api.post(`/pickup-staff/batches/${id}/check-in`, { shortages }, { headers: staff })
      await subscribers.idle()
      return id
    }

    afterAll(async () => {
      await smtp.close()
      fs.rmSync(outbox, { recursive: true, force: true })
    })

    beforeAll(async () => {
      const container = getContainer()
      subscribers = trackSubscribers(container)
      key = (await seed(container, "e2e")).publishableKey
      admin = (await createAdminSession(api, container)).headers
      const owner = await createHouseholdOwning(container, api, key, {
        village: { code: "NT-XX", name: "消息村", township: "消息镇", county: "消息县", province: "浙江省" },
        household: { code: "NT-XX-001", display_name: "周大姐" },
        handles: [E2E.products.apple.handle, E2E.products.orange.handle],
      })
      ids.household = owner.household_id
      ids.apple = await variantIdByHandle(api, key, E2E.products.apple.handle)
      ids.orange = await variantIdByHandle(api, key, E2E.products.orange.handle)
      ids.appleProduct = await productIdByHandle(api, key, E2E.products.apple.handle)
      ids.office = await createOffice(api, admin, {
        compound_name: "消息小区",
        city: "杭州市",
        address: "杭州市文一路 8 号",
      })
      ids.point = await createPoint(api, admin, ids.office, "HZ-XX-1")
      ids.cycle = await createCycle(api, admin, { name: "消息测试批次", rhythm: "special", pickupInHours: 20 })
      staff = await createStaff(api, admin, "counter@notify.test", [ids.point])
      ids.staff = (await api.get("/pickup-staff/me", { headers: staff })).data.staff.id
      resident = await createResident(api, key, "resident@notify.test")
      await subscribers.idle()
    })

    beforeEach(() => {
      smtp.received.length = 0
      smtp.failNext(0)
      fs.rmSync(path.join(outbox, "sms.jsonl"), { force: true })
    })

    it("order placed: 消息, email and SMS give the place, the window and the code the resident is shown first", async () => {
      const order = await place([{ variant_id: ids.apple, quantity: 1 }])
      const no = await orderNo(order.id)
      const rows = await messagesOf("order.placed", order.id)
      expect(rows.map((r) => [r.channel, r.status, r.locale, r.template])).toEqual([
        ["email", "sent", "zh-CN", "order_placed"],
        ["in_app", "sent", "zh-CN", "order_placed"],
        ["sms", "sent", "zh-CN", "order_placed"],
      ])
      const mails = smtp.to("resident@notify.test")
      expect(mails).toHaveLength(1)
      expect(mails[0].subject).toBe(`订单 #${no} 已下单`)
      expect(mails[0].text).toContain("消息小区 HZ-XX-1 前台（杭州市文一路 8 号）")
      // Pay at pickup: nothing was paid online, so nothing is said of a payment.
      expect(mails[0].text).toContain(`订单 #${no} 已下单，请于`)
      // The window: one day (6月1日 16:00–20:00), or both days when it crosses midnight Shanghai time, as the cycle
      // this file makes does when the run starts around 00:00–04:00 (6月1日 20:31 – 6月2日 00:31).
      expect(mails[0].text).toMatch(/请于 \d{1,2}月\d{1,2}日 \d\d:\d\d(–| – \d{1,2}月\d{1,2}日 )\d\d:\d\d 到/)
      expect(mails[0].text).toContain(`http://shop.test/orders/${order.id}`)
      const code = /取货码 (\d{8})/.exec(mails[0].text)?.[1]
      expect(code).toBeDefined()
      const sms = await readOutbox(outbox, "sms")
      expect(sms).toHaveLength(1)
      expect(sms[0]).toMatchObject({ to: RESIDENT_PHONE, template: "order_placed" })
      expect(sms[0].text).toContain(`取货码${code}`)
      // The confirmation page shows the same code, not a new one that would kill the message's.
      expect(await firstCode(order.id)).toBe(code)
      // In 消息 the code is not repeated: the kept copy never holds it.
      const inApp = rows.find((r) => r.channel === "in_app")
      expect(inApp.body).toContain("取货码请在订单页查看")
      const stored = await storedText()
      expect(stored).not.toContain(code)
      expect(stored).not.toContain("resident@notify.test")
      expect(stored).not.toContain(RESIDENT_PHONE)
    })

    it("check-in: 可取货 with the current code to every order of the batch, the shortage with its refund, once only", async () => {
      const whole = await place([{ variant_id: ids.apple, quantity: 1 }])
      const short = await place([
        { variant_id: ids.apple, quantity: 1 },
        { variant_id: ids.orange, quantity: 2 },
      ])
      // The resident looked at the code twice: the message must carry the code that works now.
      await firstCode(short.id)
      const current = await firstCode(short.id)
      smtp.received.length = 0
      const batch = await checkIn([{ variant_id: ids.orange, missing_quantity: 1 }])

      for (const order of [whole, short]) {
        const ready = await messagesOf("pickup.batch_ready", order.id)
        expect(ready.map((r) => [r.channel, r.status, r.template])).toEqual([
          ["email", "sent", "pickup_ready"],
          ["in_app", "sent", "pickup_ready"],
          ["sms", "sent", "pickup_ready"],
        ])
        expect(ready[1].title).toBe(`可取货：订单 #${await orderNo(order.id)}`)
      }
      const readyMails = smtp.received.filter((m) => m.subject.startsWith("可取货"))
      expect(readyMails).toHaveLength(2)
      const shortNo = await orderNo(short.id)
      const shortMail = readyMails.find((m) => m.subject.includes(`#${shortNo}`))
      expect(shortMail?.text).toContain(`取货码 ${current}`)
      expect(shortMail?.text).toMatch(/请在 \d{1,2}月\d{1,2}日 \d\d:\d\d 前取走/)

      const [a] = await pickup().listPickupAssignments({ order_id: short.id }, { relations: ["lines"] })
      const refund = a.lines.reduce((s: number, l: any) => s + Number(l.refund_fen), 0)
      expect(refund).toBeGreaterThan(0)
      const shortage = await messagesOf("pickup.shortage_recorded", short.id)
      expect(shortage.map((r) => r.channel)).toEqual(["email", "in_app", "sms"])
      const yuan = `¥${Math.floor(refund / 100)}.${String(refund % 100).padStart(2, "0")}`
      expect(shortage[1].title).toBe(`订单 #${await orderNo(short.id)} 缺货退款 ${yuan}`)
      expect(shortage[1].body).toContain("×1")
      expect(shortage[1].body).toContain("从取货时应付金额中扣除")
      expect(await messagesOf("pickup.shortage_recorded", whole.id)).toHaveLength(0)

      // The same event again, and three handlers at once (several servers): nothing new, nothing resent.
      const before = (await sql(`SELECT count(*)::int n FROM notify_message`))[0].n
      const mailsBefore = smtp.received.length
      await Promise.all(
        [1, 2, 3].map(() =>
          wf.notifyEventWorkflow(getContainer()).run({ input: { event: "pickup.batch_ready", data: { id: batch } } })
        )
      )
      await getContainer()
        .resolve("event_bus")
        .emit({ name: "pickup.batch_ready", data: { id: batch } })
      await subscribers.idle()
      expect((await sql(`SELECT count(*)::int n FROM notify_message`))[0].n).toBe(before)
      expect(smtp.received.length).toBe(mailsBefore)
      const dupes = await sql(`SELECT idempotency_key FROM notify_message GROUP BY idempotency_key HAVING count(*) > 1`)
      expect(dupes).toEqual([])
    })

    it("last call before the hold ends is urgent; an uncollected order is told what happens to it", async () => {
      const order = await place([{ variant_id: ids.apple, quantity: 1 }])
      await checkIn()
      const [a] = await pickup().listPickupAssignments({ order_id: order.id })
      const expires = new Date(a.hold_expires_at).getTime()
      await wf.expirePickupHoldsWorkflow(getContainer()).run({ input: { now: new Date(expires - HOUR) } })
      await subscribers.idle()
      const last = await messagesOf("pickup.hold_expiring", order.id)
      expect(last.map((r) => [r.channel, r.urgent, r.status])).toEqual([
        ["email", true, "sent"],
        ["in_app", true, "sent"],
        ["sms", true, "sent"],
      ])
      const no = await orderNo(order.id)
      expect(smtp.received.some((m) => m.subject === `最后提醒：订单 #${no} 即将过期`)).toBe(true)

      await wf.expirePickupHoldsWorkflow(getContainer()).run({ input: { now: new Date(expires + MINUTE) } })
      await subscribers.idle()
      const gone = await messagesOf("pickup.uncollected", order.id)
      expect(gone.map((r) => [r.channel, r.urgent])).toEqual([
        ["email", false],
        ["in_app", false],
        ["sms", false],
      ])
      expect(gone[1].body).toContain("将按规定捐赠")
    })

    it("cancellation is confirmed on every channel", async () => {
      const order = await place([{ variant_id: ids.apple, quantity: 1 }])
      await api.post(`/store/lianxin/orders/${order.id}/cancel`, {}, { headers: resident.headers })
      await subscribers.idle()
      const rows = await messagesOf("order.canceled", order.id)
      expect(rows.map((r) => [r.channel, r.status])).toEqual([
        ["email", "sent"],
        ["in_app", "sent"],
        ["sms", "sent"],
      ])
      expect(smtp.to("resident@notify.test").map((m) => m.subject)).toContain(`订单 #${await orderNo(order.id)} 已取消`)
    })

    it("a guest who gave only a name and a mobile: the order's SMS and 可取货 reach that mobile, nothing else is kept", async () => {
      // The checkout form asks for a mobile, an email only if the guest wants one: no customer record exists.
      const cycle = await createCycle(api, admin, { name: "手机号下单批次", rhythm: "special", pickupInHours: 20 })
      const pub = { "x-publishable-api-key": key }
      const { data: regions } = await api.get("/store/regions", { headers: pub })
      const region = regions.regions.find((r: { currency_code: string }) => r.currency_code === "cny")
      const { data: created } = await api.post("/store/carts", { region_id: region.id }, { headers: pub })
      await api.post(
        `/store/carts/${created.cart.id}/line-items`,
        { variant_id: ids.apple, quantity: 1 },
        { headers: pub }
      )
      const guestPhone = "13700137000"
      const r = await attempt(
        api.post(
          "/store/lianxin/checkout",
          {
            cart_id: created.cart.id,
            name: "钱阿姨",
            phone: guestPhone,
            pickup_point_id: ids.point,
            order_cycle_id: cycle,
          },
          { headers: pub }
        )
      )
      expect(r.status).toBe(200)
      const order = r.data.order as { id: string }
      await subscribers.idle()
      expect((await sql(`SELECT customer_id FROM "order" WHERE id = ?`, [order.id]))[0].customer_id).toBeNull()

      const placed = await messagesOf("order.placed", order.id)
      expect(placed.map((m) => [m.channel, m.status, m.recipient_type, m.recipient_id, m.locale])).toEqual([
        ["sms", "sent", "order", order.id, "zh-CN"],
      ])
      expect(placed[0].to_masked).toMatch(/^137\*+7000$/)
      let sms = await readOutbox(outbox, "sms")
      expect(sms).toHaveLength(1)
      expect(sms[0]).toMatchObject({ to: guestPhone, template: "order_placed" })
      expect(sms[0].text).toContain(`取货码${r.data.pickup_code.code}`)

      const [batch] = await pickup().listPickupBatches({ point_id: ids.point, cycle_id: cycle })
      await api.post(`/pickup-staff/batches/${batch.id}/arrive`, {}, { headers: staff })
      await api.post(`/pickup-staff/batches/${batch.id}/check-in`, { shortages: [] }, { headers: staff })
      await subscribers.idle()
      const ready = await messagesOf("pickup.batch_ready", order.id)
      expect(ready.map((m) => [m.channel, m.status, m.recipient_type])).toEqual([["sms", "sent", "order"]])
      sms = await readOutbox(outbox, "sms")
      expect(sms.map((m) => [m.to, m.template])).toEqual([
        [guestPhone, "order_placed"],
        [guestPhone, "pickup_ready"],
      ])
      // No email was given, so none is sent; the mobile lives on the order only, never in the outbox rows.
      expect(smtp.received).toHaveLength(0)
      expect(await storedText()).not.toContain(guestPhone)
    })

    it("residents choose channels and language; 消息 lists only their own messages with the unread count", async () => {
      const other = await createResident(api, key, "other@notify.test")
      const bad = await attempt(api.post("/store/notify/preferences", { sms: "no" }, { headers: resident.headers }))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/sms/)
      expect((await attempt(api.post("/store/notify/preferences", {}, { headers: resident.headers }))).status).toBe(400)
      expect(
        (await attempt(api.get("/store/notify/messages", { headers: { "x-publishable-api-key": key } }))).status
      ).toBe(401)

      const set = await api.post(
        "/store/notify/preferences",
        { sms: false, locale: "en" },
        { headers: resident.headers }
      )
      expect(set.data.preference).toEqual({ in_app: true, email: true, sms: false, locale: "en" })
      const order = await place([{ variant_id: ids.apple, quantity: 1 }])
      const rows = await messagesOf("order.placed", order.id)
      expect(rows.map((r) => [r.channel, r.locale])).toEqual([
        ["email", "en"],
        ["in_app", "en"],
      ])
      const mail = smtp.to("resident@notify.test")[0]
      expect(mail.subject).toBe(`Order #${await orderNo(order.id)} placed`)
      expect(mail.text).toContain("Collect it at 消息小区 HZ-XX-1 前台")
      expect(await readOutbox(outbox, "sms")).toHaveLength(0)

      const inbox = (await api.get("/store/notify/messages", { headers: resident.headers })).data
      expect(inbox.unread).toBe(inbox.count)
      expect(inbox.messages[0]).toMatchObject({
        title: `Order #${await orderNo(order.id)} placed`,
        link: `/orders/${order.id}`,
        read_at: null,
      })
      expect(Object.keys(inbox.messages[0])).not.toContain("recipient_id")
      const theirs = (await api.get("/store/notify/messages", { headers: other.headers })).data
      expect(theirs).toMatchObject({ count: 0, unread: 0, messages: [] })
      // Someone else's ids change nothing; one's own are read once.
      const stolen = await api.post(
        "/store/notify/messages/read",
        { ids: [inbox.messages[0].id] },
        { headers: other.headers }
      )
      expect(stolen.data.read_ids).toEqual([])
      const read = await api.post(
        "/store/notify/messages/read",
        { ids: [inbox.messages[0].id] },
        { headers: resident.headers }
      )
      expect(read.data).toEqual({ read_ids: [inbox.messages[0].id], unread: inbox.unread - 1 })
      expect(
        (await attempt(api.post("/store/notify/messages/read", { ids: ["x"] }, { headers: resident.headers }))).status
      ).toBe(400)
      const all = await api.post("/store/notify/messages/read", { all: true }, { headers: resident.headers })
      expect(all.data.unread).toBe(0)
      expect((await api.get("/store/notify/messages?unread=true", { headers: resident.headers })).data.count).toBe(0)
    })

    it("a provider that is down: nothing is lost, retries back off, the job sends it; dead ones are shown and sent again", async () => {
      smtp.failNext(1000)
      const order = await place([{ variant_id: ids.apple, quantity: 1 }])
      const [email] = (await messagesOf("order.placed", order.id)).filter((r) => r.channel === "email")
      expect(email).toMatchObject({ status: "failed", attempts: 1 })
      expect(email.last_error).toMatch(/451/)
      expect(email.last_error).not.toContain("resident@notify.test")
      const placedAt = new Date(email.updated_at).getTime()
      const delay = new Date(email.next_attempt_at).getTime() - placedAt
      expect(delay).toBeGreaterThan(50_000)
      expect(delay).toBeLessThan(70_000)
      // In-app and SMS did not wait for email.
      expect(
        (await messagesOf("order.placed", order.id)).filter((r) => r.status === "sent").map((r) => r.channel)
      ).toEqual(["in_app", "sms"])

      const deliver = (at: number) =>
        wf.deliverNotificationsWorkflow(getContainer()).run({ input: { now: new Date(at) } })
      // Not due yet: nothing is tried.
      expect((await deliver(Date.now() + 10_000)).result.claimed).toBe(0)
      // Due, still down: the wait doubles.
      const second = await deliver(Date.now() + 2 * MINUTE)
      expect(second.result).toMatchObject({ claimed: 1, failed: 1 })
      const [again] = await sql(`SELECT * FROM notify_message WHERE id = ?`, [email.id])
      expect(again.attempts).toBe(2)
      // Back up: the job's next run sends it, exactly once.
      smtp.failNext(0)
      const third = await deliver(Date.now() + 10 * MINUTE)
      expect(third.result).toMatchObject({ claimed: 1, sent: 1 })
      expect(smtp.to("resident@notify.test")).toHaveLength(1)
      expect((await deliver(Date.now() + 60 * MINUTE)).result.claimed).toBe(0)
      const attempts = await sql(`SELECT status FROM notification WHERE idempotency_key LIKE ? ORDER BY created_at`, [
        `${email.id}:%`,
      ])
      expect(attempts.map((a) => a.status)).toEqual(["failure", "failure", "success"])

      // Down for good: after max_attempts the message is dead, listed for operators, and can be sent again.
      smtp.failNext(1000)
      const order2 = await place([{ variant_id: ids.apple, quantity: 1 }])
      const [mail2] = (await messagesOf("order.placed", order2.id)).filter((r) => r.channel === "email")
      let at = Date.now()
      for (let i = 0; i < 10; i++) {
        at += 5 * HOUR
        await deliver(at)
      }
      const [dead] = await sql(`SELECT * FROM notify_message WHERE id = ?`, [mail2.id])
      expect(dead).toMatchObject({ status: "dead", attempts: 8 })
      const list = (await api.get("/admin/notify/messages?status=failed,dead", { headers: admin })).data
      expect(list.messages.map((m: any) => m.id)).toContain(mail2.id)
      expect(list.by_status.dead).toBeGreaterThanOrEqual(1)
      const shown = list.messages.find((m: any) => m.id === mail2.id)
      expect(shown).toMatchObject({ status: "dead", attempts: 8, to_masked: "r***@notify.test", channel: "email" })
      expect((await attempt(api.get("/admin/notify/messages?status=lost", { headers: admin }))).status).toBe(400)
      expect((await attempt(api.get("/admin/notify/messages", { headers: resident.headers }))).status).toBe(401)

      smtp.failNext(0)
      const retry = await api.post(`/admin/notify/messages/${mail2.id}/retry`, {}, { headers: admin })
      expect(retry.data.message).toMatchObject({ status: "queued", max_attempts: 11 })
      const sentAgain = await deliver(Date.now() + MINUTE)
      expect(sentAgain.result.sent).toBe(1)
      expect((await attempt(api.post(`/admin/notify/messages/${mail2.id}/retry`, {}, { headers: admin }))).status).toBe(
        400
      )
    })

    it("a sender that stopped mid-send gives its claim up; two processes never send the same message", async () => {
      smtp.failNext(1000)
      const order = await place([{ variant_id: ids.apple, quantity: 1 }])
      const [email] = (await messagesOf("order.placed", order.id)).filter((r) => r.channel === "email")
      smtp.failNext(0)
      const notify = getContainer().resolve("notify") as any
      const due = new Date(email.next_attempt_at).getTime() + 1000
      // A process claims it and dies before sending.
      const [claimed] = await notify.claimDue({ now: new Date(due), quiet: false, limit: 10, lease_ms: 5 * MINUTE })
      expect(claimed.id).toBe(email.id)
      const deliver = (at: number) =>
        wf.deliverNotificationsWorkflow(getContainer()).run({ input: { now: new Date(at) } })
      expect((await deliver(due + MINUTE)).result.claimed).toBe(0)
      // After the lease, several workers at once: one sends.
      const runs = await Promise.all([1, 2, 3].map(() => deliver(due + 6 * MINUTE)))
      expect(runs.map((r) => r.result.sent).reduce((s, n) => s + n, 0)).toBe(1)
      expect(smtp.to("resident@notify.test")).toHaveLength(1)
    })

    it("office staff hear about listing reviews and frozen harvest lists, in 消息 and by email; residents do not", async () => {
      const listings = getContainer().resolve("listing") as any
      const make = (title: string) =>
        listings.createListings({
          household_id: ids.household,
          property_office_id: ids.office,
          product_id: ids.appleProduct,
          submitted_by: ids.staff,
          title,
          price_fen: 1200,
          unit_label: "斤",
          stock: 10,
          perishability: "ambient",
          image_urls: [],
          idempotency_key: `notify-test-${title}`,
        })
      const ok = await make("高山苹果")
      const no = await make("丑橘")
      await wf
        .reviewListingWorkflow(getContainer())
        .run({ input: { listing_id: ok.id, decision: "approve", reviewed_by: "user_op" } })
      await wf.reviewListingWorkflow(getContainer()).run({
        input: { listing_id: no.id, decision: "reject", reviewed_by: "user_op", reason: "合格证照片不清楚" },
      })
      await subscribers.idle()
      const approved = await messagesOf("listing.reviewed", ok.id)
      expect(approved.map((r) => [r.recipient_type, r.recipient_id, r.channel, r.status])).toEqual([
        ["staff", ids.staff, "email", "sent"],
        ["staff", ids.staff, "in_app", "sent"],
      ])
      expect(approved[1].title).toBe("上架通过：高山苹果")
      const rejected = await messagesOf("listing.reviewed", no.id)
      expect(rejected[1].body).toContain("原因：合格证照片不清楚")
      expect(
        smtp
          .to("counter@notify.test")
          .map((m) => m.subject)
          .sort()
      ).toEqual(["上架未通过：丑橘", "上架通过：高山苹果"])

      await place([{ variant_id: ids.apple, quantity: 2 }])
      const cycle = (await pickup().listOrderCycles({ id: ids.cycle }))[0]
      await wf
        .freezeHarvestListsWorkflow(getContainer())
        .run({ input: { now: new Date(new Date(cycle.producer_cutoff_at).getTime() + MINUTE) } })
      await subscribers.idle()
      const frozen = await messagesOf("pickup.harvest_frozen", await batchId())
      expect(frozen.map((r) => [r.recipient_type, r.channel])).toEqual([
        ["staff", "email"],
        ["staff", "in_app"],
      ])
      expect(frozen[1].body).toMatch(/^消息小区 HZ-XX-1 前台 的 消息测试批次（取货 .+）采摘单已锁定：1 个订单，1 行。/)
      expect(frozen[1].link).toBe(`/office/batches/${await batchId()}/print`)

      const inbox = (await api.get("/pickup-staff/notify/messages", { headers: staff })).data
      expect(inbox.unread).toBe(3)
      expect(inbox.messages.map((m: any) => m.event)).toEqual([
        "pickup.harvest_frozen",
        "listing.reviewed",
        "listing.reviewed",
      ])
      const residentInbox = (await api.get("/store/notify/messages", { headers: resident.headers })).data
      expect(residentInbox.messages.map((m: any) => m.event)).not.toContain("listing.reviewed")
      expect((await attempt(api.get("/pickup-staff/notify/messages", { headers: resident.headers }))).status).toBe(401)
    })

    it("statement paid: an SMS to the household's consented phone, decrypted only to send it, logged, stored nowhere", async () => {
      await api.post(
        `/admin/households/${ids.household}/consents`,
        { kind: "registry_data", granted: true, method: "纸质签字" },
        { headers: admin }
      )
      const first17 = "33011019850312241"
      await api.post(
        `/admin/households/${ids.household}/registry`,
        { poverty_status: "registered", national_id: first17 + nationalIdCheckChar(first17), phone: HOUSEHOLD_PHONE },
        { headers: admin }
      )
      const start = new Date(Date.now() - MINUTE)
      const order = await place([{ variant_id: ids.apple, quantity: 3 }])
      await wf.earnOrderRevenueWorkflow(getContainer()).run({ input: { order_id: order.id } })
      const { result: statementIds } = await wf.generateHouseholdStatementsWorkflow(getContainer()).run({
        input: { period_start: start, period_end: new Date() },
      })
      const ledger = getContainer().resolve("revenueShare") as any
      const [statement] = (await ledger.listStatements({ id: statementIds })).filter(
        (s: any) => s.household_id === ids.household
      )
      await wf
        .markStatementPaidWorkflow(getContainer())
        .run({ input: { statement_id: statement.id, method: "wechat", reference: "WX-9" } })
      await subscribers.idle()

      const rows = await messagesOf("statement.paid", statement.id)
      expect(rows.map((r) => [r.recipient_type, r.channel, r.status, r.to_masked])).toEqual([
        ["household", "sms", "sent", "139****0011"],
      ])
      const amount = `¥${Math.floor(Number(statement.total) / 100)}.${String(Number(statement.total) % 100).padStart(2, "0")}`
      const sms = (await readOutbox(outbox, "sms")).filter((m) => m.template === "statement_paid")
      expect(sms).toHaveLength(1)
      expect(sms[0].to).toBe(HOUSEHOLD_PHONE)
      expect(sms[0].text).toContain(`销售收益${amount}已支付`)
      const log = await sql(`SELECT actor_id, field, reason FROM registry_access_log WHERE household_id = ?`, [
        ids.household,
      ])
      expect(log).toEqual([
        { actor_id: "system:notify", field: "phone", reason: `notification ${rows[0].id} (SMS to the household)` },
      ])
      const stored = await storedText()
      expect(stored).not.toContain(HOUSEHOLD_PHONE)
      expect(stored).not.toContain(first17)

      // Consent withdrawn: the next message is not sent, and says why.
      await api.post(
        `/admin/households/${ids.household}/consents`,
        { kind: "registry_data", granted: false, method: "电话撤回" },
        { headers: admin }
      )
      const notify = getContainer().resolve("notify") as any
      const m = rows[0]
      const { created } = await notify.insertMessages([
        {
          idempotency_key: "test:withdrawn",
          event: m.event,
          channel: "sms",
          recipient_type: "household",
          recipient_id: ids.household,
          locale: "zh-CN",
          urgent: false,
          template: m.template,
          params: m.params,
          title: m.title,
          body: m.body,
          resource_type: "statement",
          resource_id: statement.id,
          next_attempt_at: new Date(),
        },
      ])
      const run = await wf.deliverNotificationsWorkflow(getContainer()).run({ input: { ids: [created[0].id] } })
      expect(run.result).toMatchObject({ claimed: 1, skipped: 1, sent: 0 })
      expect((await sql(`SELECT status, last_error FROM notify_message WHERE id = ?`, [created[0].id]))[0]).toEqual({
        status: "skipped",
        last_error: "no consented phone",
      })
      expect((await readOutbox(outbox, "sms")).filter((m) => m.template === "statement_paid")).toHaveLength(1)
    })
  },
})
