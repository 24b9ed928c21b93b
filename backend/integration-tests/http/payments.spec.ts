import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seed, E2E } from "@lianxin/seed"
import { startStripeTestServer, signatureHeader } from "@lianxin/plugin/testing/stripe-test-server.mjs"
import { expectLedgerBalanced } from "../helpers/ledger"
import { createAdminSession } from "../helpers/admin"
import { variantIdByHandle } from "../helpers/checkout"
import { createHouseholdOwning } from "../helpers/households"
import { createCycle, createOffice, createPoint, createStaff } from "../helpers/pickup-network"
import { attempt, createResident, type Headers } from "../helpers/pickup-staff"
import { cartReadyToPay, choosePayment, PROVIDERS } from "../helpers/payments"
import { trackSubscribers, until } from "../helpers/wait"

/**
 * Online payments end to end: our Stripe providers (the real stripe SDK) against
 * the Stripe-compatible test server, its signed webhooks arriving at Medusa's
 * /hooks/payment route, and what pickup and the ledger make of the money.
 */
const API_KEY = "sk_test_lianxin_integration"
const WEBHOOK_SECRET = "whsec_lianxin_integration"
const stripe = await startStripeTestServer({ apiKey: API_KEY })
// The runner loads medusa-config before applying its `env` option: this (forked) file sets them first.
Object.assign(process.env, {
  STRIPE_API_KEY: API_KEY,
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_API_HOST: stripe.url,
  STRIPE_WEBHOOK_DELAY_MS: "1",
})
afterAll(() => stripe.close())

const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")
const fen = (v: unknown) => Math.round(Number(v) * 100)

medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer }) => {
    let key: string
    let resident: { email: string; headers: Headers }
    let guest: Headers
    let staff: Headers
    let subscribers: ReturnType<typeof trackSubscribers>
    const ids = { point: "", cycle: "" }
    let apple: string
    let orange: string

    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY) as any
    const pickup = () => getContainer().resolve("pickup") as any
    const ledger = () => getContainer().resolve("revenueShare") as any

    beforeAll(async () => {
      const container = getContainer()
      key = (await seed(container, "e2e")).publishableKey
      guest = { "x-publishable-api-key": key }
      const admin = (await createAdminSession(api, container)).headers
      await createHouseholdOwning(container, api, key, {
        village: { code: "PAY-ZF", name: "支付村", township: "支付镇", county: "支付县", province: "浙江省" },
        household: { code: "PAY-ZF-001", display_name: "丙" },
        handles: [E2E.products.apple.handle, E2E.products.orange.handle],
      })
      apple = await variantIdByHandle(api, key, E2E.products.apple.handle)
      orange = await variantIdByHandle(api, key, E2E.products.orange.handle)
      const office = await createOffice(api, admin, {
        compound_name: "支付小区",
        city: "杭州市",
        address: "杭州市支付路 1 号",
      })
      ids.point = await createPoint(api, admin, office, "HZ-ZF-1")
      ids.cycle = await createCycle(api, admin, { name: "支付测试批次", rhythm: "special", pickupInHours: 20 })
      staff = await createStaff(api, admin, "pay-counter@pickup.test", [ids.point])
      resident = await createResident(api, key, "payer@pickup.test")
      // As `npm start` does through the seed script when Stripe is configured.
      await wf.enableOnlinePaymentsWorkflow(container).run({
        input: { provider_ids: [PROVIDERS.wechat, PROVIDERS.alipay, PROVIDERS.card] },
      })
      stripe.addWebhook({ url: `${api.defaults.baseURL}/hooks/payment/stripe_stripe`, secret: WEBHOOK_SECRET })
      subscribers = trackSubscribers(container)
    })
    beforeEach(() => stripe.setDelivery(true))
    afterEach(async () => {
      // Webhooks still in flight would otherwise be processed against the next test's restored database.
      await webhooksProcessed()
      await expectLedgerBalanced(getContainer())
    })

    const choice = () => ({ pickup_point_id: ids.point, order_cycle_id: ids.cycle })
    const orderIdOfCart = async (cartId: string) => {
      const { data } = await query().graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      return data as Array<{ order_id: string }>
    }
    async function orderPayments(orderId: string) {
      const { data } = await query().graph({
        entity: "order",
        fields: [
          "id",
          "total",
          "payment_collections.payments.id",
          "payment_collections.payments.provider_id",
          "payment_collections.payments.captured_at",
          "payment_collections.payments.captures.amount",
          "payment_collections.payments.refunds.amount",
        ],
        filters: { id: orderId },
      })
      const o = data[0]
      const payments = (o.payment_collections ?? []).flatMap((pc: any) => pc.payments ?? [])
      const sum = (xs: any[]) => xs.reduce((s: number, x: any) => s + fen(x.amount), 0)
      return {
        order: o,
        payments,
        captures: payments.flatMap((p: any) => p.captures ?? []),
        capturedFen: sum(payments.flatMap((p: any) => p.captures ?? [])),
        refundedFen: sum(payments.flatMap((p: any) => p.refunds ?? [])),
      }
    }
    const stripeRefundsFen = (intentId: string) =>
      [...stripe.state.refunds.values()].filter((r) => r.payment_intent === intentId).map((r) => r.amount)
    const ledgerEntries = async (orderId: string) => ledger().listLedgerEntries({ order_id: orderId }, { take: 1000 })
    const netOf = async (orderId: string, account: string) =>
      (await ledger().lineBalances(orderId))
        .filter((b: any) => b.account === account)
        .reduce((s: number, b: any) => s + b.net, 0)
    /**
     * Webhooks answered, their (1 ms) delayed processing run (trackSubscribers waits for delayed events too),
     * every subscriber and workflow finished.
     * Duplicates still queued on the cart lock can outlive this (Medusa does not store process-payment
     * executions); when the next test's restore removes their session they log "PaymentSession … was not found".
     * Run alone, the duplicate-storm test logs no such error.
     */
    async function webhooksProcessed() {
      await stripe.settled()
      await subscribers.idle()
    }
    const batchPlacesTaken = async () => {
      const [batch] = await pickup().listPickupBatches({ point_id: ids.point, cycle_id: ids.cycle })
      return batch ? Number(batch.reserved_chilled ?? 0) + Number(batch.reserved_ambient ?? 0) : 0
    }

    /** A WeChat Pay checkout up to the QR: the intent waits for the resident to scan it. */
    async function wechatUpToQr(headers: Headers, lines = [{ variant_id: apple, quantity: 2 }]) {
      const { cartId, collectionId } = await cartReadyToPay(api, headers, lines, choice())
      const session = await choosePayment(api, headers, collectionId, PROVIDERS.wechat)
      return { cartId, collectionId, session, intentId: session.data.id as string }
    }
    /** A WeChat Pay order placed by the webhook alone (the resident's browser never came back). */
    async function paidWechatOrder(headers: Headers, lines = [{ variant_id: apple, quantity: 2 }]) {
      const started = await wechatUpToQr(headers, lines)
      stripe.succeed(started.intentId)
      const [link] = await until(
        () => orderIdOfCart(started.cartId),
        (l) => l.length > 0
      )
      if (!link) throw new Error(`no order for cart ${started.cartId} after the webhook`)
      await webhooksProcessed()
      return { ...started, orderId: link.order_id }
    }

    describe("WeChat Pay", () => {
      it("shows the QR, refuses to complete before payment (cart and place intact), and the webhook alone places the order", async () => {
        const placesBefore = await batchPlacesTaken()
        const { cartId, session, intentId } = await wechatUpToQr(resident.headers)
        expect(session.status).toBe("requires_more")
        expect(session.data.next_action.type).toBe("wechat_pay_display_qr_code")
        expect(session.data.next_action.wechat_pay_display_qr_code.data).toMatch(/^weixin:\/\//)
        const intent = stripe.intent(intentId)!
        expect(intent).toMatchObject({
          amount: 2 * E2E.products.apple.priceFen,
          currency: "cny",
          payment_method_types: ["wechat_pay"],
        })
        expect(intent.metadata.session_id).toBe(session.id)
        // A signed-in resident: their Stripe customer was made once and is on the intent.
        expect(intent.customer).toMatch(/^cus_/)

        // Before the resident pays, completing refuses (no order, cart intact, pickup place given back).
        const early = await attempt(api.post(`/store/carts/${cartId}/complete`, {}, { headers: resident.headers }))
        expect(early.data.type).not.toBe("order")
        expect(await orderIdOfCart(cartId)).toEqual([])
        expect(
          (await api.get(`/store/carts/${cartId}?fields=id,completed_at`, { headers: resident.headers })).data.cart
            .completed_at
        ).toBeNull()
        expect(await batchPlacesTaken()).toBe(placesBefore)

        // The resident scans and pays, then closes the browser: only the webhook is left to place the order.
        stripe.succeed(intentId)
        const [link] = await until(
          () => orderIdOfCart(cartId),
          (l) => l.length > 0
        )
        expect(link?.order_id).toBeTruthy()
        await webhooksProcessed()
        const paid = await orderPayments(link.order_id)
        expect(paid.payments).toHaveLength(1)
        expect(paid.payments[0].provider_id).toBe(PROVIDERS.wechat)
        expect(paid.capturedFen).toBe(fen(paid.order.total))
        expect(paid.payments[0].captured_at).toBeTruthy()
        const [assignment] = await pickup().listPickupAssignments({ order_id: link.order_id })
        expect(assignment.status).toBe("placed")
        expect(await netOf(link.order_id, "accrued")).not.toBe(0)
        expect(await batchPlacesTaken()).toBe(placesBefore + 1)

        // The storefront coming back later gets the same order, nothing twice.
        const late = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: resident.headers })
        expect(late.data).toMatchObject({ type: "order", order: { id: link.order_id } })
        expect(await orderIdOfCart(cartId)).toHaveLength(1)
        // Wallets capture at once: Stripe was never asked to capture.
        expect(stripe.state.requests.filter((r) => r.path.endsWith("/capture"))).toEqual([])

        // At the counter there is nothing left to collect; handing over takes no second capture.
        const [batch] = await pickup().listPickupBatches({ point_id: ids.point, cycle_id: ids.cycle })
        await api.post(`/pickup-staff/batches/${batch.id}/arrive`, {}, { headers: staff })
        await api.post(`/pickup-staff/batches/${batch.id}/check-in`, { shortages: [] }, { headers: staff })
        const counter = (await api.get(`/pickup-staff/assignments/${assignment.id}`, { headers: staff })).data
        expect(counter.pickup).toMatchObject({ paid_online: true, amount_to_collect_fen: 0 })
        const { code } = (
          await api.post(`/store/pickup-orders/${link.order_id}/code`, {}, { headers: resident.headers })
        ).data.pickup_code
        const handover = await api.post(
          `/pickup-staff/assignments/${assignment.id}/handover`,
          { code },
          { headers: staff }
        )
        expect(handover.data.amount_to_collect_fen).toBe(0)
        const after = await orderPayments(link.order_id)
        expect(after.captures).toHaveLength(1)
        expect(after.refundedFen).toBe(0)
        expect(await netOf(link.order_id, "accrued")).toBe(0)
        expect(Math.abs(await netOf(link.order_id, "earned"))).toBe(fen(paid.order.total))
      })

      it("10 duplicated and reordered webhooks give one capture and one order; replaying them changes no ledger entry", async () => {
        stripe.setDelivery(false)
        const { cartId, intentId } = await wechatUpToQr(guest)
        stripe.succeed(intentId)
        const events = stripe.events({ intent: intentId })
        const of = (type: string) => events.find((e) => e.type === type)!
        const succeeded = of("payment_intent.succeeded")
        // Out of order and repeated: success six times among the earlier events, all at once.
        const storm = [
          succeeded,
          of("payment_intent.requires_action"),
          succeeded,
          of("charge.succeeded"),
          succeeded,
          of("payment_intent.created"),
          succeeded,
          succeeded,
          of("payment_intent.requires_action"),
          succeeded,
        ]
        expect(storm).toHaveLength(10)
        await Promise.all(storm.map((e) => stripe.deliver(e)))
        const [link] = await until(
          () => orderIdOfCart(cartId),
          (l) => l.length > 0
        )
        await webhooksProcessed()
        expect(
          stripe.state.deliveries.filter((d) => storm.some((e) => e.id === d.event_id)).every((d) => d.status === 200)
        ).toBe(true)

        expect(await orderIdOfCart(cartId)).toHaveLength(1)
        const paid = await orderPayments(link.order_id)
        expect(paid.payments).toHaveLength(1)
        expect(paid.captures).toHaveLength(1)
        expect(paid.capturedFen).toBe(fen(paid.order.total))
        expect(paid.refundedFen).toBe(0)
        // Duplicates that lost the race for the cart lock neither refunded nor canceled anything at Stripe.
        expect(stripeRefundsFen(intentId)).toEqual([])
        expect(stripe.intent(intentId)!.status).toBe("succeeded")
        const assignments = await pickup().listPickupAssignments({ order_id: link.order_id })
        expect(assignments).toHaveLength(1)
        const entries = await ledgerEntries(link.order_id)
        expect(entries.length).toBeGreaterThan(0)

        // The whole storm again, later: nothing changes.
        await Promise.all(storm.map((e) => stripe.deliver(e)))
        await webhooksProcessed()
        expect(await orderIdOfCart(cartId)).toHaveLength(1)
        expect((await orderPayments(link.order_id)).captures).toHaveLength(1)
        expect((await ledgerEntries(link.order_id)).map((e: any) => e.id).sort()).toEqual(
          entries.map((e: any) => e.id).sort()
        )
      })

      it("webhooks with a forged, stale or altered signature change nothing; the genuine one then places the order", async () => {
        stripe.setDelivery(false)
        const { cartId, intentId } = await wechatUpToQr(guest)
        stripe.succeed(intentId)
        const event = stripe.events({ type: "payment_intent.succeeded", intent: intentId })[0]
        const payload = JSON.stringify(event)
        await stripe.deliver(event, { signature: signatureHeader(payload, "whsec_not_ours") })
        await stripe.deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 3600 })
        await stripe.deliver(event, {
          payload: payload.replace(intentId, "pi_someone_else"),
          signature: signatureHeader(payload, WEBHOOK_SECRET),
        })
        await stripe.deliver(event, { signature: "t=1,v1=deadbeef" })
        await webhooksProcessed()
        expect(await orderIdOfCart(cartId)).toEqual([])
        const { data } = await query().graph({
          entity: "payment_session",
          fields: ["id", "payment.id", "authorized_at"],
          filters: { id: event.data.object.metadata.session_id },
        })
        expect(data[0]).toMatchObject({ authorized_at: null })
        expect(data[0].payment ?? null).toBeNull()

        // The test could fail: the genuine delivery does place the order.
        await stripe.deliver(event)
        expect(
          await until(
            () => orderIdOfCart(cartId),
            (l) => l.length > 0
          )
        ).toHaveLength(1)
        await webhooksProcessed()
      })

      it("paid after the cutoff: no order, the payment is refunded in full through Stripe, the cart is kept", async () => {
        const { cartId, intentId } = await wechatUpToQr(guest)
        const past = new Date(Date.now() - 60_000)
        await pickup().updateOrderCycles({ id: ids.cycle, producer_cutoff_at: past, resident_cutoff_at: past })
        stripe.succeed(intentId)
        await until(
          async () => stripeRefundsFen(intentId).length,
          (n) => n > 0
        )
        await webhooksProcessed()
        expect(await orderIdOfCart(cartId)).toEqual([])
        expect(stripeRefundsFen(intentId)).toEqual([stripe.intent(intentId)!.amount])
        const late = await attempt(api.post(`/store/carts/${cartId}/complete`, {}, { headers: guest }))
        expect(late.data?.type).not.toBe("order")
        expect(await orderIdOfCart(cartId)).toEqual([])
        expect(stripeRefundsFen(intentId)).toHaveLength(1)
      })

      it("a lost webhook: the reconcile job finds the paid cart and places its order; unpaid carts stay as they are", async () => {
        stripe.setDelivery(false)
        const paid = await wechatUpToQr(guest)
        const waiting = await wechatUpToQr(guest)
        const atCounter = await cartReadyToPay(api, guest, [{ variant_id: apple, quantity: 1 }], choice())
        await choosePayment(api, guest, atCounter.collectionId, PROVIDERS.pickup)
        stripe.succeed(paid.intentId)
        const later = new Date(Date.now() + 10 * 60_000)

        // Too young: left to the webhook and the payment page.
        const early = await wf.reconcileOnlinePaymentsWorkflow(getContainer()).run({ input: { now: new Date() } })
        expect(early.result).toEqual({ checked: 0, placed: [] })

        const { result } = await wf.reconcileOnlinePaymentsWorkflow(getContainer()).run({ input: { now: later } })
        expect(result.checked).toBe(2)
        const [link] = await orderIdOfCart(paid.cartId)
        expect(result.placed).toEqual([{ cart_id: paid.cartId, order_id: link.order_id }])
        expect((await orderPayments(link.order_id)).captures).toHaveLength(1)
        expect(await orderIdOfCart(waiting.cartId)).toEqual([])
        expect(stripe.intent(waiting.intentId)!.status).toBe("requires_action")
        expect(await orderIdOfCart(atCounter.cartId)).toEqual([])

        // A second run finds nothing more to place.
        const again = await wf.reconcileOnlinePaymentsWorkflow(getContainer()).run({ input: { now: later } })
        expect(again.result.placed).toEqual([])
        await webhooksProcessed()
      })

      it("a failed payment leaves the cart intact with the reason; the resident retries or switches to pay at pickup", async () => {
        const { cartId, collectionId, intentId } = await wechatUpToQr(guest)
        stripe.fail(intentId)
        await webhooksProcessed()
        const refused = await attempt(api.post(`/store/carts/${cartId}/complete`, {}, { headers: guest }))
        expect(refused.data?.type).not.toBe("order")
        expect(await orderIdOfCart(cartId)).toEqual([])
        const { data } = await api.get(
          `/store/carts/${cartId}?fields=id,completed_at,*items,*payment_collection.payment_sessions`,
          { headers: guest }
        )
        expect(data.cart.completed_at).toBeNull()
        expect(data.cart.items).toHaveLength(1)
        const failed = data.cart.payment_collection.payment_sessions[0]
        expect(failed.status).toBe("error")
        expect(failed.data.last_payment_error.message).toMatch(/did not approve/)

        // Retry: a new session is a new intent with a new QR; the old intent is canceled at Stripe.
        const retry = await choosePayment(api, guest, collectionId, PROVIDERS.wechat)
        expect(retry.data.id).not.toBe(intentId)
        expect(stripe.intent(intentId)!.status).toBe("canceled")
        // Or switch to pay at pickup: the WeChat intent is canceled, the order is placed to pay at the counter.
        await choosePayment(api, guest, collectionId, PROVIDERS.pickup)
        expect(stripe.intent(retry.data.id)!.status).toBe("canceled")
        const done = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: guest })
        expect(done.data.type).toBe("order")
        const placed = await orderPayments(done.data.order.id)
        expect(placed.payments.map((p: any) => p.provider_id)).toEqual([PROVIDERS.pickup])
        expect(placed.capturedFen).toBe(0)
      })
    })

    describe("Alipay and card", () => {
      it("Alipay: redirects to the payment page, which sends the resident back; the storefront's completion places the order once", async () => {
        const { cartId, collectionId } = await cartReadyToPay(
          api,
          guest,
          [{ variant_id: orange, quantity: 1 }],
          choice()
        )
        const missing = await attempt(
          api.post(
            `/store/payment-collections/${collectionId}/payment-sessions`,
            { provider_id: PROVIDERS.alipay },
            { headers: guest }
          )
        )
        expect(missing.status).toBe(400)
        expect(missing.data.message).toMatch(/return_url/)
        const session = await choosePayment(api, guest, collectionId, PROVIDERS.alipay, {
          return_url: "http://shop.test/checkout/pay?cart=1",
        })
        const redirect = session.data.next_action.alipay_handle_redirect.url as string
        const res = await fetch(redirect, {
          method: "POST",
          body: "outcome=succeed",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          redirect: "manual",
        })
        const back = new URL(res.headers.get("location")!)
        expect(back.searchParams.get("redirect_status")).toBe("succeeded")
        // Back on our page before the webhook is processed: completing places the order...
        const done = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: guest })
        expect(done.data.type).toBe("order")
        // ...and the webhooks that follow change nothing.
        await webhooksProcessed()
        expect(await orderIdOfCart(cartId)).toHaveLength(1)
        const paid = await orderPayments(done.data.order.id)
        expect(paid.captures).toHaveLength(1)
        expect(paid.payments[0].provider_id).toBe(PROVIDERS.alipay)
      })

      it("card: confirmed with Stripe.js (here the SDK), completed by the storefront, one capture", async () => {
        const { cartId, collectionId } = await cartReadyToPay(
          api,
          resident.headers,
          [{ variant_id: apple, quantity: 1 }],
          choice()
        )
        const session = await choosePayment(api, resident.headers, collectionId, PROVIDERS.card)
        expect(session.data.client_secret).toMatch(/_secret_/)
        expect(session.data.status).toBe("requires_payment_method")
        // What the Payment Element does in the browser with the client secret.
        const sdk = nodeRequire(
          nodeRequire.resolve("stripe", { paths: [nodeRequire.resolve("@medusajs/payment-stripe")] })
        )
        const client = new sdk(API_KEY, { host: "127.0.0.1", port: stripe.port, protocol: "http" })
        await client.paymentIntents.confirm(session.data.id, { payment_method: "pm_card_visa" })
        const done = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: resident.headers })
        expect(done.data.type).toBe("order")
        await webhooksProcessed()
        const paid = await orderPayments(done.data.order.id)
        expect(paid.captures).toHaveLength(1)
        expect(paid.capturedFen).toBe(fen(paid.order.total))
      })
    })

    describe("refunds through Stripe, and the ledger", () => {
      it("a shortage at check-in is refunded through Stripe for exactly its value, and the ledger reverses exactly that", async () => {
        const { orderId, intentId, cartId } = await paidWechatOrder(guest, [
          { variant_id: apple, quantity: 2 },
          { variant_id: orange, quantity: 1 },
        ])
        const total = fen((await orderPayments(orderId)).order.total)
        const [batch] = await pickup().listPickupBatches({ point_id: ids.point, cycle_id: ids.cycle })
        await api.post(`/pickup-staff/batches/${batch.id}/arrive`, {}, { headers: staff })
        await api.post(
          `/pickup-staff/batches/${batch.id}/check-in`,
          { shortages: [{ variant_id: apple, missing_quantity: 1 }] },
          { headers: staff }
        )
        const shortFen = E2E.products.apple.priceFen
        await until(
          async () => stripeRefundsFen(intentId).length,
          (n) => n > 0
        )
        await webhooksProcessed()

        expect(stripeRefundsFen(intentId)).toEqual([shortFen])
        const after = await orderPayments(orderId)
        expect(after.refundedFen).toBe(shortFen)
        const [a] = await pickup().listPickupAssignments({ order_id: orderId })
        expect(Number(a.refunded_fen)).toBe(shortFen)
        expect(Number(a.collect_reduction_fen)).toBe(0)
        const reversals = await ledger().listLedgerEntries(
          { order_id: orderId, kind: "reversal", account: "resident_payments" },
          { take: 100 }
        )
        expect(reversals.reduce((s: number, e: any) => s + Number(e.amount), 0)).toBe(shortFen)

        // Handover: nothing to collect, nothing refunded twice; the household earns the rest.
        const { code } = (
          await api.post(`/store/pickup-orders/${orderId}/code`, { cart_id: cartId }, { headers: guest })
        ).data.pickup_code
        const handover = await api.post(`/pickup-staff/assignments/${a.id}/handover`, { code }, { headers: staff })
        expect(handover.data.amount_to_collect_fen).toBe(0)
        expect(stripeRefundsFen(intentId)).toEqual([shortFen])
        expect((await orderPayments(orderId)).captures).toHaveLength(1)
        expect(Math.abs(await netOf(orderId, "earned"))).toBe(total - shortFen)
      })

      it("units damaged at handover are refunded through Stripe (partial), reversed in the ledger for exactly that", async () => {
        const { orderId, intentId } = await paidWechatOrder(resident.headers, [{ variant_id: apple, quantity: 3 }])
        const [batch] = await pickup().listPickupBatches({ point_id: ids.point, cycle_id: ids.cycle })
        await api.post(`/pickup-staff/batches/${batch.id}/arrive`, {}, { headers: staff })
        await api.post(`/pickup-staff/batches/${batch.id}/check-in`, { shortages: [] }, { headers: staff })
        const { code } = (await api.post(`/store/pickup-orders/${orderId}/code`, {}, { headers: resident.headers }))
          .data.pickup_code
        const [a] = await pickup().listPickupAssignments({ order_id: orderId }, { relations: ["lines"] })
        const { data } = await api.post(
          `/pickup-staff/assignments/${a.id}/handover`,
          { code, lines: [{ line_item_id: a.lines[0].line_item_id, quantity: 1, reason: "damaged" }] },
          { headers: staff }
        )
        const damagedFen = 2 * E2E.products.apple.priceFen
        expect(data.amount_to_collect_fen).toBe(0)
        expect(stripeRefundsFen(intentId)).toEqual([damagedFen])
        expect((await orderPayments(orderId)).refundedFen).toBe(damagedFen)
        const reversals = await ledger().listLedgerEntries(
          { order_id: orderId, kind: "reversal", account: "resident_payments" },
          { take: 100 }
        )
        expect(reversals.reduce((s: number, e: any) => s + Number(e.amount), 0)).toBe(damagedFen)
        await webhooksProcessed()
      })

      it("a cancellation before the cutoff is refunded in full through Stripe and the ledger is reversed to zero", async () => {
        const { orderId, intentId } = await paidWechatOrder(resident.headers, [{ variant_id: apple, quantity: 2 }])
        const total = fen((await orderPayments(orderId)).order.total)
        expect(await netOf(orderId, "accrued")).not.toBe(0)
        const res = await api.post(`/store/lianxin/orders/${orderId}/cancel`, {}, { headers: resident.headers })
        expect(res.status).toBe(200)
        expect(stripeRefundsFen(intentId)).toEqual([total])
        expect((await orderPayments(orderId)).refundedFen).toBe(total)
        await until(
          () => netOf(orderId, "accrued"),
          (n) => n === 0
        )
        await webhooksProcessed()
        for (const b of await ledger().lineBalances(orderId)) expect(b.net).toBe(0)
        // A second cancel is refused and refunds nothing more.
        const again = await attempt(
          api.post(`/store/lianxin/orders/${orderId}/cancel`, {}, { headers: resident.headers })
        )
        expect(again.status).toBe(409)
        expect(stripeRefundsFen(intentId)).toEqual([total])
      })
    })
  },
})
