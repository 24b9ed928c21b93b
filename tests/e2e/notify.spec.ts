import { E2E } from "@lianxin/seed/e2e-fixtures"
import { Office } from "../fixtures/office"
import { expect, PLACE_ORDER_TIMEOUT, test } from "../fixtures/shop"
import { mailTo } from "../support/mail-sink"

const office = E2E.pickup.office
const staff = E2E.pickup.staff

test("staff check a batch in at the office portal; the resident sees 可取货 under 消息 and the email is at the SMTP server", async ({
  page,
  browser,
  shop,
  checkout,
}, testInfo) => {
  test.setTimeout(180_000)
  const email = `notify-${Date.now()}@example.com`
  await shop.open("/account/register")
  await page.getByRole("textbox", { name: "姓名或昵称" }).fill("周阿姨")
  await page.getByRole("textbox", { name: "邮箱" }).fill(email)
  await page.getByLabel("密码", { exact: true }).fill("lianxin-2026")
  await page.getByRole("button", { name: "注册" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "你好，周阿姨" })).toBeVisible()
  await expect(page.getByRole("link", { name: "消息", exact: true })).toBeVisible()

  await shop.chooseCompound(office.compoundName)
  await shop.open(`/products/${E2E.products.apple.handle}`)
  await shop.addedToCart(1)
  await shop.open("/checkout")
  // The furthest pickup time: its batch is this journey's alone (other journeys use the next one).
  const cycle = checkout.cycles().last()
  await cycle.check()
  const cycleId = (await cycle.getAttribute("value"))!
  await checkout.mobile().fill("13900139011")
  await checkout.submit().click()
  await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible({ timeout: PLACE_ORDER_TIMEOUT })
  const number = (await page.getByRole("definition").first().textContent())?.trim()
  expect(number).toMatch(/^\d+$/)

  // The order-placed message is there at once: the header counts it.
  await shop.open("/")
  await expect(page.getByRole("link", { name: /^消息\s*1\s*条未读$/ })).toBeVisible()
  await expect.poll(async () => (await mailTo(email)).map((m) => m.subject)).toContain(`订单 #${number} 已下单`)

  // Staff, at the counter in a browser of their own, receive the batch of that pickup time.
  const counter = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" })
  const staffPage = await counter.newPage()
  const portal = new Office(staffPage)
  await portal.login(staff.email, staff.password)
  const backendUrl = process.env.BACKEND_URL!
  const login = await staffPage.request.post(`${backendUrl}/auth/pickup_staff/emailpass`, {
    data: { email: staff.email, password: staff.password },
  })
  const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` }
  const me = (await (await staffPage.request.get(`${backendUrl}/pickup-staff/me`, { headers })).json()) as {
    points: Array<{ id: string }>
  }
  const listed = await staffPage.request.get(`${backendUrl}/pickup-staff/points/${me.points[0]!.id}/batches?limit=50`, {
    headers,
  })
  const batch = ((await listed.json()) as { batches: Array<{ id: string; cycle_id: string }> }).batches.find(
    (b) => b.cycle_id === cycleId
  )
  expect(batch, "the order's batch at the e2e point").toBeDefined()
  await portal.open(`/office/batches/${batch!.id}`)
  await expect(staffPage.getByRole("heading", { level: 1, name: "收货核对" })).toBeVisible()
  await staffPage.getByRole("button", { name: "货已送到，标记到货" }).click()
  await expect(staffPage.getByText("已标记到货", { exact: false })).toBeVisible()
  await staffPage.getByRole("button", { name: "提交到货核对" }).click()
  await expect(staffPage.getByRole("status").filter({ hasText: "到货核对完成" })).toBeVisible()
  await staffPage.screenshot({ path: testInfo.outputPath("office-checked-in.png"), fullPage: true })
  await counter.close()

  // The resident: 可取货 under 消息, the header counts two unread.
  await shop.open("/")
  const messagesLink = page.getByRole("link", { name: /^消息\s*2\s*条未读$/ })
  await expect(messagesLink).toBeVisible()
  await messagesLink.click()
  await expect(page.getByRole("heading", { level: 1, name: /消息/ })).toBeVisible()
  const ready = page
    .getByRole("article")
    .filter({ has: page.getByRole("heading", { name: new RegExp(`可取货：订单 #${number}$`) }) })
  await expect(ready).toBeVisible()
  await expect(ready).toContainText(`已到 ${office.compoundName}`)
  await expect(ready).toContainText("取货码请在订单页查看")
  await shop.screenshot(testInfo, "messages")
  await page.screenshot({ path: testInfo.outputPath("messages-ready.png"), fullPage: true })
  await shop.expectAccessible()

  // The email with the pickup code reached the SMTP server.
  await expect
    .poll(async () => (await mailTo(email)).find((m) => m.subject === `可取货：订单 #${number}`)?.text ?? "")
    .toMatch(/取货码 \d{8}/)

  // Read: the count goes.
  await page.getByRole("button", { name: "全部标为已读" }).click()
  await expect(page.getByRole("link", { name: "消息", exact: true })).toBeVisible()
  await expect(page.getByRole("heading", { name: `可取货：订单 #${number}`, exact: true })).toBeVisible()
})
