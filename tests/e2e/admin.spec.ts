import { E2E } from "@lianxin/seed/e2e-fixtures"
import { devices, type Page } from "@playwright/test"
import { Checkout, expect, orderPickup, PLACE_ORDER_TIMEOUT, Shop, test } from "../fixtures/shop"

/**
 * Medusa Admin for the pickup network (docs/admin.md): operators in China get Admin in Chinese, create a point and
 * a weekly cycle, bind a staff member, close a cycle, extend the cycle of a resident's order (who gets a notice),
 * look at a batch with its manifest, the trial balance and the order widget.
 */
test.use({ ...devices["Desktop Chrome"], locale: "zh-CN", timezoneId: "Asia/Shanghai" })

const backendUrl = () => {
  const url = process.env.BACKEND_URL
  if (!url) throw new Error("BACKEND_URL is set by the global setup")
  return url
}

/** "YYYY-MM-DDTHH:mm" in Asia/Shanghai, `hours` from now, for datetime-local fields. */
const shanghaiIn = (hours: number) => new Date(Date.now() + hours * 3600_000 + 8 * 3600_000).toISOString().slice(0, 16)

/** A resident registers (so the cycle notice reaches 消息) and orders an apple at the e2e compound; the order id. */
async function placeResidentOrder(page: Page) {
  const shop = new Shop(page)
  const checkout = new Checkout(page)
  await shop.open("/account/register")
  await page.getByRole("textbox", { name: "姓名或昵称" }).fill("钱后台")
  await page.getByRole("textbox", { name: "邮箱" }).fill(`admin-journey-${Date.now()}@example.com`)
  await page.getByLabel("密码", { exact: true }).fill("lianxin-2026")
  await page.getByRole("button", { name: "注册" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "你好，钱后台" })).toBeVisible()
  await shop.chooseCompound(E2E.pickup.office.compoundName)
  await shop.open(`/products/${E2E.products.apple.handle}`)
  await shop.addedToCart(1)
  await shop.open("/checkout")
  await checkout.mobile().fill("13800138077")
  await checkout.submit().click()
  await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible({ timeout: PLACE_ORDER_TIMEOUT })
  await expect(orderPickup(page).getByText(/^\d{8}$/)).toBeVisible()
  const id = /\/orders\/(order_[0-9A-Z]+)/.exec(page.url())?.[1]
  if (!id) throw new Error(`the confirmation page's address has no order id: ${page.url()}`)
  return id
}

async function signInToAdmin(page: Page) {
  await page.goto(`${backendUrl()}/app/login`)
  // No language chosen yet: Admin opens in 简体中文 (decision 022), even though Chromium says zh-CN, not Medusa's zhCN.
  await expect(page.getByRole("heading", { name: "欢迎使用Medusa" })).toBeVisible()
  await page.getByRole("textbox", { name: /Email|电子邮件/ }).fill(E2E.admin.email)
  await page.getByPlaceholder(/Password|密码/).fill(E2E.admin.password)
  await page.getByRole("button", { name: /继续|邮箱/ }).click()
  await expect(page).not.toHaveURL(/\/login/)
}

const dialog = (page: Page) => page.getByRole("dialog")

test("operators run the pickup network in Medusa Admin, in Chinese", async ({ page }, testInfo) => {
  test.setTimeout(300_000)
  const suffix = String(Date.now()).slice(-5)
  const orderId = await placeResidentOrder(page)
  await signInToAdmin(page)

  // Our menu entries speak Chinese (Admin's own i18n, not hard-coded labels).
  for (const label of ["取货网络", "订单周期", "取货点员工", "批次", "未取订单", "分账台账", "农户", "上架审核"]) {
    await expect(page.getByRole("link", { name: label, exact: true })).toBeVisible()
  }

  // A new property office (a compound of its own, so the shop's other journeys keep one 测试小区) with two points.
  const compound = `连心后台苑${suffix}`
  await page.getByRole("link", { name: "取货网络", exact: true }).click()
  await expect(page.getByRole("heading", { name: "物业服务中心与取货点" })).toBeVisible()
  await page.getByRole("button", { name: "新建物业服务中心" }).click()
  await dialog(page).getByLabel("物业公司", { exact: true }).fill("连心后台物业有限公司")
  await dialog(page).getByLabel("小区", { exact: true }).fill(compound)
  await dialog(page).getByLabel("城市", { exact: true }).fill("杭州市")
  await dialog(page).getByLabel("地址", { exact: true }).fill("杭州市滨江区后台路 8 号")
  await dialog(page).getByLabel("电话", { exact: true }).fill("0571-86660000")
  await dialog(page).getByLabel("营业时间", { exact: true }).fill("08:00-20:00")
  await dialog(page).getByRole("button", { name: "创建" }).click()
  await expect(page.getByRole("row").filter({ hasText: compound })).toContainText("08:00–20:00")

  const points = [
    { code: `AD-${suffix}-1`, name: `后台一号柜${suffix}` },
    { code: `AD-${suffix}-2`, name: `后台二号柜${suffix}` },
  ]
  for (const point of points) {
    await page.getByRole("button", { name: "新建取货点" }).click()
    await dialog(page).getByRole("combobox").first().click()
    await page.getByRole("option", { name: compound, exact: true }).click()
    await dialog(page).getByLabel("编号", { exact: true }).fill(point.code)
    await dialog(page).getByLabel("名称", { exact: true }).fill(point.name)
    await dialog(page).getByLabel("冷藏容量（每批次订单数）").fill("12")
    await dialog(page).getByRole("button", { name: "创建" }).click()
    const row = page.getByRole("row").filter({ hasText: point.code })
    await expect(row).toContainText(point.name)
    await expect(row).toContainText("12 / 40")
    await expect(row).toContainText("捐赠")
  }
  const label = (p: { code: string; name: string }) => `${p.name}（${p.code}）`

  // A weekly cycle, then ordering for it closed early.
  const cycleName = `后台每周周期${suffix}`
  await page.getByRole("link", { name: "订单周期", exact: true }).click()
  await page.getByRole("button", { name: "新建周期" }).click()
  await dialog(page).getByLabel("名称").fill(cycleName)
  await dialog(page).getByLabel("农户截单").fill(shanghaiIn(96))
  await dialog(page).getByLabel("居民截单").fill(shanghaiIn(97))
  await dialog(page).getByLabel("取货开始").fill(shanghaiIn(120))
  await dialog(page).getByLabel("取货结束").fill(shanghaiIn(124))
  await dialog(page).getByRole("button", { name: "创建" }).click()
  const cycleRow = page.getByRole("row").filter({ hasText: cycleName })
  await expect(cycleRow).toContainText("每周")
  await expect(cycleRow).toContainText("接单中")
  await cycleRow.getByRole("button", { name: "提前截单" }).click()
  await dialog(page).getByLabel("说明（会发给居民）").fill("本周停供")
  await dialog(page).getByRole("button", { name: "提前截单" }).click()
  await expect(cycleRow).toContainText("已截单")
  await expect(cycleRow.getByRole("button", { name: "提前截单" })).toHaveCount(0)

  // Staff: invited at point 1, bound to point 2 as well, then deactivated.
  const email = `admin-journey-staff-${suffix}@example.com`
  await page.getByRole("link", { name: "取货点员工", exact: true }).click()
  await page.getByRole("button", { name: "邀请员工" }).click()
  await dialog(page).getByLabel("姓名", { exact: true }).fill("孙后台")
  await dialog(page).getByLabel("邮箱", { exact: true }).fill(email)
  await dialog(page).getByLabel("初始密码", { exact: true }).fill("lianxin-staff-2026")
  await dialog(page).getByLabel(label(points[0])).check()
  await dialog(page).getByRole("button", { name: "创建" }).click()
  const staffRow = page.getByRole("row").filter({ hasText: email })
  await expect(staffRow).toContainText(label(points[0]))
  await staffRow.getByRole("button", { name: "绑定取货点" }).click()
  await dialog(page).getByLabel(label(points[1])).check()
  await dialog(page).getByRole("button", { name: "保存" }).click()
  await expect(staffRow).toContainText(`${label(points[0])}、${label(points[1])}`)
  await staffRow.getByRole("button", { name: "停用" }).click()
  await expect(staffRow.getByRole("button", { name: "启用" })).toBeVisible()

  // The resident's order: its pickup widget says where it stands, in Chinese, without raw ids or English statuses.
  await page.goto(`${backendUrl()}/app/orders/${orderId}`)
  const widget = page.getByRole("region", { name: "自提", exact: true })
  await expect(widget).toContainText(E2E.pickup.point.code)
  await expect(widget).toContainText("已下单")
  await expect(widget).toContainText("尚未交付")
  await expect(widget).not.toContainText(/placed|pasg_|pcyc_|ppt_/)
  const cycleOfOrder = (await widget
    .getByText(/ · \d\d\/\d\d/)
    .first()
    .textContent())!
    .split(" · ")[0]
    .trim()
  await page.screenshot({ path: testInfo.outputPath("order-widget.png"), fullPage: true })
  // How the resident paid, by name (the dashboard's own section prints the provider id).
  await expect(page.getByRole("heading", { name: "付款方式", exact: true })).toBeVisible()
  await expect(
    page.getByText(/到物业付款（柜台收款）|微信支付（Stripe）|支付宝（Stripe）|银行卡（Stripe）/).first()
  ).toBeVisible()
  // The resident says the code leaked: a new one (the operator never sees it), the old one stops working.
  await expect(widget).toContainText("第 1 版")
  await widget.getByRole("button", { name: "重新生成取货码" }).click()
  await page.getByRole("alertdialog").getByRole("button", { name: "重新生成取货码" }).click()
  await expect(page.getByText("已生成新取货码（第 2 版）")).toBeVisible()
  await expect(widget).toContainText("第 2 版")
  await expect(widget).not.toContainText(/\b\d{8}\b/)

  // Extending that cycle tells the resident (a cycle_changed message in 通知).
  await page.goto(`${backendUrl()}/app/pickup-cycles`)
  const orderCycleRow = page
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: cycleOfOrder, exact: true }) })
  await orderCycleRow.getByRole("button", { name: "延长" }).click()
  const cutoff = dialog(page).getByLabel("居民截单")
  const current = await cutoff.inputValue()
  const later = new Date(new Date(`${current}:00+08:00`).getTime() + 10 * 60_000 + 8 * 3600_000)
    .toISOString()
    .slice(0, 16)
  await cutoff.fill(later)
  await dialog(page).getByLabel("说明（会发给居民）").fill("冷链车晚到")
  await dialog(page).getByRole("button", { name: "延长" }).click()
  await expect(page.getByText("已延长，并已通知相关居民")).toBeVisible()
  // The notice is written by the notify subscriber after the response: ask until it is there.
  let noticeStatus = ""
  await expect(async () => {
    const res = await page.request.get(
      `${backendUrl()}/admin/notify/messages?limit=100&status=queued,sending,sent,skipped,failed,dead`
    )
    expect(res.status()).toBe(200)
    const { messages } = (await res.json()) as { messages: { event: string; title: string; status: string }[] }
    const notices = messages.filter(
      (m) => m.event === "pickup.cycle_changed" && m.title === `${cycleOfOrder} 时间已调整`
    )
    expect(notices.length).toBeGreaterThan(0)
    // A settled one (in-app goes out at once, even in the 21:30–08:00 quiet hours), so the status filter below
    // still finds it when the page loads; a queued one may be sent in between.
    const settled = notices.find((m) => ["sent", "skipped", "failed", "dead"].includes(m.status))
    expect(settled, JSON.stringify(notices.map((m) => m.status))).toBeDefined()
    noticeStatus = settled!.status
  }).toPass({ timeout: 60_000 })
  // 通知 names the event in words, not `pickup.cycle_changed`.
  await page.goto(`${backendUrl()}/app/notifications`)
  const filterOf: Record<string, string> = {
    failed: "失败",
    dead: "失败",
    queued: "排队中",
    sending: "排队中",
    sent: "已发送",
    skipped: "未发送",
  }
  // Among many messages (every journey's, and at night all held SMS): the event filter narrows to this one.
  await page.getByRole("combobox", { name: "按事件筛选" }).click()
  await page.getByRole("option", { name: "订单周期变更", exact: true }).click()
  await page.getByRole("button", { name: filterOf[noticeStatus] }).click()
  const noticeRow = page
    .getByRole("row")
    .filter({ hasText: `${cycleOfOrder} 时间已调整` })
    .first()
  await expect(noticeRow).toContainText("订单周期变更")
  await expect(noticeRow).not.toContainText("pickup.cycle_changed")

  // The order's batch and its manifest (the resident's bag, masked name).
  await page.getByRole("link", { name: "批次", exact: true }).click()
  const batchRow = page.getByRole("row").filter({ hasText: E2E.pickup.point.code }).filter({ hasText: cycleOfOrder })
  await expect(batchRow).toContainText("已下单")
  await batchRow.getByRole("button", { name: "查看" }).click()
  await expect(dialog(page).getByRole("heading", { name: "取货清单" })).toBeVisible()
  await expect(
    dialog(page)
      .getByRole("row")
      .filter({ hasText: "13800138077".slice(-4) })
      .first()
  ).toContainText("已下单")
  await expect(dialog(page)).toContainText("未清点")
  await page.keyboard.press("Escape")

  // The trial balance: balanced, in yuan.
  await page.getByRole("link", { name: "分账台账", exact: true }).click()
  const tb = page.getByRole("region", { name: "试算平衡" })
  await expect(tb).toContainText("借方合计")
  await expect(tb.getByText("平衡", { exact: true })).toBeVisible()
  await expect(tb).not.toContainText("不平衡")
  await expect(tb).toContainText("¥")
  await page.screenshot({ path: testInfo.outputPath("trial-balance.png"), fullPage: true })

  // A household's page: every section through Admin's i18n (Chinese here, English below).
  await page.goto(`${backendUrl()}/app/households`)
  await page.getByRole("row").nth(1).click()
  await expect(page).toHaveURL(/\/app\/households\/[^/]+$/)
  const householdUrl = page.url()
  for (const name of ["产品", "收入与对账单", "同意记录", "登记信息", "查看记录"]) {
    await expect(page.getByRole("heading", { name, exact: true })).toBeVisible()
  }
  await expect(page.getByText("公开资料同意", { exact: true })).toBeVisible()
  await page.goto(`${backendUrl()}/app/ledger`)

  // The same page in English, for an operator who chose it (Admin stores the choice in the lng cookie and localStorage).
  await page.evaluate(() => {
    localStorage.setItem("lng", "en")
    document.cookie = "lng=en; path=/"
  })
  await page.reload()
  await expect(page.getByRole("heading", { name: "Ledger", exact: true })).toBeVisible()
  await expect(page.getByRole("region", { name: "Trial balance" })).toContainText("Balanced")
  await expect(page.getByRole("link", { name: "Pickup network", exact: true })).toBeVisible()
  await page.goto(householdUrl)
  for (const name of ["Products", "Earnings and statements", "Consent records", "Registry data", "Viewing log"]) {
    await expect(page.getByRole("heading", { name, exact: true })).toBeVisible()
  }
  await expect(page.getByText("Public-profile consent", { exact: true })).toBeVisible()
  await expect(page.getByRole("heading", { name: "同意记录" })).toHaveCount(0)

  // Clean up for the shop's other journeys: both new points deactivated through the edit drawer.
  await page.evaluate(() => {
    localStorage.setItem("lng", "zhCN")
    document.cookie = "lng=zhCN; path=/"
  })
  await page.goto(`${backendUrl()}/app/pickup-network`)
  for (const point of points) {
    const row = page.getByRole("row").filter({ hasText: point.code })
    await row.getByRole("button", { name: "编辑" }).click()
    await dialog(page).getByRole("switch").click()
    await dialog(page).getByRole("button", { name: "保存" }).click()
    await expect(row).toContainText("停用")
  }
})
