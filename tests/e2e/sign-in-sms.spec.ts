import { E2E } from "@lianxin/seed/e2e-fixtures"
import { expect, PLACE_ORDER_TIMEOUT, storefrontUrl, test } from "../fixtures/shop"
import { latestSignInCode } from "../support/sms-outbox"

const office = E2E.pickup.office

test("手机验证码登录: a guest's order, then sign-in on another phone without JavaScript with the SMS code; the order is in 我的订单", async ({
  page,
  browser,
  shop,
  checkout,
}) => {
  test.setTimeout(180_000)
  // A number of this run alone: the e2e database outlives a single journey.
  const mobile = `137${String(Date.now()).slice(-8)}`
  const masked = `${mobile.slice(0, 3)}****${mobile.slice(7)}`

  // On one phone, as a guest: order for pickup with this mobile number.
  await shop.chooseCompound(office.compoundName)
  await shop.open(`/products/${E2E.products.apple.handle}`)
  await shop.addedToCart(1)
  await shop.open("/checkout")
  await checkout.fill("林阿姨", mobile)
  await checkout.submit().click()
  await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible({ timeout: PLACE_ORDER_TIMEOUT })
  const number = (await page.getByRole("definition").first().textContent())?.trim()
  expect(number).toMatch(/^\d+$/)

  // On another phone, without JavaScript: the login page's 手机验证码登录 is two plain form posts.
  const other = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN", timezoneId: "Asia/Shanghai" })
  const phone = await other.newPage()
  await phone.goto(`${storefrontUrl()}/account/login`)
  const form = phone.getByRole("region", { name: "手机验证码登录" })
  await form.getByRole("textbox", { name: "手机号" }).fill(mobile)
  await form.getByRole("button", { name: "获取验证码" }).click()
  await expect(form.getByRole("status")).toHaveText(`验证码已发送到 ${masked}，10 分钟内有效。`)

  // The SMS, as the development outbox holds it (tail -f .data/outbox/sms.jsonl with npm start).
  await expect.poll(() => latestSignInCode(mobile)).toMatch(/^\d{6}$/)
  const code = latestSignInCode(mobile)!
  const codeField = form.getByRole("textbox", { name: "验证码" })
  await codeField.fill(code === "000000" ? "111111" : "000000")
  await form.getByRole("button", { name: "登录" }).click()
  await expect(codeField).toHaveAccessibleDescription("验证码不对，还可以再试 4 次。")

  await codeField.fill(code)
  await form.getByRole("button", { name: "登录" }).click()
  // The first sign-in made the account; the code proved the number, so its guest order joined it.
  await expect(phone.getByRole("heading", { level: 1, name: "我的" })).toBeVisible()
  await expect(phone.getByRole("link", { name: `订单号 ${number}` })).toBeVisible()

  // Signed out and asking again at once: one code a minute per number, the wait is said at the field.
  await phone.getByRole("button", { name: "退出登录" }).click()
  await phone.goto(`${storefrontUrl()}/account/login`)
  await form.getByRole("textbox", { name: "手机号" }).fill(mobile)
  await form.getByRole("button", { name: "获取验证码" }).click()
  await expect(form.getByRole("textbox", { name: "手机号" })).toHaveAccessibleDescription(
    /验证码发送太频繁，请 \d+ 秒后再试。/
  )
  await other.close()
})
