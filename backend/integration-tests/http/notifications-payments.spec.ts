import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seed, E2E } from "@lianxin/seed"
import { startStripeTestServer } from "@lianxin/plugin/testing/stripe-test-server.mjs"
import { createAdminSession } from "../helpers/admin"
import { variantIdByHandle } from "../helpers/checkout"
import { createCycle, createOffice, createPoint } from "../helpers/pickup-network"
import { createResident, type Headers } from "../helpers/pickup-staff"
import { cartReadyToPay, choosePayment, PROVIDERS } from "../helpers/payments"
import { startTestSmtp } from "../helpers/smtp"
import { trackSubscribers, until } from "../helpers/wait"

/**
 * Online payment received: an order paid online (captured at checkout,
 * decision 013) and placed by Stripe's webhook alone is confirmed to the
 * resident with the amount paid; pay at pickup says nothing of a payment.
 */
const API_KEY = "sk_test_lianxin_notify"
const WEBHOOK_SECRET = "whsec_lianxin_notify"
const stripe = await startStripeTestServer({ apiKey: API_KEY })
const smtp = await startTestSmtp()
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-notify-pay-"))
Object.assign(process.env, {
  STRIPE_API_KEY: API_KEY,
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_API_HOST: stripe.url,
  STRIPE_WEBHOOK_DELAY_MS: "1",
  LIANXIN_SMTP_HOST: "127.0.0.1",
  LIANXIN_SMTP_PORT: String(smtp.port),
  LIANXIN_OUTBOX_DIR: outbox,
  LIANXIN_QUIET_HOURS: "off",
})
afterAll(async () => {
  await stripe.close()
  await smtp.close()
  fs.rmSync(outbox, { recursive: true, force: true })
})

const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")

medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer }) => {
    let resident: { email: string; headers: Headers }
    let subscribers: ReturnType<typeof trackSubscribers>
    const ids = { point: "", cycle: "", apple: "" }
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY) as any
    const orderIdOfCart = async (cartId: string) => {
      const { data } = await query().graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      return data as Array<{ order_id: string }>
    }
    const displayId = async (orderId: string) =>
      String(
        (await query().graph({ entity: "order", fields: ["display_id"], filters: { id: orderId } })).data[0].display_id
      )

    beforeAll(async () => {
      const container = getContainer()
      const key = (await seed(container, "e2e")).publishableKey
      const admin = (await createAdminSession(api, container)).headers
      ids.apple = await variantIdByHandle(api, key, E2E.products.apple.handle)
      const office = await createOffice(api, admin, {
        compound_name: "付款小区",
        city: "杭州市",
        address: "杭州市付款路 1 号",
      })
      ids.point = await createPoint(api, admin, office, "HZ-FK-1")
      ids.cycle = await createCycle(api, admin, { name: "付款批次", rhythm: "special", pickupInHours: 20 })
      resident = await createResident(api, key, "paid-online@notify.test")
      await wf.enableOnlinePaymentsWorkflow(container).run({ input: { provider_ids: [PROVIDERS.wechat] } })
      stripe.addWebhook({ url: `${api.defaults.baseURL}/hooks/payment/stripe_stripe`, secret: WEBHOOK_SECRET })
      subscribers = trackSubscribers(container)
    })

    it("an order paid by WeChat Pay and placed by the webhook is confirmed with the amount paid online", async () => {
      const lines = [{ variant_id: ids.apple, quantity: 2 }]
      const { cartId, collectionId } = await cartReadyToPay(api, resident.headers, lines, {
        pickup_point_id: ids.point,
        order_cycle_id: ids.cycle,
      })
      const session = await choosePayment(api, resident.headers, collectionId, PROVIDERS.wechat)
      stripe.succeed(session.data.id)
      const [link] = await until(
        () => orderIdOfCart(cartId),
        (l) => l.length > 0
      )
      expect(link?.order_id).toBeTruthy()
      await stripe.settled()
      await until(
        async () => smtp.to("paid-online@notify.test"),
        (m) => m.length > 0
      )
      await subscribers.idle()
      const paid = `¥${Math.floor((2 * E2E.products.apple.priceFen) / 100)}.${String((2 * E2E.products.apple.priceFen) % 100).padStart(2, "0")}`
      const mail = smtp.to("paid-online@notify.test")
      expect(mail).toHaveLength(1)
      expect(mail[0].subject).toBe(`订单 #${await displayId(link.order_id)} 已下单`)
      expect(mail[0].text).toContain(`已下单，已在线支付 ${paid}，请于`)
      expect(mail[0].text).toMatch(/取货码 \d{8}/)
    })
  },
})
