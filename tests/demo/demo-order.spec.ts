import { DEMO_PICKUP_NETWORK, PRODUCTS } from "@lianxin/seed/data"
import { expect, orderPickup, PLACE_ORDER_TIMEOUT, test } from "../fixtures/shop"

const apple = PRODUCTS.find((p) => p.handle === "fuji-apple-luochuan")!
/** A daily cycle: collect the day after ordering, 16:00–20:00 (Asia/Shanghai). */
const WINDOW = /\d{1,2}月\d{1,2}日.*16:00–20:00/

/**
 * A newcomer's first order in the demo, at whatever hour this runs: every
 * compound offers an open cycle, no product is marked 本期不可订, and checkout
 * places the order with a pickup code — at each of the demo's compounds.
 */
for (const { office } of DEMO_PICKUP_NETWORK) {
  test(`the demo takes an order now at ${office.compoundName}`, async ({ page, shop, checkout }, testInfo) => {
    await shop.chooseCompound(office.compoundName)
    await shop.open("/")
    await expect(page.getByRole("heading", { level: 1, name: "今日上架" })).toBeVisible()
    // The shop offers the compound's open cycle: nothing is "not orderable this cycle".
    await expect(page.getByText("本期不可订")).toHaveCount(0)
    // The home page shows the newest 24 (the offices' listings first); the apple is under 水果.
    await page.getByRole("link", { name: "水果", exact: true }).click()
    await expect(shop.productLink(apple.title)).toBeVisible()
    await expect(page.getByText("本期不可订")).toHaveCount(0)

    await shop.productLink(apple.title).click()
    await expect(page.getByRole("heading", { level: 1, name: apple.title })).toBeVisible()
    await shop.addedToCart(1)
    await shop.cartLink().click()
    await expect(page.getByRole("heading", { level: 1, name: "购物车" })).toBeVisible()
    await expect(page.getByText(`我的小区：${office.compoundName}`)).toBeVisible()
    await page.getByRole("link", { name: "去结算" }).click()

    await expect(page.getByRole("heading", { level: 1, name: "结算" })).toBeVisible()
    const pickup = checkout.pickup()
    await expect(pickup.getByText(office.compoundName, { exact: true })).toBeVisible()
    await expect(checkout.chosenCycle()).toHaveAccessibleName(WINDOW)
    await checkout.fill("陈小梅", "139 0013 9000")
    await shop.screenshot(testInfo, `checkout-${office.compoundName}`)
    await checkout.submit().click()

    await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible({
      timeout: PLACE_ORDER_TIMEOUT,
    })
    const confirmed = orderPickup(page)
    await expect(confirmed.getByText(`${office.compoundName} · ${office.address}`)).toBeVisible()
    await expect(confirmed.getByText(WINDOW)).toBeVisible()
    await expect(confirmed.getByText(/^\d{8}$/)).toBeVisible()
    await shop.screenshot(testInfo, `order-${office.compoundName}`)
  })
}
