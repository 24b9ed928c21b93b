import { E2E } from "@lianxin/seed/e2e-fixtures"
import { expect, formatFen, storefrontUrl, test } from "../fixtures/shop"

/**
 * Issue 10, item 6: what residents trip over on a phone (390×844, the viewport). The compound chooser, the
 * product page's buy bar and prices, the cart's −/+ stepper and English plurals. (Cancelling asks once: journey.spec.)
 */
const { apple, pear, rice } = E2E.products
const A = E2E.pickup

test.use({ viewport: { width: 390, height: 844 } })

test("the compound chooser names the 小区 once, shows the office's hours and phone, and keeps its button on one line", async ({
  page,
  shop,
}, testInfo) => {
  await shop.open(`/compound?q=${encodeURIComponent(A.office.compoundName)}`)
  const card = page.getByRole("article", { name: A.office.compoundName })
  await expect(card).toBeVisible()
  const text = (await card.textContent()) ?? ""
  // Once as the title, once inside the address (which is where it is): never three times.
  expect(text.split(A.office.compoundName).length - 1).toBeLessThanOrEqual(2)
  expect(text.split(A.office.city).length - 1).toBe(1)
  await expect(card.getByText("每天 08:00–20:30")).toBeVisible()
  await expect(card.getByRole("link", { name: A.office.phone })).toHaveAttribute(
    "href",
    `tel:${A.office.phone.replace(/-/g, "")}`
  )
  const button = card.getByRole("button", { name: `选这个小区：${A.office.compoundName}` })
  const box = (await button.boundingBox())!
  // One line of text (a 44 px tap target), wider than tall: not one character per line.
  expect(box.height).toBeLessThanOrEqual(48)
  expect(box.width).toBeGreaterThan(box.height * 2)
  await shop.screenshot(testInfo, "compound")
  await shop.expectAccessible()
})

test("the product page: a buy bar in reach, the chosen pack's price and the price per 斤", async ({
  page,
  shop,
}, testInfo) => {
  await shop.open(`/products/${pear.handle}`)
  const bar = page.getByRole("form", { name: "加入购物车" })
  const add = bar.getByRole("button", { name: "加入购物车" })
  // Without scrolling, on a phone.
  await expect(add).toBeInViewport()
  // The smaller pack is chosen: its price, never "¥19.90 起".
  await expect(page.getByText(/起/)).toHaveCount(0)
  await expect(page.getByRole("radio", { name: new RegExp(pear.variantTitle) })).toBeChecked()
  await expect(bar).toContainText(formatFen(pear.priceFen))
  await expect(bar).toContainText(`合 ${formatFen(Math.round((pear.priceFen * 500) / pear.netWeightG))}/斤`)

  await page.getByRole("radio", { name: new RegExp(pear.larger.variantTitle) }).check()
  // The heading's price and the bar's both follow the choice.
  await expect(page.locator(`data[value="${(pear.larger.priceFen / 100).toFixed(2)}"]`)).toHaveText(
    formatFen(pear.larger.priceFen)
  )
  await expect(page.getByText(`/ ${pear.larger.variantTitle}`)).toBeVisible()
  await expect(bar).toContainText(formatFen(pear.larger.priceFen))
  await expect(bar).toContainText(
    `合 ${formatFen(Math.round((pear.larger.priceFen * 500) / pear.larger.netWeightG))}/斤`
  )
  await shop.screenshot(testInfo, "product-larger-chosen")

  // Still in reach at the bottom of the page (the bar sticks while the product is read).
  await page.getByRole("heading", { name: "这份钱去了哪里" }).scrollIntoViewIfNeeded()
  await expect(add).toBeInViewport()
  await bar.getByRole("button", { name: "增加数量" }).click()
  await expect(bar.getByRole("spinbutton", { name: "数量" })).toHaveValue("2")
  await add.click()
  await expect(page.getByRole("status")).toContainText("已加入购物车")
  await expect(shop.cartLink()).toHaveText("购物车（2 件）")
  await shop.expectAccessible()

  // Single packs say their price per 斤 or per kg (as the pack is named).
  await shop.open(`/products/${apple.handle}`)
  await expect(page.getByText(`合 ${formatFen(Math.round(apple.priceFen / 5))}/斤`).first()).toBeVisible()
  await shop.open(`/products/${rice.handle}`)
  await expect(page.getByText(`合 ${formatFen(Math.round(rice.priceFen / 2.5))}/公斤`).first()).toBeVisible()

  // The cart's −/+ stepper: one tap, one more or one fewer; never below one.
  await shop.open("/cart")
  const line = `${pear.title} ${pear.larger.variantTitle}`
  const quantity = page.getByRole("spinbutton", { name: `${line} 的数量` })
  await expect(quantity).toHaveValue("2")
  await page.getByRole("button", { name: `${line} 减一份` }).click()
  await expect(page.getByRole("status")).toContainText("数量已更新")
  await expect(quantity).toHaveValue("1")
  await expect(page.getByRole("button", { name: `${line} 减一份` })).toBeDisabled()
  await page.getByRole("button", { name: `${line} 加一份` }).click()
  await expect(quantity).toHaveValue("2")
  await page.getByRole("button", { name: `${line} 加一份` }).click()
  await expect(quantity).toHaveValue("3")
  await expect(page.getByText(formatFen(3 * pear.larger.priceFen)).last()).toBeVisible()
  await shop.screenshot(testInfo, "cart-stepper")
  await shop.expectAccessible()

  // English: plural forms, and the per-weight price in kg.
  await page.context().addCookies([{ name: "lang", value: "en", url: storefrontUrl() }])
  await page.reload()
  await expect(quantity).toHaveCount(0)
  await page.getByRole("button", { name: `One fewer ${line}` }).click()
  const lineQuantity = page.getByRole("spinbutton", { name: `Quantity of ${line}` })
  await expect(lineQuantity).toHaveValue("2")
  await page.getByRole("button", { name: `One fewer ${line}` }).click()
  await expect(lineQuantity).toHaveValue("1")
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cart (1 item)" })
  ).toBeVisible()
  await shop.open(`/products/${pear.handle}`)
  await expect(
    page.getByText(`${formatFen(Math.round((pear.priceFen * 1000) / pear.netWeightG))} per kg`).first()
  ).toBeVisible()
})
