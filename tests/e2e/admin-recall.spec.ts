import { E2E } from "@lianxin/seed/e2e-fixtures"
import { devices, type APIRequestContext, type Page } from "@playwright/test"
import { expect, test } from "../fixtures/shop"
import { backend, json, placeTracedOrder } from "../fixtures/traced-order"

/**
 * Issue 18 in Medusa Admin: an operator recalls a harvest batch on the 产地批次 page (decision 023) — the drawer
 * lists the order the batch filled and its resident before and after, the product leaves the shop — and reissues
 * the order's pickup code from the order widget without ever seeing a code. The listing, the order and the
 * check-in that traces the order to the batch go through the APIs (trace.spec.ts shows those on their pages).
 */
test.use({ ...devices["Desktop Chrome"], locale: "zh-CN", timezoneId: "Asia/Shanghai" })

/** A listing with one harvest batch, approved; a resident's order of it in a cycle of its own, checked in. */
async function tracedOrder(request: APIRequestContext, stamp: string) {
  const certificate = `HGZ-RC-${stamp}`
  const title = `召回苹果${stamp}`
  const placed = await placeTracedOrder(request, {
    tag: "recall",
    stamp,
    title,
    certificate,
    description: "召回演练用的苹果。",
    harvestedOn: "2026-11-29",
    quantity: 60,
    cycleName: `召回测试 ${stamp}`,
    cutoffInHours: 31,
    resident: { firstName: "大伯", lastName: "吴", phone: "13800138066" },
  })
  return { certificate, title, ...placed }
}

async function signInToAdmin(page: Page) {
  await page.goto(`${backend()}/app/login`)
  await expect(page.getByRole("heading", { name: "欢迎使用Medusa" })).toBeVisible()
  await page.getByRole("textbox", { name: /Email|电子邮件/ }).fill(E2E.admin.email)
  await page.getByPlaceholder(/Password|密码/).fill(E2E.admin.password)
  await page.getByRole("button", { name: /继续|邮箱/ }).click()
  await expect(page).not.toHaveURL(/\/login/)
}

test("an operator recalls a harvest batch and reissues a pickup code in Medusa Admin", async ({ page }, testInfo) => {
  test.setTimeout(180_000)
  const stamp = Date.now().toString(36)
  const traced = await tracedOrder(page.request, stamp)
  await signInToAdmin(page)

  // 产地批次: the batch's row, in Chinese, with its certificate photo.
  await page.getByRole("link", { name: "产地批次", exact: true }).click()
  await expect(page.getByRole("heading", { name: "产地批次", level: 1 })).toBeVisible()
  const row = page.getByRole("row").filter({ hasText: traced.certificate })
  await expect(row).toContainText(traced.title)
  await expect(row).toContainText("2026-11-29")
  await expect(row).toContainText("60 斤")
  await expect(row).toContainText("未召回")
  await expect(row.getByRole("link", { name: "照片" })).toHaveAttribute("href", /^https?:\/\//)
  await expect(row).not.toContainText(/hvb_|approved|recalled/)

  // Before the recall the drawer names who would be affected.
  await row.getByRole("button", { name: "召回" }).click()
  const drawer = page.getByRole("dialog")
  await expect(drawer).toContainText("召回将影响以下订单和居民。")
  const orderRow = drawer.getByRole("row").filter({ hasText: `#${traced.displayId}` })
  await expect(orderRow).toContainText(`${traced.title} × 2`)
  await expect(orderRow).toContainText("待取货")
  await expect(drawer.getByRole("row").filter({ hasText: "吴大伯" })).toContainText("13800138066")
  await expect(drawer).not.toContainText(/order_|cus_|pending|ready/)

  // Recall: the reason is required, then a confirmation.
  const recall = drawer.getByRole("button", { name: "召回", exact: true })
  await expect(recall).toBeDisabled()
  await drawer.getByLabel("召回原因").fill("农残抽检超标，请勿食用")
  await recall.click()
  const confirm = page.getByRole("alertdialog")
  await expect(confirm).toContainText("确认召回该批次？")
  await expect(confirm).toContainText("1 个订单")
  await confirm.getByRole("button", { name: "召回" }).click()
  await expect(page.getByText("已召回，正在通知居民")).toBeVisible()
  await expect(drawer).toContainText("农残抽检超标，请勿食用")
  await expect(drawer).toContainText(/已召回 \d\d\/\d\d/)
  await expect(drawer.getByRole("row").filter({ hasText: `#${traced.displayId}` })).toBeVisible()
  await expect(drawer.getByLabel("召回原因")).toHaveCount(0)
  await page.screenshot({ path: testInfo.outputPath("harvest-recall.png"), fullPage: true })
  await page.keyboard.press("Escape")
  await expect(row).toContainText(/已召回 \d\d\/\d\d/)

  // The product left the shop.
  const inShop = await json(
    await page.request.get(`${backend()}/store/products?id=${traced.productId}&fields=id`, { headers: traced.key })
  )
  expect(inShop.products).toHaveLength(0)

  // The order widget reissues the pickup code; the operator never sees a code.
  await page.goto(`${backend()}/app/orders/${traced.orderId}`)
  const widget = page.getByRole("region", { name: "自提", exact: true })
  await expect(widget).toContainText("第 1 版")
  await widget.getByRole("button", { name: "重新生成取货码" }).click()
  const reissue = page.getByRole("alertdialog")
  await expect(reissue).toContainText("您不会看到它")
  await reissue.getByRole("button", { name: "重新生成取货码" }).click()
  await expect(page.getByText("已生成新取货码（第 2 版）")).toBeVisible()
  await expect(widget).toContainText("第 2 版")
  await expect(widget).not.toContainText(/\b\d{8}\b/)
  await page.screenshot({ path: testInfo.outputPath("order-widget-reissued.png"), fullPage: true })
})
