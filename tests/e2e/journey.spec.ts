import { E2E } from "@lianxin/seed/e2e-fixtures"
import { expect, formatFen, orderPickup, PLACE_ORDER_TIMEOUT, test } from "../fixtures/shop"

const apple = E2E.products.apple
const office = E2E.pickup.office
/** The daily cycle: order until 22:00, collect the next day 16:00–20:00 (Asia/Shanghai). */
const WINDOW = /\d{1,2}月\d{1,2}日.*16:00–20:00/

test("a guest browses, buys apples, gets a pickup code and QR, and finds the order after registering", async ({
  page,
  shop,
  checkout,
}, testInfo) => {
  const email = `guest-${Date.now()}@example.com`
  await shop.open("/")
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN")
  await expect(shop.productLink(apple.title)).toBeVisible()
  await shop.screenshot(testInfo, "home")
  await shop.expectAccessible()

  // Browse by category, then open the product.
  await page.getByRole("link", { name: E2E.categories.fruit.name, exact: true }).click()
  await expect(page.getByRole("heading", { level: 1, name: E2E.categories.fruit.name })).toBeVisible()
  await expect(shop.productLink(E2E.products.rice.title)).toHaveCount(0)
  await shop.productLink(apple.title).click()

  await expect(page).toHaveURL(new RegExp(`/products/${apple.handle}$`))
  await expect(page.getByRole("heading", { level: 1, name: apple.title })).toBeVisible()
  await expect(page.getByText(formatFen(apple.priceFen)).first()).toBeVisible()
  await expect(page.getByText(`/ ${apple.variantTitle}`)).toBeVisible()
  await expect(page.getByRole("link", { name: E2E.village.name })).toBeVisible()
  await expect(page.getByRole("heading", { name: "生产农户" })).toBeVisible()
  const breakdown = page.getByRole("region", { name: "这份钱去了哪里" })
  await expect(breakdown.getByText("农户", { exact: true })).toBeVisible()
  await shop.screenshot(testInfo, "product")
  await shop.expectAccessible()

  await shop.addToCart(2)
  await expect(page.getByRole("status")).toContainText("已加入购物车")
  await expect(shop.cartLink()).toHaveText("购物车（2 件）")

  await shop.cartLink().click()
  await expect(page.getByRole("heading", { level: 1, name: "购物车" })).toBeVisible()
  await expect(page.getByText(formatFen(apple.priceFen * 2)).last()).toBeVisible()
  await shop.screenshot(testInfo, "cart")
  await shop.expectAccessible()
  await page.getByRole("link", { name: "去结算" }).click()

  // No compound chosen yet: checkout sends the resident to choose one, then comes back.
  await expect(page).toHaveURL(/\/compound\?redirectTo=%2Fcheckout$/)
  await expect(page.getByText("下单前请先选择你的小区", { exact: false })).toBeVisible()
  await shop.expectAccessible()
  await shop.pickCompound(office.compoundName)

  await expect(page.getByRole("heading", { level: 1, name: "结算" })).toBeVisible()
  await expect(page).toHaveURL(/\/checkout\?notice=compound.saved$/)
  const pickup = checkout.pickup()
  await expect(pickup.getByText(office.compoundName, { exact: true })).toBeVisible()
  await expect(pickup.getByText(office.address)).toBeVisible()
  await expect(pickup.getByText(/本期 .* 截单/)).toBeVisible()
  await expect(pickup.getByText(/距截单还有/)).toBeVisible()
  await expect(checkout.chosenCycle()).toHaveAccessibleName(WINDOW)
  // Pay at pickup is preselected; the online methods the backend offers follow it.
  await expect(checkout.payment("到物业付款")).toBeChecked()
  await expect(checkout.payment("微信支付")).not.toBeChecked()
  await checkout.fill("王小明", "138 0013 8000")
  // Optional for guests: registering later with this email hands the order to the account.
  await checkout.email().fill(email)
  await shop.screenshot(testInfo, "checkout")
  await shop.expectAccessible()
  await checkout.submit().click()

  await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible({ timeout: PLACE_ORDER_TIMEOUT })
  await expect(page).toHaveURL(/\/orders\/order_/)
  const number = (await page.getByRole("definition").first().textContent())?.trim()
  expect(number).toMatch(/^\d+$/)
  // From the order's own ledger postings (正在入账 until the accrual is posted; the page reads again), not an estimate.
  await expect(page.getByText(/这笔订单将给 1 户农户带来 ¥\d+\.\d{2}。/)).toBeVisible({ timeout: 15_000 })
  await expect(page.getByText("按这笔订单自己的账本记录计算", { exact: false })).toBeVisible()
  await expect(page.getByText("按当前分账规则估算", { exact: false })).toHaveCount(0)
  const confirmed = orderPickup(page)
  await expect(confirmed.getByText(`${office.compoundName} · ${office.address}`)).toBeVisible()
  await expect(confirmed.getByText(WINDOW)).toBeVisible()
  // The guest gets the code and its QR right away (the cart the order came from, kept in the signed session, is the proof).
  const code = confirmed.getByText(/^\d{8}$/)
  await expect(code).toBeVisible()
  const qr = confirmed.getByRole("img", { name: /取货二维码/ })
  await expect(qr).toBeVisible()
  await expect(qr).toHaveAttribute("src", /^data:image\/svg\+xml;base64,/)
  await expect(confirmed.getByText("取货码只显示这一次", { exact: false })).toBeVisible()
  await expect(confirmed.getByRole("button", { name: `取消订单 ${number}` })).toBeVisible()
  await expect(shop.cartLink()).toHaveText("购物车")
  await shop.screenshot(testInfo, "confirmation")
  await shop.expectAccessible()

  await page.getByRole("link", { name: "注册账号" }).click()
  await page.getByRole("textbox", { name: "姓名或昵称" }).fill("王小明")
  await page.getByRole("textbox", { name: "邮箱" }).fill(email)
  await page.getByLabel("密码", { exact: true }).fill("lianxin-2026")
  await page.getByRole("button", { name: "注册" }).click()

  await expect(page.getByRole("heading", { level: 1, name: "你好，王小明" })).toBeVisible()
  // Claimed: listed under the account's own orders (not "placed on this device"), with its status and a code to ask for.
  const mine = page.getByRole("region", { name: "我的订单" })
  const claimed = mine.getByRole("article").filter({ has: page.getByRole("link", { name: `订单号 ${number}` }) })
  await expect(claimed).toBeVisible()
  await expect(claimed).toContainText("已下单")
  await expect(claimed.getByRole("button", { name: `显示取货码（订单 ${number}）` })).toBeVisible()
  await expect(page.getByRole("region", { name: "在这台设备上下的订单" })).toHaveCount(0)
  await shop.expectAccessible()
})

test("a signed-in resident's order is listed under the account with its code, and cancelling before the cutoff cancels it", async ({
  page,
  shop,
  checkout,
}) => {
  const email = `member-${Date.now()}@example.com`
  await shop.open("/account/register")
  await page.getByRole("textbox", { name: "姓名或昵称" }).fill("李阿姨")
  await page.getByRole("textbox", { name: "邮箱" }).fill(email)
  await page.getByLabel("密码", { exact: true }).fill("lianxin-2026")
  await page.getByRole("button", { name: "注册" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "你好，李阿姨" })).toBeVisible()
  await expect(page.getByText("还没有订单。")).toBeVisible()

  await shop.chooseCompound(office.compoundName)
  await shop.open(`/products/${E2E.products.orange.handle}`)
  await shop.addedToCart(1)
  await shop.cartLink().click()
  await expect(page.getByRole("heading", { level: 1, name: "购物车" })).toBeVisible()
  await expect(page.getByText(`我的小区：${office.compoundName}`)).toBeVisible()
  await page.getByRole("link", { name: "去结算" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "结算" })).toBeVisible()
  await expect(checkout.pickup().getByText(office.compoundName, { exact: true })).toBeVisible()
  await expect(checkout.chosenCycle()).toHaveAccessibleName(WINDOW)
  await expect(page.getByText(`已登录：${email}`)).toBeVisible()
  await expect(checkout.name()).toHaveValue("李阿姨")
  await checkout.mobile().fill("13900139000")
  await checkout.submit().click()
  await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible({ timeout: PLACE_ORDER_TIMEOUT })
  await expect(page.getByRole("link", { name: "注册账号" })).toHaveCount(0)
  const confirmed = orderPickup(page)
  await expect(confirmed.getByText(`${office.compoundName} · ${office.address}`)).toBeVisible()
  await expect(confirmed.getByText(WINDOW)).toBeVisible()
  // Checkout issued the code: shown once on the confirmation, with its QR.
  const code = confirmed.getByText(/^\d{8}$/)
  await expect(code).toBeVisible()
  const qr = confirmed.getByRole("img", { name: /取货二维码/ })
  await expect(qr).toBeVisible()
  await expect(qr).toHaveAttribute("src", /^data:image\/svg\+xml;base64,/)
  await expect(confirmed.getByText("取货码只显示这一次", { exact: false })).toBeVisible()
  await shop.expectAccessible()
  const first = (await code.textContent())?.trim()

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的" }).click()
  const order = page.getByRole("article").filter({ hasText: E2E.products.orange.title })
  await expect(order).toContainText("已下单")
  await expect(order.getByText(`${office.compoundName} · ${office.address}`)).toBeVisible()
  await expect(order.getByText(WINDOW)).toBeVisible()
  await shop.expectAccessible()
  // Asking again (here from the account page) issues a new code that replaces the first.
  await order.getByRole("button", { name: /^显示取货码（订单 \d+）$/ }).click()
  await expect(orderPickup(page).getByText(/^\d{8}$/)).toBeVisible()
  expect(
    (
      await orderPickup(page)
        .getByText(/^\d{8}$/)
        .textContent()
    )?.trim()
  ).not.toBe(first)
  await expect(orderPickup(page).getByRole("img", { name: /取货二维码/ })).toBeVisible()

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的" }).click()
  await expect(order).toContainText("已下单")
  await expect(order.getByText("之前的取货码和二维码随即失效", { exact: false })).toBeVisible()
  // Cancelling asks once: "不取消" keeps the order, "确定取消订单 N" cancels it.
  await order.getByRole("button", { name: /^取消订单/ }).click()
  const question = order.getByText(/^确定取消订单 \d+ 吗？/)
  await expect(question).toBeVisible()
  // Focus moves to the question, so a screen reader reads it next.
  await expect(page.locator(":focus")).toContainText(/确定取消订单 \d+ 吗？/)
  await order.getByRole("link", { name: "不取消" }).click()
  await expect(question).toHaveCount(0)
  await expect(order).toContainText("已下单")
  await order.getByRole("button", { name: /^取消订单/ }).click()
  await order.getByRole("button", { name: /^确定取消订单 \d+$/ }).click()
  await expect(page.getByRole("status")).toContainText("订单已取消。")
  await expect(order).toContainText("已取消")
  await expect(order.getByRole("button", { name: /^取消订单/ })).toHaveCount(0)
  await order.getByRole("link", { name: /^订单号/ }).click()
  await expect(page.getByRole("heading", { level: 1, name: "已取消" })).toBeVisible()
  await expect(orderPickup(page).getByRole("button", { name: /取货码/ })).toHaveCount(0)

  // The compound is remembered on the account: a browser without the cookie gets it back on signing in.
  await page.context().clearCookies({ name: "lx_compound" })

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的" }).click()
  await page.getByRole("button", { name: "退出登录" }).click()
  await expect(page).toHaveURL(`${new URL(page.url()).origin}/`)
  await page.goto(`${new URL(page.url()).origin}/account/login`)
  await page.getByRole("textbox", { name: "邮箱" }).fill(email)
  await page.getByLabel("密码", { exact: true }).fill("wrong-password")
  await page.getByRole("button", { name: "登录" }).click()
  await expect(page.getByLabel("密码", { exact: true })).toHaveAccessibleDescription("邮箱或密码不对，请再试一次。")
  await page.getByLabel("密码", { exact: true }).fill("lianxin-2026")
  await page.getByRole("button", { name: "登录" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "你好，李阿姨" })).toBeVisible()
  await expect(page.getByRole("article").filter({ hasText: E2E.products.orange.title })).toBeVisible()
  await shop.open("/")
  await expect(page.getByText(`我的小区：${office.compoundName}`)).toBeVisible()
})

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false })

  test("cart and guest checkout work as plain form posts", async ({ page, shop, checkout }) => {
    await shop.open(`/products/${E2E.products.rice.handle}`)
    await shop.addToCart(1)
    await expect(page.getByRole("status")).toContainText("已加入购物车")
    await shop.open("/cart")
    await page.getByRole("spinbutton", { name: /的数量$/ }).fill("3")
    await page.getByRole("button", { name: "更新数量" }).click()
    await expect(page.getByRole("status")).toContainText("数量已更新")
    await expect(page.getByText(formatFen(E2E.products.rice.priceFen * 3)).last()).toBeVisible()
    await page.getByRole("link", { name: "去结算" }).click()
    // Without JavaScript too: sent to choose the compound (a redirect), then back to checkout (a form post).
    await expect(page).toHaveURL(/\/compound\?redirectTo=%2Fcheckout$/)
    await shop.pickCompound(E2E.pickup.office.compoundName)
    await expect(page.getByRole("heading", { level: 1, name: "结算" })).toBeVisible()
    await expect(checkout.chosenCycle()).toHaveAccessibleName(WINDOW)
    await checkout.fill("", "12345")
    await checkout.submit().click()
    await expect(checkout.name()).toHaveAccessibleDescription("请填写这一项")
    await checkout.fill("赵大爷", "13700137000")
    await checkout.submit().click()
    await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible({
      timeout: PLACE_ORDER_TIMEOUT,
    })
    await expect(orderPickup(page).getByText(WINDOW)).toBeVisible()

    // Cancelling asks once without JavaScript too: the first post cancels nothing and comes back with the question.
    await orderPickup(page)
      .getByRole("button", { name: /^取消订单/ })
      .click()
    await expect(page).toHaveURL(/\?cancel=order_/)
    await expect(page.getByText(/^确定取消订单 \d+ 吗？/)).toBeVisible()
    await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible()
    await page.getByRole("button", { name: /^确定取消订单 \d+$/ }).click()
    await expect(page.getByRole("status")).toContainText("订单已取消。")
    await expect(page.getByRole("heading", { level: 1, name: "已取消" })).toBeVisible()
  })
})
