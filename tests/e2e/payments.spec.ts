import { E2E } from "@lianxin/seed/e2e-fixtures"
import { expect, orderPickup, PLACE_ORDER_TIMEOUT, test } from "../fixtures/shop"

/**
 * Paying online: the stack runs against our Stripe test server (tests/support/stack.ts), which plays both
 * Stripe and the resident's wallet (its /_test/… routes), and sends signed webhooks to the backend.
 */
const office = E2E.pickup.office
const stripeUrl = () => {
  const url = process.env.STRIPE_TEST_SERVER_URL
  if (!url) throw new Error("STRIPE_TEST_SERVER_URL is set by the global setup")
  return url
}

type StripeEvent = { id: string; type: string; data: { object: Record<string, any> } }
const stripeEvents = async (): Promise<StripeEvent[]> =>
  ((await (await fetch(`${stripeUrl()}/_test/events`)).json()) as { data: StripeEvent[] }).data
const deliveries = async (): Promise<Array<{ event_id: string; type: string; status: number }>> =>
  ((await (await fetch(`${stripeUrl()}/_test/deliveries`)).json()) as { data: any[] }).data

/** The WeChat Pay intent whose QR this page shows (its QR data names the intent). */
async function wechatIntentShown(): Promise<string> {
  const shown = (await stripeEvents())
    .filter(
      (e) => e.type === "payment_intent.requires_action" && e.data.object.payment_method_types?.includes("wechat_pay")
    )
    .map((e) => e.data.object.id as string)
  const id = shown.at(-1)
  if (!id) throw new Error("no WeChat Pay intent waiting at the Stripe test server")
  return id
}

async function toCheckoutWithApples(shop: any, page: any) {
  await shop.chooseCompound(office.compoundName)
  await shop.open(`/products/${E2E.products.apple.handle}`)
  await shop.addedToCart(1)
  await shop.cartLink().click()
  // The product page's "已加入购物车 · 去结算" notice links to the cart too: wait for the cart before taking its 去结算.
  await expect(page.getByRole("heading", { level: 1, name: "购物车" })).toBeVisible()
  await page.getByRole("link", { name: "去结算" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "结算" })).toBeVisible()
}

test("微信支付: the QR shows, the resident pays, the test server's webhook arrives, and the confirmation shows the pickup code", async ({
  page,
  shop,
  checkout,
}, testInfo) => {
  await toCheckoutWithApples(shop, page)
  // Pay at pickup stays the default; WeChat Pay and Alipay are offered; card only where Stripe.js loads (not here).
  await expect(checkout.payment("到物业付款")).toBeChecked()
  await expect(checkout.payment("支付宝")).toBeVisible()
  // Card is offered (a publishable key is set) but Stripe.js cannot load without the network: it stays hidden.
  await expect(page.locator('input[name="payment"][value="card"]')).toHaveCount(1)
  await expect(checkout.payment("银行卡")).toHaveCount(0)
  await checkout.fill("赵大姐", "139 0013 9000")
  await checkout.payment("微信支付").check()
  await shop.screenshot(testInfo, "checkout-wechat")
  await checkout.submit().click()

  await expect(page).toHaveURL(/\/checkout\/pay$/)
  await expect(page.getByRole("heading", { level: 1, name: /付款 · 微信支付/ })).toBeVisible()
  const qr = page.getByRole("img", { name: "微信支付二维码" })
  await expect(qr).toBeVisible()
  await expect(qr).toHaveAttribute("src", /^data:image\/svg\+xml;base64,/)
  await expect(page.getByText("请用微信扫一扫下面的二维码付款")).toBeVisible()
  await shop.screenshot(testInfo, "pay-wechat-qr")
  await shop.expectAccessible()

  // The resident scans and pays in WeChat: Stripe (the test server) marks the intent paid and sends the webhook.
  const intent = await wechatIntentShown()
  expect((await fetch(`${stripeUrl()}/_test/payment_intents/${intent}/succeed`, { method: "POST" })).status).toBe(200)
  await expect
    .poll(async () => (await deliveries()).filter((d) => d.type === "payment_intent.succeeded").map((d) => d.status), {
      timeout: 20_000,
    })
    .toContain(200)

  // The waiting page turns into the confirmation by itself.
  await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible({ timeout: PLACE_ORDER_TIMEOUT })
  await expect(page).toHaveURL(/\/orders\/order_/)
  const confirmed = orderPickup(page)
  await expect(confirmed.getByText(`${office.compoundName} · ${office.address}`)).toBeVisible()
  await expect(confirmed.getByText(/^\d{8}$/)).toBeVisible()
  await expect(confirmed.getByRole("img", { name: /取货二维码/ })).toBeVisible()
  await expect(shop.cartLink()).toHaveText("购物车")
  await shop.screenshot(testInfo, "pay-wechat-confirmation")
})

test("a WeChat payment that fails keeps the cart, says so, and pay at pickup still places the order", async ({
  page,
  shop,
  checkout,
}) => {
  await toCheckoutWithApples(shop, page)
  await checkout.fill("钱大伯", "137 0013 7000")
  await checkout.payment("微信支付").check()
  await checkout.submit().click()
  await expect(page.getByRole("img", { name: "微信支付二维码" })).toBeVisible()

  const intent = await wechatIntentShown()
  expect((await fetch(`${stripeUrl()}/_test/payment_intents/${intent}/fail`, { method: "POST" })).status).toBe(200)
  // The page notices on its next poll: the reason, and the two ways on.
  await expect(page.getByRole("alert")).toContainText("付款没有成功", { timeout: 20_000 })
  await expect(page.getByRole("button", { name: "重新付款" })).toBeVisible()
  await expect(shop.cartLink()).toHaveText("购物车（1 件）")

  await page.getByRole("button", { name: "改为到物业付款" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible({ timeout: PLACE_ORDER_TIMEOUT })
  await expect(orderPickup(page).getByText(/^\d{8}$/)).toBeVisible()
})

test("支付宝: the resident is sent to Alipay (the test server's page), pays, and comes back to the confirmation", async ({
  page,
  shop,
  checkout,
}, testInfo) => {
  await toCheckoutWithApples(shop, page)
  await checkout.fill("孙阿姨", "136 0013 6000")
  await checkout.payment("支付宝").check()
  await checkout.submit().click()

  // Alipay's page (here the Stripe test server's hosted test page), outside the shop.
  await expect(page.getByRole("heading", { name: "Test payment page" })).toBeVisible()
  expect(new URL(page.url()).origin).toBe(new URL(stripeUrl()).origin)
  await shop.screenshot(testInfo, "pay-alipay-page")
  await page.getByRole("button", { name: "Authorize test payment" }).click()

  // Back at our payment page with Stripe's parameters, which places the order and shows the confirmation.
  await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible({ timeout: PLACE_ORDER_TIMEOUT })
  await expect(page).toHaveURL(/\/orders\/order_/)
  await expect(orderPickup(page).getByText(/^\d{8}$/)).toBeVisible()
  await expect(shop.cartLink()).toHaveText("购物车")
})
