import { createRequire } from "node:module"
import { PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildStripeClient, StripeAlipayService, StripeCardService, StripeWechatPayService } from "./services"

// The real stripe SDK (the provider's own nested copy) against our test server: these tests fail if the server
// answers anything the SDK or the provider cannot read, or if the provider shapes an intent differently.
const API_KEY = "sk_test_lianxin_unit"
const WEBHOOK_SECRET = "whsec_lianxin_unit"

type TestServerModule = typeof import("../../../testing/stripe-test-server.mjs", { with: {
  "resolution-mode": "import",
}})
let server: Awaited<ReturnType<TestServerModule["startStripeTestServer"]>>
let signatureHeader: TestServerModule["signatureHeader"]
let options: { apiKey: string; webhookSecret: string; apiHost: string }

beforeAll(async () => {
  // A dynamic import: the plugin is CommonJS, the test server plain ESM (it also runs as a CLI).
  const testServer = await import("../../../testing/stripe-test-server.mjs")
  signatureHeader = testServer.signatureHeader
  server = await testServer.startStripeTestServer({ apiKey: API_KEY })
  options = { apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET, apiHost: server.url }
})
afterAll(() => server.close())

const session = (id: string, data: Record<string, unknown> = {}) => ({
  amount: 36.8,
  currency_code: "cny",
  data: { session_id: id, ...data },
  context: { idempotency_key: id },
})

describe("our Stripe providers against the Stripe-compatible test server", () => {
  it("uses the provider's nested stripe SDK, not the hoisted one", () => {
    const nested = createRequire(require.resolve("@medusajs/payment-stripe"))("stripe").PACKAGE_VERSION
    const hoisted = createRequire(__filename)("stripe").PACKAGE_VERSION
    expect(nested.split(".")[0]).toBe("15")
    expect(hoisted).not.toBe(nested)
    expect((buildStripeClient(options) as any).VERSION).toBe(nested)
  })

  it("WeChat Pay: the intent is confirmed at once and carries the QR to show; the browser cannot change the method", async () => {
    const provider = new StripeWechatPayService({}, options)
    const result = await provider.initiatePayment(
      session("payses_wx1", { payment_method_types: ["card"], capture_method: "manual", amount: 1 }) as any
    )
    expect(result.status).toBe(PaymentSessionStatus.REQUIRES_MORE)
    const pi = result.data as any
    expect(pi.id).toBe(result.id)
    expect(pi).toMatchObject({
      amount: 3680,
      currency: "cny",
      status: "requires_action",
      capture_method: "automatic",
      payment_method_types: ["wechat_pay"],
      metadata: { session_id: "payses_wx1" },
    })
    expect(pi.next_action.type).toBe("wechat_pay_display_qr_code")
    expect(pi.next_action.wechat_pay_display_qr_code.data).toMatch(/^weixin:\/\//)
    expect(pi.next_action.wechat_pay_display_qr_code.image_data_url).toMatch(/^data:image\//)

    // Until the resident pays, authorising says "requires more"; after, the payment is captured.
    expect((await provider.authorizePayment({ data: pi } as any)).status).toBe(PaymentSessionStatus.REQUIRES_MORE)
    server.succeed(pi.id)
    const after = await provider.authorizePayment({ data: pi } as any)
    expect(after.status).toBe(PaymentSessionStatus.CAPTURED)
    expect((after.data as any).amount_received).toBe(3680)
  })

  it("the same idempotency key gives the same intent (a retried session creation charges nobody twice)", async () => {
    const provider = new StripeWechatPayService({}, options)
    const a = await provider.initiatePayment(session("payses_same") as any)
    const b = await provider.initiatePayment(session("payses_same") as any)
    expect(b.id).toBe(a.id)
    expect([...server.state.intents.values()].filter((pi) => pi.metadata.session_id === "payses_same")).toHaveLength(1)
  })

  it("Alipay: needs an http(s) return URL, then redirects to the payment page", async () => {
    const provider = new StripeAlipayService({}, options)
    await expect(provider.initiatePayment(session("payses_ali0") as any)).rejects.toThrow(/return_url/)
    await expect(
      provider.initiatePayment(session("payses_ali1", { return_url: "javascript:alert(1)" }) as any)
    ).rejects.toThrow(/return_url/)
    const result = await provider.initiatePayment(
      session("payses_ali2", { return_url: "http://shop.test/checkout/pay" }) as any
    )
    const pi = result.data as any
    expect(result.status).toBe(PaymentSessionStatus.REQUIRES_MORE)
    expect(pi.next_action.type).toBe("alipay_handle_redirect")
    expect(pi.next_action.alipay_handle_redirect.url).toBe(`${server.url}/_test/authorize/${pi.id}`)

    // The hosted test page sends the resident back with Stripe's query parameters.
    const res = await fetch(pi.next_action.alipay_handle_redirect.url, {
      method: "POST",
      body: "outcome=succeed",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    })
    expect(res.status).toBe(303)
    const back = new URL(res.headers.get("location")!)
    expect(back.origin + back.pathname).toBe("http://shop.test/checkout/pay")
    expect(back.searchParams.get("payment_intent")).toBe(pi.id)
    expect(back.searchParams.get("redirect_status")).toBe("succeeded")
    expect(server.intent(pi.id)!.status).toBe("succeeded")
  })

  it("card: confirmed in the browser (here through the SDK), captured at once, refunded in parts but never beyond", async () => {
    const provider = new StripeCardService({}, options)
    const { data } = await provider.initiatePayment(session("payses_card") as any)
    const pi = data as any
    expect(pi).toMatchObject({
      status: "requires_payment_method",
      payment_method_types: ["card"],
      capture_method: "automatic",
    })
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`))

    const stripe = buildStripeClient(options)
    await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" })
    expect((await provider.getPaymentStatus({ data: pi } as any)).status).toBe(PaymentSessionStatus.CAPTURED)

    await provider.refundPayment({
      amount: 10.5,
      data: { id: pi.id, currency: "cny" },
      context: { idempotency_key: "r1" },
    } as any)
    await provider.refundPayment({
      amount: 6.3,
      data: { id: pi.id, currency: "cny" },
      context: { idempotency_key: "r2" },
    } as any)
    const refunds = await stripe.refunds.list({ payment_intent: pi.id })
    expect(refunds.data.map((r) => r.amount).sort()).toEqual([1050, 630].sort())
    await expect(
      provider.refundPayment({
        amount: 20.01,
        data: { id: pi.id, currency: "cny" },
        context: { idempotency_key: "r3" },
      } as any)
    ).rejects.toThrow(/greater than unrefunded amount/)
    // A succeeded payment cannot be canceled: Stripe's error reaches the caller.
    await expect(provider.cancelPayment({ data: pi, context: {} } as any)).rejects.toThrow(/status of succeeded/)
  })

  it("a declined card leaves the intent waiting for another method, reported as an error", async () => {
    const provider = new StripeCardService({}, options)
    const { data } = await provider.initiatePayment(session("payses_decline") as any)
    const stripe = buildStripeClient(options)
    const error = await stripe.paymentIntents
      .confirm((data as any).id, { payment_method: "pm_card_chargeDeclined" })
      .catch((e) => e)
    expect(error.type).toBe("StripeCardError")
    expect(error.code).toBe("card_declined")
    expect(error.raw.payment_intent.status).toBe("requires_payment_method")
    expect((await provider.getPaymentStatus({ data } as any)).status).toBe(PaymentSessionStatus.ERROR)
  })

  it("Stripe's errors arrive as the SDK's error classes: wrong key, unknown intent, idempotency key reused", async () => {
    const wrong = buildStripeClient({ ...options, apiKey: "sk_test_wrong" })
    const auth = await wrong.paymentIntents.retrieve("pi_x").catch((e) => e)
    expect(auth.type).toBe("StripeAuthenticationError")
    expect(auth.statusCode).toBe(401)
    const stripe = buildStripeClient(options)
    const missing = await stripe.paymentIntents.retrieve("pi_missing").catch((e) => e)
    expect(missing).toMatchObject({ type: "StripeInvalidRequestError", code: "resource_missing", statusCode: 404 })
    await stripe.paymentIntents.create({ amount: 100, currency: "cny" }, { idempotencyKey: "k-reuse" })
    const reused = await stripe.paymentIntents
      .create({ amount: 200, currency: "cny" }, { idempotencyKey: "k-reuse" })
      .catch((e) => e)
    expect(reused.type).toBe("StripeIdempotencyError")
    const small = await stripe.paymentIntents.create({ amount: 0, currency: "cny" }).catch((e) => e)
    expect(small).toMatchObject({ type: "StripeInvalidRequestError", param: "amount" })
  })

  it("webhooks: a signed event gives the action and the session; a forged, altered or stale one is refused", async () => {
    const provider = new StripeWechatPayService({}, options)
    const { data } = await provider.initiatePayment(session("payses_hook") as any)
    server.succeed((data as any).id)
    const event = server.events({ type: "payment_intent.succeeded", intent: (data as any).id })[0]
    const payload = JSON.stringify(event)
    const good = {
      data: event,
      rawData: Buffer.from(payload),
      headers: { "stripe-signature": signatureHeader(payload, WEBHOOK_SECRET) },
    }
    expect(await provider.getWebhookActionAndData(good as any)).toEqual({
      action: PaymentActions.SUCCESSFUL,
      data: { session_id: "payses_hook", amount: 36.8 },
    })
    // The SDK's own test signature is accepted too: both implement Stripe's scheme.
    const sdkHeader = buildStripeClient(options).webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET })
    expect(
      (await provider.getWebhookActionAndData({ ...good, headers: { "stripe-signature": sdkHeader } } as any)).action
    ).toBe(PaymentActions.SUCCESSFUL)

    const forged = { ...good, headers: { "stripe-signature": signatureHeader(payload, "whsec_someone_else") } }
    const altered = { ...good, rawData: Buffer.from(payload.replace('"amount":3680', '"amount":1')) }
    const stale = {
      ...good,
      headers: { "stripe-signature": signatureHeader(payload, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 600) },
    }
    expect(altered.rawData.toString()).not.toBe(payload)
    for (const bad of [forged, altered, stale]) {
      await expect(provider.getWebhookActionAndData(bad as any)).rejects.toThrow(/constructWebhookEvent/)
    }
  })
})
