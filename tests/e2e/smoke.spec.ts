import { expect, test } from "@playwright/test"
import { E2E } from "@lianxin/seed/e2e-fixtures"

const storefront = () => {
  const url = process.env.STOREFRONT_URL
  if (!url) throw new Error("STOREFRONT_URL is set by the global setup")
  return url
}

const formatFen = (fen: number) =>
  new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY" }).format(fen / 100)

test("a resident opens the shop, sees a seeded product and opens its page", async ({ page }, testInfo) => {
  const product = Object.values(E2E.products)[0]

  await page.goto(storefront())
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN")
  const card = page.getByRole("link", { name: new RegExp(product.title) })
  await expect(card).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath("home.png"), fullPage: true })

  await card.click()
  await expect(page).toHaveURL(new RegExp(`/products/${product.handle}$`))
  await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible()
  await expect(page.getByText(formatFen(product.priceFen)).first()).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath("product.png"), fullPage: true })
})

test("an unknown product shows a friendly 404 page", async ({ page }) => {
  const response = await page.goto(`${storefront()}/products/no-such-product`)
  expect(response?.status()).toBe(404)
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible()
})
