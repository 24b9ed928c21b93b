import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seed, E2E } from "@lianxin/seed"
import { createAdminSession } from "../helpers/admin"
import { placeOrder, variantIdByHandle } from "../helpers/checkout"
import { expectLedgerBalanced } from "../helpers/ledger"
import { createCycle, createOffice, createPoint, createStaff } from "../helpers/pickup-network"
import { attempt, createResident, pickupCheckout, placePickupOrder, type Headers } from "../helpers/pickup-staff"
import { trackSubscribers, until } from "../helpers/wait"

// The app loads the plugin and the workflow SDK with Node's require: use those same module instances.
const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")
const sdk = nodeRequire("@medusajs/framework/workflows-sdk")

const MINUTE = 60_000

/**
 * The resident-facing routes of issue 4/5: cancel (customer or guest with the
 * cart), claiming guest orders, the guest's pickup code, one point, the
 * remembered point, availability — and checkout's rollback.
 */
medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer }) => {
    afterEach(() => expectLedgerBalanced(getContainer()))

    let key: string
    let pub: Headers
    let admin: Headers
    let residentA: { email: string; headers: Headers }
    let residentB: { email: string; headers: Headers }
    let claimer: { email: string; headers: Headers }
    const ids = { pointA: "", pointB: "", cycle: "" }
    let apple: string

    const svc = () => getContainer().resolve("pickup") as any
    const ledger = () => getContainer().resolve("revenueShare") as any
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY) as any

    let subscribers: ReturnType<typeof trackSubscribers>

    beforeAll(async () => {
      const container = getContainer()
      subscribers = trackSubscribers(container)
      key = (await seed(container, "e2e")).publishableKey
      pub = { "x-publishable-api-key": key }
      admin = (await createAdminSession(api, container)).headers
      apple = await variantIdByHandle(api, key, E2E.products.apple.handle)

      const office = await createOffice(api, admin, {
        company: "安居物业",
        compound_name: "安居小区",
        address: "杭州市安居路 8 号",
        city: "杭州市",
        phone: "0571-88880000",
      })
      ids.pointA = await createPoint(api, admin, office, "HZ-AJ-1", { chilled: 3, ambient: 20 })
      ids.pointB = await createPoint(api, admin, office, "HZ-AJ-2", { chilled: 3, ambient: 20 })
      ids.cycle = await createCycle(api, admin, { name: "安居明日达" })

      residentA = await createResident(api, key, "owner-a@orders.test")
      residentB = await createResident(api, key, "owner-b@orders.test")
      claimer = await createResident(api, key, "claimer@orders.test")
    })

    const choice = () => ({ pickup_point_id: ids.pointA, order_cycle_id: ids.cycle })

    async function asCustomer(who = residentA, quantity = 1) {
      const r = await placePickupOrder(api, who.headers, [{ variant_id: apple, quantity }], choice())
      return { id: r.order.id, total: r.order.total, cart_id: r.cart_id }
    }

    async function asGuest(email = "guest@orders.test") {
      return placeOrder(api, key, [{ variant_id: apple, quantity: 1 }], { email, ...choice() })
    }

    async function assignmentOf(orderId: string) {
      const [a] = await svc().listPickupAssignments({ order_id: orderId }, { take: 1, relations: ["lines"] })
      return a
    }

    async function batchOf(pointId = ids.pointA) {
      const [b] = await svc().listPickupBatches({ point_id: pointId, cycle_id: ids.cycle }, { take: 1 })
      return b
    }

    const entries = (orderId: string, kind?: string) =>
      ledger().listLedgerEntries({ order_id: orderId, ...(kind ? { kind } : {}) }, { take: 1000 }) as Promise<any[]>
    const netOf = async (orderId: string, account: string) =>
      ((await ledger().lineBalances(orderId)) as any[])
        .filter((b) => b.account === account)
        .reduce((s, b) => s + b.net, 0)
    const cancel = (orderId: string, body: unknown, headers: Headers) =>
      attempt(api.post(`/store/lianxin/orders/${orderId}/cancel`, body, { headers: { ...pub, ...headers } }))

    async function moveCutoffIntoThePast() {
      const past = new Date(Date.now() - MINUTE)
      await svc().updateOrderCycles({ id: ids.cycle, producer_cutoff_at: past, resident_cutoff_at: past })
    }

    describe("cancel", () => {
      it("the signed-in owner cancels before the cutoff: place given back, code dead, order canceled, accrual reversed once", async () => {
        const order = await asCustomer()
        const placed = await assignmentOf(order.id)
        expect(placed.status).toBe("placed")
        const counter = placed.perishability === "chilled" ? "reserved_chilled" : "reserved_ambient"
        expect((await batchOf())[counter]).toBe(1)
        const { data: issued } = await api.post(
          `/store/pickup-orders/${order.id}/code`,
          {},
          { headers: residentA.headers }
        )
        const accruals = await until(
          () => entries(order.id, "accrual"),
          (e) => e.length > 0
        )
        expect(accruals.length).toBeGreaterThan(0)

        // Someone else, nobody, and bad input.
        expect((await cancel(order.id, {}, residentB.headers)).status).toBe(404)
        expect((await cancel(order.id, {}, {})).status).toBe(401)
        const badCart = await cancel(order.id, { cart_id: "not-a-cart" }, residentA.headers)
        expect(badCart.status).toBe(400)
        expect(badCart.data.message).toMatch(/cart_id/)
        const extra = await cancel(order.id, { reason: "changed my mind" }, residentA.headers)
        expect(extra.status).toBe(400)
        expect(extra.data.message).toMatch(/reason/)
        expect((await assignmentOf(order.id)).status).toBe("placed")

        const done = await cancel(order.id, {}, residentA.headers)
        expect(done.status).toBe(200)
        expect(done.data).toEqual({ order: { id: order.id, status: "canceled" } })

        const after = await assignmentOf(order.id)
        expect(after.status).toBe("canceled")
        expect(after.code_hash).toBeNull()
        expect(svc().hashCode(ids.pointA, issued.pickup_code.code)).not.toBe(after.code_hash)
        expect((await batchOf())[counter]).toBe(0)
        const { data: pickupView } = await api.get(`/store/pickup-orders/${order.id}`, { headers: residentA.headers })
        expect(pickupView.pickup).toMatchObject({ status: "canceled", qr_token: null, cancellable: false })
        // The code cannot be reissued for a canceled order.
        expect(
          (await attempt(api.post(`/store/pickup-orders/${order.id}/code`, {}, { headers: residentA.headers }))).status
        ).toBe(400)

        // The ledger: the accrual is reversed (order.canceled subscriber), and the books balance.
        const reversals = await until(
          () => entries(order.id, "reversal"),
          (e) => e.length > 0
        )
        expect(reversals.every((e) => e.reason === "cancellation")).toBe(true)
        expect(await netOf(order.id, "accrued")).toBe(0)
        const paidBack = reversals
          .filter((e) => e.account === "resident_payments")
          .reduce((s, e) => s + Number(e.amount), 0)
        expect(paidBack).toBe(Math.round(Number(order.total) * 100))

        // A second cancel is refused and reverses nothing more.
        const again = await cancel(order.id, {}, residentA.headers)
        expect(again.status).toBe(409)
        expect(again.data.message).toMatch(/取消/)
        expect(again.data.code).toBe("not_placed")
        await subscribers.idle()
        expect(await entries(order.id, "reversal")).toHaveLength(reversals.length)
        expect((await batchOf())[counter]).toBe(0)
      })

      it("a guest cancels with the cart the order came from; a wrong cart id is a 404", async () => {
        const mine = await asGuest()
        const other = await asGuest("someone-else@orders.test")
        expect((await cancel(mine.id, { cart_id: other.cart_id }, {})).status).toBe(404)
        // A signed-in stranger without the cart gets the same 404.
        expect((await cancel(mine.id, {}, residentA.headers)).status).toBe(404)
        expect((await assignmentOf(mine.id)).status).toBe("placed")
        const done = await cancel(mine.id, { cart_id: mine.cart_id }, {})
        expect(done.status).toBe(200)
        expect(done.data.order).toEqual({ id: mine.id, status: "canceled" })
        expect((await assignmentOf(other.id)).status).toBe("placed")
        // An order that does not exist looks the same as someone else's.
        expect((await cancel("order_01JZZZZZZZZZZZZZZZZZZZZZZZ", { cart_id: mine.cart_id }, {})).status).toBe(404)
      })

      it("after the cycle's cutoff the cancel is refused (409, in Chinese and English) and nothing changes", async () => {
        const order = await asCustomer()
        const before = await assignmentOf(order.id)
        const batchBefore = await batchOf()
        await moveCutoffIntoThePast()
        const refused = await cancel(order.id, {}, residentA.headers)
        expect(refused.status).toBe(409)
        expect(refused.data.message).toMatch(/截单/)
        expect(refused.data.message).toMatch(/cutoff/)
        expect(refused.data.code).toBe("cutoff_passed")
        const after = await assignmentOf(order.id)
        expect(after).toMatchObject({ status: "placed", code_hash: before.code_hash })
        expect(await batchOf()).toMatchObject({
          reserved_ambient: batchBefore.reserved_ambient,
          reserved_chilled: batchBefore.reserved_chilled,
        })
        const { data } = await query().graph({ entity: "order", fields: ["id", "status"], filters: { id: order.id } })
        expect(data[0].status).not.toBe("canceled")
        const { data: view } = await api.get(`/store/pickup-orders/${order.id}`, { headers: residentA.headers })
        expect(view.pickup.cancellable).toBe(false)
        expect(await ledger().listLedgerEntries({ order_id: order.id, kind: "reversal" })).toEqual([])
      })

      it("two cancels of the same order at the same moment: exactly one succeeds, the place is given back once", async () => {
        const order = await asCustomer()
        const keep = await asCustomer(residentB)
        await until(
          () => entries(order.id, "accrual"),
          (e) => e.length > 0
        )
        const results = await Promise.all([
          cancel(order.id, {}, residentA.headers),
          cancel(order.id, { cart_id: order.cart_id }, {}),
        ])
        expect(results.map((r) => r.status).sort()).toEqual([200, 409])
        // One order is left in the batch: the other cancel did not give a second place back.
        expect((await batchOf()).reserved_ambient).toBe(1)
        expect((await assignmentOf(keep.id)).status).toBe("placed")
        const reversals = await until(
          () => entries(order.id, "reversal"),
          (e) => e.length > 0
        )
        await subscribers.idle()
        expect(await entries(order.id, "reversal")).toHaveLength(reversals.length)
        expect(await netOf(order.id, "accrued")).toBe(0)
      })

      it("when Medusa refuses the cancellation, the pickup side is rolled back (same code, same place)", async () => {
        const order = await asCustomer()
        const before = await assignmentOf(order.id)
        const batchBefore = await batchOf()
        // Medusa's own cancel, the last step of our workflow, fails (the order module refuses).
        const orders = getContainer().resolve("order") as any
        const cancelOrders = orders.cancel
        orders.cancel = async () => {
          throw new Error("injected: the order module refuses the cancellation")
        }
        let refused: Awaited<ReturnType<typeof cancel>> | undefined
        try {
          refused = await cancel(order.id, {}, residentA.headers)
        } finally {
          orders.cancel = cancelOrders
        }
        // The injected fault, not a refusal of the request: a 4xx would leave the same state behind.
        expect(refused?.status).toBe(500)
        const after = await assignmentOf(order.id)
        expect(after).toMatchObject({ status: "placed", code_hash: before.code_hash })
        expect(await batchOf()).toMatchObject({ reserved_ambient: batchBefore.reserved_ambient })
        const { data } = await query().graph({ entity: "order", fields: ["id", "status"], filters: { id: order.id } })
        expect(data[0].status).not.toBe("canceled")
      })
    })

    describe("cancel in Medusa Admin (order.canceled)", () => {
      const staffOfPointA = () => createStaff(api, admin, "desk@orders.test", [ids.pointA], "前台小张")
      const verify = (staff: Headers, code: string) =>
        attempt(api.post(`/pickup-staff/points/${ids.pointA}/verify`, { code }, { headers: staff }))
      const adminCancel = (orderId: string) =>
        attempt(api.post(`/admin/orders/${orderId}/cancel`, {}, { headers: admin }))

      it("follows an operator's cancel even after the cutoff: place freed, code dead, ledger reversed once; a second pass changes nothing", async () => {
        const staff = await staffOfPointA()
        const order = await asCustomer()
        const keep = await asCustomer(residentB)
        const placed = await assignmentOf(order.id)
        const counter = placed.perishability === "chilled" ? "reserved_chilled" : "reserved_ambient"
        expect((await batchOf())[counter]).toBe(2)
        const { data: issued } = await api.post(
          `/store/pickup-orders/${order.id}/code`,
          {},
          { headers: residentA.headers }
        )
        // The code works at the counter before the cancel.
        const found = await verify(staff, issued.pickup_code.code)
        expect(found.status).toBe(200)
        expect(found.data.pickup.id).toBe(placed.id)
        await until(
          () => entries(order.id, "accrual"),
          (e) => e.length > 0
        )
        // The resident could no longer cancel; the operator still can.
        await moveCutoffIntoThePast()

        const done = await adminCancel(order.id)
        expect(done.status).toBe(200)
        const after = await until(
          () => assignmentOf(order.id),
          (a) => a.status === "canceled"
        )
        expect(after.status).toBe("canceled")
        expect(after.code_hash).toBeNull()
        expect((await batchOf())[counter]).toBe(1)
        expect((await assignmentOf(keep.id)).status).toBe("placed")
        expect((await verify(staff, issued.pickup_code.code)).status).toBe(422)

        const reversals = await until(
          () => entries(order.id, "reversal"),
          (e) => e.length > 0
        )
        expect(reversals.every((e) => e.reason === "cancellation")).toBe(true)
        expect(await netOf(order.id, "accrued")).toBe(0)
        const paidBack = reversals
          .filter((e) => e.account === "resident_payments")
          .reduce((s, e) => s + Number(e.amount), 0)
        expect(paidBack).toBe(Math.round(Number(order.total) * 100))

        // The event again (a redelivery, or the resident's cancel having come first): nothing changes.
        await wf.cancelPickupForCanceledOrderWorkflow(getContainer()).run({ input: { order_id: order.id } })
        await subscribers.idle()
        expect((await batchOf())[counter]).toBe(1)
        expect(await assignmentOf(order.id)).toMatchObject({ status: "canceled", code_hash: null })
        expect(await entries(order.id, "reversal")).toHaveLength(reversals.length)
        // Medusa refuses a second cancel of a canceled order; still nothing on our side.
        const second = await adminCancel(order.id)
        expect(second.status).toBe(400)
        expect(second.data.type).toBe("invalid_data")
        expect((await batchOf())[counter]).toBe(1)
      })

      it("after the resident's own cancel, the order.canceled pass gives no second place back", async () => {
        const order = await asCustomer()
        const keep = await asCustomer(residentB)
        expect((await cancel(order.id, {}, residentA.headers)).status).toBe(200)
        // The event has been handled once the ledger reversal is there.
        await until(
          () => entries(order.id, "reversal"),
          (e) => e.length > 0
        )
        await subscribers.idle()
        expect((await batchOf()).reserved_ambient).toBe(1)
        expect((await assignmentOf(keep.id)).status).toBe("placed")
      })

      it("an order already ready at the point: the pickup side is left alone and the cancel is logged", async () => {
        const order = await asCustomer()
        const before = await assignmentOf(order.id)
        await svc().updatePickupAssignments({ id: before.id, status: "ready" })
        const batchBefore = await batchOf()
        const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER) as any
        const warn = logger.warn
        const warned: string[] = []
        logger.warn = (msg: string, ...rest: unknown[]) => {
          warned.push(String(msg))
          return warn.call(logger, msg, ...rest)
        }
        try {
          expect((await adminCancel(order.id)).status).toBe(200)
          await until(
            async () => warned,
            (w) => w.some((m) => m.includes(order.id))
          )
        } finally {
          logger.warn = warn
        }
        expect(warned.find((m) => m.includes(order.id))).toMatch(/ready/)
        expect(await assignmentOf(order.id)).toMatchObject({ status: "ready", code_hash: before.code_hash })
        expect(await batchOf()).toMatchObject({
          reserved_ambient: batchBefore.reserved_ambient,
          reserved_chilled: batchBefore.reserved_chilled,
        })
      })
    })

    describe("guest pickup code and pickup view", () => {
      it("a guest proves the order with its cart id; a wrong proof is a 404; bad input a 400", async () => {
        const mine = await asGuest()
        const other = await asGuest("another@orders.test")
        const get = (q: string, h: Headers = {}) =>
          attempt(api.get(`/store/pickup-orders/${mine.id}${q}`, { headers: { ...pub, ...h } }))
        const post = (body: unknown, h: Headers = {}) =>
          attempt(api.post(`/store/pickup-orders/${mine.id}/code`, body, { headers: { ...pub, ...h } }))

        expect((await get("")).status).toBe(401)
        expect((await get(`?cart_id=${other.cart_id}`)).status).toBe(404)
        expect((await get("", residentA.headers)).status).toBe(404)
        const badGet = await get("?cart_id=abc")
        expect(badGet.status).toBe(400)
        expect(badGet.data.message).toMatch(/cart_id/)
        const view = await get(`?cart_id=${mine.cart_id}`)
        expect(view.status).toBe(200)
        expect(view.data.pickup).toMatchObject({
          status: "placed",
          cancellable: true,
          pickup_point: { id: ids.pointA },
        })
        expect(view.data.pickup.order_cycle).toMatchObject({ id: ids.cycle })
        expect(view.data.pickup.order_cycle.resident_cutoff_at).toBeTruthy()

        expect((await post({})).status).toBe(401)
        expect((await post({ cart_id: other.cart_id })).status).toBe(404)
        const badPost = await post({ cart_id: 42 })
        expect(badPost.status).toBe(400)
        expect(badPost.data.message).toMatch(/cart_id/)
        // The first request shows the code issued at placement (the one the order-placed
        // message carries, decision 014); every later request issues a new one.
        const placed = await assignmentOf(mine.id)
        expect(placed.code_shown_at).toBeNull()
        const issued = await post({ cart_id: mine.cart_id })
        expect(issued.status).toBe(201)
        expect(issued.data.pickup_code.code).toMatch(/^\d{8}$/)
        expect(issued.data.pickup_code.qr_token).toBeTruthy()
        const shown = await assignmentOf(mine.id)
        expect(shown.code_hash).toBe(placed.code_hash)
        expect(shown.code_hash).toBe(svc().hashCode(ids.pointA, issued.data.pickup_code.code))
        expect(shown.code_shown_at).not.toBeNull()
        const again = await post({ cart_id: mine.cart_id })
        expect(again.status).toBe(201)
        const after = await assignmentOf(mine.id)
        expect(after.code_hash).not.toBe(placed.code_hash)
        expect(after.code_hash).toBe(svc().hashCode(ids.pointA, again.data.pickup_code.code))
        expect(after.code_version).toBe(placed.code_version + 1)
        // The other guest's order kept its code.
        expect((await assignmentOf(other.id)).code_version).toBe(1)
      })
    })

    describe("claim", () => {
      it("moves guest orders proven by their cart onto the account; the account's email proves nothing; idempotent", async () => {
        // Ordered as a guest first, registered afterwards with the same email: the email alone claims nothing
        // (anyone can register any email, issue 11); the cart the order came from does.
        const guestMine = await asGuest("Late.Register@Orders.TEST")
        const claimer = await createResident(api, key, "late.register@orders.test")
        const guestOther = await asGuest("not-the-claimer@orders.test")
        const registered = await asCustomer(residentB)
        const unknown = "order_01JYYYYYYYYYYYYYYYYYYYYYYY"
        const claim = (orders: unknown, h: Headers = claimer.headers) =>
          attempt(api.post("/store/lianxin/orders/claim", { orders }, { headers: { ...pub, ...h } }))

        const first = await claim([
          { id: guestMine.id, cart_id: guestMine.cart_id },
          { id: guestOther.id, cart_id: guestMine.cart_id },
          { id: registered.id, cart_id: registered.cart_id },
          { id: unknown, cart_id: guestMine.cart_id },
        ])
        expect(first.status).toBe(200)
        expect(first.data).toEqual({ claimed: [guestMine.id] })
        const { data: meRes } = await api.get("/store/customers/me", { headers: claimer.headers })
        const { data: customers } = await query().graph({
          entity: "customer",
          fields: ["id", "pickup_point.id"],
          filters: { id: meRes.customer.id },
        })
        const me = customers[0]
        const { data: orders } = await query().graph({
          entity: "order",
          fields: ["id", "customer_id"],
          filters: { id: [guestMine.id, guestOther.id, registered.id] },
        })
        const owner = Object.fromEntries(orders.map((o: any) => [o.id, o.customer_id]))
        expect(owner[guestMine.id]).toBe(me.id)
        expect(owner[guestOther.id]).not.toBe(me.id)
        expect(owner[registered.id]).not.toBe(me.id)
        expect((await assignmentOf(guestMine.id)).customer_id).toBe(me.id)
        // The account now remembers the compound of the claimed order, and lists the order.
        expect(me.pickup_point?.id).toBe(ids.pointA)
        const { data: listed } = await api.get("/store/orders?fields=id", { headers: claimer.headers })
        expect(listed.orders.map((o: any) => o.id)).toContain(guestMine.id)
        // Now the signed-in owner may act on it without the cart.
        expect(
          (await attempt(api.get(`/store/pickup-orders/${guestMine.id}`, { headers: claimer.headers }))).status
        ).toBe(200)

        // Again: the same answer, nothing moves.
        const second = await claim([{ id: guestMine.id, cart_id: guestMine.cart_id }])
        expect(second.data).toEqual({ claimed: [guestMine.id] })
        // Another account, even holding the cart, cannot take an order that belongs to an account.
        expect((await claim([{ id: guestMine.id, cart_id: guestMine.cart_id }], residentB.headers)).data).toEqual({
          claimed: [],
        })
        expect((await assignmentOf(guestMine.id)).customer_id).toBe(me.id)
      })

      it("needs a signed-in customer and 1..50 orders, each with a well-formed id and cart id", async () => {
        const claim = (body: unknown, h: Headers = claimer.headers) =>
          attempt(api.post("/store/lianxin/orders/claim", body, { headers: { ...pub, ...h } }))
        const cart = "cart_01JYYYYYYYYYYYYYYYYYYYYYYY"
        expect((await claim({ orders: [{ id: "order_01JYYYYYYYYYYYYYYYYYYYYYYY", cart_id: cart }] }, {})).status).toBe(
          401
        )
        const empty = await claim({ orders: [] })
        expect(empty.status).toBe(400)
        expect(empty.data.message).toMatch(/orders/)
        const tooMany = await claim({
          orders: Array.from({ length: 51 }, (_, i) => ({
            id: `order_01JYYYYYYYYYYYYYYYYYYYYY${String(i).padStart(2, "0")}`,
            cart_id: cart,
          })),
        })
        expect(tooMany.status).toBe(400)
        expect(tooMany.data.message).toMatch(/orders/)
        const malformed = await claim({ orders: [{ id: "'; drop table order; --", cart_id: cart }] })
        expect(malformed.status).toBe(400)
        expect(malformed.data.message).toMatch(/orders\.0\.id/)
        expect((await claim({ orders: [{ id: "order_01JYYYYYYYYYYYYYYYYYYYYYYY" }] })).data.message).toMatch(
          /orders\.0\.cart_id/
        )
        expect((await claim({})).data.message).toMatch(/orders/)
      })
    })

    describe("points for residents", () => {
      it("GET /store/pickup-points/:id is one list element with its open cycles; unknown or inactive is a 404", async () => {
        const { data: list } = await api.get("/store/pickup-points?limit=100", { headers: pub })
        const fromList = list.pickup_points.find((p: any) => p.id === ids.pointA)
        const { data } = await api.get(`/store/pickup-points/${ids.pointA}`, { headers: pub })
        const { order_cycles, ...point } = data.pickup_point
        expect(point).toEqual(fromList)
        expect(point.office.compound_name).toBe("安居小区")
        const cycle = order_cycles.find((c: any) => c.id === ids.cycle)
        expect(cycle).toMatchObject({ name: "安居明日达", places_left: { chilled: 3, ambient: 20 } })

        expect(
          (await attempt(api.get("/store/pickup-points/ppt_01JXXXXXXXXXXXXXXXXXXXXXXX", { headers: pub }))).status
        ).toBe(404)
        await svc().updatePickupPoints({ id: ids.pointB, is_active: false })
        expect((await attempt(api.get(`/store/pickup-points/${ids.pointB}`, { headers: pub }))).status).toBe(404)
        expect((await attempt(api.get(`/store/pickup-points/${ids.pointA}?x=1`, { headers: pub }))).status).toBe(400)
      })

      it("availability per storage class: places left, cutoff passed, batch closed; bad input is a 400", async () => {
        const avail = async (q = "") =>
          attempt(api.get(`/store/pickup-points/${ids.pointA}/availability${q}`, { headers: pub }))
        let r = await avail(`?order_cycle_id=${ids.cycle}`)
        expect(r.status).toBe(200)
        expect(r.data.availability).toEqual({
          order_cycle_id: ids.cycle,
          open: true,
          reason: null,
          classes: { chilled: { capacity: 3, remaining: 3 }, ambient: { capacity: 20, remaining: 20 } },
        })
        await asCustomer()
        await asGuest()
        r = await avail(`?order_cycle_id=${ids.cycle}`)
        expect(r.data.availability.classes).toEqual({
          chilled: { capacity: 3, remaining: 3 },
          ambient: { capacity: 20, remaining: 18 },
        })

        // Without a cycle: the next open cycle at the point, the first one the cycles list offers.
        const offered = async () =>
          (await api.get(`/store/pickup-points/${ids.pointA}/cycles`, { headers: pub })).data.order_cycles.map(
            (c: any) => c.id
          )
        expect((await avail()).data.availability.order_cycle_id).toBe((await offered())[0])

        const batch = await batchOf()
        await svc().updatePickupBatches({ id: batch.id, status: "arrived" })
        r = await avail(`?order_cycle_id=${ids.cycle}`)
        expect(r.data.availability).toMatchObject({ open: false, reason: "batch_closed" })
        expect(r.data.availability.classes.ambient).toEqual({ capacity: 20, remaining: 0 })
        // One rule: the closed cycle is no longer offered, nor the default of availability.
        expect(await offered()).not.toContain(ids.cycle)
        expect((await avail()).data.availability).toMatchObject({ open: true, order_cycle_id: (await offered())[0] })

        await moveCutoffIntoThePast()
        r = await avail(`?order_cycle_id=${ids.cycle}`)
        expect(r.data.availability).toMatchObject({ open: false, reason: "cutoff_passed" })

        const bad = await avail("?order_cycle_id=tomorrow")
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/order_cycle_id/)
        expect((await avail("?order_cycle_id=pcyc_01JXXXXXXXXXXXXXXXXXXXXXXX")).status).toBe(404)
        expect(
          (await attempt(api.get("/store/pickup-points/ppt_01JXXXXXXXXXXXXXXXXXXXXXXX/availability", { headers: pub })))
            .status
        ).toBe(404)
      })

      it("remembers the compound on the account; signed-in only; bad input is a 400", async () => {
        const url = "/store/customers/me/pickup-point"
        expect((await attempt(api.get(url, { headers: pub }))).status).toBe(401)
        expect((await attempt(api.post(url, { pickup_point_id: ids.pointB }, { headers: pub }))).status).toBe(401)
        expect((await api.get(url, { headers: claimer.headers })).data).toEqual({ pickup_point: null })

        const set = await api.post(url, { pickup_point_id: ids.pointB }, { headers: claimer.headers })
        expect(set.data.pickup_point).toMatchObject({
          id: ids.pointB,
          remembered: true,
          office: { compound_name: "安居小区" },
        })
        expect((await api.get(url, { headers: claimer.headers })).data.pickup_point.id).toBe(ids.pointB)
        const { data: list } = await api.get("/store/pickup-points?limit=100", { headers: claimer.headers })
        expect(list.pickup_points[0]).toMatchObject({ id: ids.pointB, remembered: true })
        // Replacing it keeps exactly one remembered point.
        await api.post(url, { pickup_point_id: ids.pointA }, { headers: claimer.headers })
        const { data: meRes } = await api.get("/store/customers/me", { headers: claimer.headers })
        const { data: links } = await query().graph({
          entity: "customer_pickup_point",
          fields: ["customer_id", "pickup_point_id"],
          filters: { customer_id: meRes.customer.id },
        })
        expect(links.map((l: any) => l.pickup_point_id)).toEqual([ids.pointA])
        // Other residents are untouched.
        expect((await api.get(url, { headers: residentB.headers })).data.pickup_point).toBeNull()

        const bad = await attempt(api.post(url, { pickup_point_id: "HZ-AJ-1" }, { headers: claimer.headers }))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/pickup_point_id/)
        const unknown = await attempt(
          api.post(url, { pickup_point_id: "ppt_01JXXXXXXXXXXXXXXXXXXXXXXX" }, { headers: claimer.headers })
        )
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toMatch(/pickup_point_id/)
        expect((await api.get(url, { headers: claimer.headers })).data.pickup_point.id).toBe(ids.pointA)
      })
    })

    describe("checkout", () => {
      it("a cart without a pickup point is refused with a clear 400, and no order or place is created", async () => {
        const { data: regions } = await api.get("/store/regions", { headers: pub })
        const region = regions.regions.find((r: any) => r.currency_code === "cny")
        const { data: created } = await api.post("/store/carts", { region_id: region.id }, { headers: pub })
        const cartId = created.cart.id
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: apple, quantity: 1 }, { headers: pub })
        await api.post(
          `/store/carts/${cartId}`,
          {
            email: "nopoint@orders.test",
            shipping_address: {
              first_name: "小",
              last_name: "李",
              phone: "13900001111",
              address_1: "x",
              city: "杭州",
              country_code: "cn",
            },
          },
          { headers: pub }
        )
        const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, { headers: pub })
        await api.post(
          `/store/carts/${cartId}/shipping-methods`,
          { option_id: options.shipping_options[0].id },
          { headers: pub }
        )
        const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers: pub })
        await api.post(
          `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          { headers: pub }
        )
        const done = await attempt(api.post(`/store/carts/${cartId}/complete`, {}, { headers: pub }))
        expect(done.status).toBe(400)
        expect(done.data.message).toMatch(/自提点/)
        expect(done.data.message).toMatch(/pickup_point_id/)
        const { data: links } = await query().graph({
          entity: "order_cart",
          fields: ["order_id"],
          filters: { cart_id: cartId },
        })
        expect(links).toEqual([])
        expect(await svc().listPickupAssignments({ cart_id: cartId })).toEqual([])
      })

      it("rollback: a failure after the place was taken and the order placed leaves nothing half-written", async () => {
        const batchBefore = await batchOf()
        const linesBefore = (await svc().listPickupLines({}, { take: 10_000 })).length
        const [, ordersBefore] = await getContainer().resolve("order").listAndCountOrders({}, { take: 1 })
        const pickup = svc()
        const issueCode = pickup.issueCode
        // The order exists and its reservation is placed with lines; issuing its first code then fails.
        pickup.issueCode = async () => {
          throw new Error("injected failure after placement")
        }
        let r: any
        try {
          r = await pickupCheckout(api, residentA.headers, [{ variant_id: apple, quantity: 2 }], choice())
        } finally {
          pickup.issueCode = issueCode
        }
        expect(r.type).toBe("cart")
        expect(await svc().listPickupAssignments({ cart_id: r.cart_id })).toEqual([])
        expect((await svc().listPickupLines({}, { take: 10_000 })).length).toBe(linesBefore)
        const batchAfter = await batchOf()
        expect(batchAfter?.reserved_ambient ?? 0).toBe(batchBefore?.reserved_ambient ?? 0)
        expect(batchAfter?.reserved_chilled ?? 0).toBe(batchBefore?.reserved_chilled ?? 0)
        const { data: links } = await query().graph({
          entity: "order_cart",
          fields: ["order_id"],
          filters: { cart_id: r.cart_id },
        })
        expect(links.filter((l: any) => l.order_id)).toEqual([])
        const [, ordersAfter] = await getContainer().resolve("order").listAndCountOrders({}, { take: 1 })
        expect(ordersAfter).toBe(ordersBefore)

        // The same cart, retried once the fault is gone, checks out normally into the place it gave back.
        const retry = await attempt(api.post(`/store/carts/${r.cart_id}/complete`, {}, { headers: residentA.headers }))
        expect(retry.data.type).toBe("order")
        expect((await batchOf()).reserved_ambient).toBe((batchBefore?.reserved_ambient ?? 0) + 1)
        expect((await assignmentOf(retry.data.order.id)).lines).toHaveLength(1)
      })

      it("rollback: set-cart-pickup followed by a failing step puts the cart's previous choice back", async () => {
        const { data: regions } = await api.get("/store/regions", { headers: pub })
        const region = regions.regions.find((x: any) => x.currency_code === "cny")
        const { data: created } = await api.post("/store/carts", { region_id: region.id }, { headers: pub })
        const cartId = created.cart.id
        await api.post(`/store/carts/${cartId}/pickup`, choice(), { headers: pub })
        const boom = sdk.createStep("store-orders-spec-boom", async () => {
          throw new Error("injected failure after set-cart-pickup")
        })
        const failing = sdk.createWorkflow("store-orders-spec-set-pickup-then-fail", (input: any) => {
          wf.setCartPickupWorkflow.runAsStep({ input })
          boom()
          return new sdk.WorkflowResponse(input)
        })
        const { errors } = await failing(getContainer()).run({
          input: { cart_id: cartId, pickup_point_id: ids.pointB, order_cycle_id: ids.cycle },
          throwOnError: false,
        })
        expect(errors.length).toBeGreaterThan(0)
        const { data } = await query().graph({
          entity: "cart",
          fields: ["id", "pickup_point.id", "order_cycle.id"],
          filters: { id: cartId },
        })
        expect(data[0].pickup_point?.id).toBe(ids.pointA)
        expect(data[0].order_cycle?.id).toBe(ids.cycle)
      })
    })
  },
})
