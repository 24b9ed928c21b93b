import { E2E } from "@lianxin/seed/e2e-fixtures"
import { Office } from "../fixtures/office"
import { expect, formatFen, Shop, test } from "../fixtures/shop"
import { backend, json, placeTracedOrder } from "../fixtures/traced-order"

/**
 * Issue 18: a resident's order page names the harvest batch and 合格证 each line came from (traced at the point's
 * check-in) and says what the order sends to households from its own ledger accruals. The listing, its approval,
 * the order and the check-in go through the APIs (other journeys cover those screens); what is checked is the page.
 * The order is in a cycle of this test's own, so checking its batch in touches no other journey's batch.
 */
test("the order page shows each line's harvest batch and certificate, and the households figure from the ledger", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000)
  const request = page.request
  const stamp = Date.now().toString(36)
  const certificate = `HGZ-E2E-${stamp}`
  const title = `溯源苹果${stamp}`
  const { admin, photo, orderId, batchId, email, password } = await placeTracedOrder(request, {
    tag: "trace",
    stamp,
    title,
    certificate,
    description: "带合格证的溯源测试苹果。",
    harvestedOn: "2026-11-30",
    quantity: 80,
    cycleName: `溯源测试 ${stamp}`,
    cutoffInHours: 29,
    resident: { firstName: "阿姨", lastName: "周", phone: "13800138077" },
  })

  // What the ledger says the order sends to households (the figure the page must show).
  let sent = 0
  const ledgerHouseholds = new Set<string>()
  await expect
    .poll(async () => {
      const ledger = await json(await request.get(`${backend()}/admin/ledger/orders/${orderId}`, { headers: admin }))
      const credits = ledger.entries.filter(
        (e: any) =>
          e.kind === "accrual" && e.account === "accrued" && e.direction === "credit" && e.party_type === "household"
      )
      sent = credits.reduce((s: number, e: any) => s + Number(e.amount), 0)
      for (const e of credits) if (e.party_id) ledgerHouseholds.add(e.party_id)
      return sent
    })
    .toBeGreaterThan(0)
  expect(ledgerHouseholds.size).toBe(1)

  // The resident signs in and opens the order.
  const shop = new Shop(page)
  await shop.open("/account/login")
  await page.getByRole("textbox", { name: "邮箱" }).fill(email)
  await page.getByLabel("密码", { exact: true }).fill(password)
  await page.getByRole("button", { name: "登录" }).click()
  await expect(page.getByRole("heading", { level: 1, name: /你好/ })).toBeVisible()
  await shop.open(`/orders/${orderId}`)
  await expect(page.getByText(`这笔订单将给 1 户农户带来 ${formatFen(sent)}。`)).toBeVisible({ timeout: 20_000 })
  await expect(page.getByText("按当前分账规则估算")).toHaveCount(0)
  const trace = page.getByRole("region", { name: "产地批次" })
  const line = trace.getByRole("listitem", { name: title })
  await expect(line.getByText(`2026-11-30 采收 · 合格证 ${certificate}`)).toBeVisible()
  await expect(line.getByRole("link", { name: "查看合格证照片" })).toHaveAttribute("href", photo)
  await shop.screenshot(testInfo, "order-trace")
  await shop.expectAccessible()

  // The printed pickup list and the bag label of that order carry the batch and certificate.
  await page.context().clearCookies()
  const office = new Office(page)
  await office.login(E2E.pickup.staff.email, E2E.pickup.staff.password)
  await office.open(`/office/batches/${batchId}/print?kind=pickup`)
  await expect(page.getByRole("columnheader", { name: "产地批次 / 合格证" })).toBeVisible()
  const batchNote = `${title}：2026-11-30 采收 合格证 ${certificate}`
  await expect(page.getByRole("row").filter({ hasText: batchNote })).toHaveCount(1)
  const labels = page.getByRole("region", { name: "袋签" }).getByRole("listitem")
  await expect(labels.filter({ hasText: batchNote })).toHaveCount(1)
  await expect(labels.filter({ hasText: batchNote })).toContainText(/袋号 \d+/)
  await office.screenshot(testInfo, "print-bag-labels")
})
