import { E2E } from "@lianxin/seed/e2e-fixtures"
import { expect, formatFen, storefrontUrl, test } from "../fixtures/shop"

/**
 * A resident searches: the header's box on every page, suggestions as they
 * type (pinyin), the /search page with facets, sort and highlighted titles,
 * the empty state, and the same page without JavaScript. The stack runs the
 * packaged Meilisearch (tests/support/stack.ts waits until it holds the
 * products), so pinyin and partial words are the real engine's answers.
 */
const { apple, orange, rice, millet } = E2E.products
const grains = E2E.categories.grains

test("a resident finds apples by pinyin, narrows by category, sorts by price and sees what matched", async ({
  page,
  shop,
}, testInfo) => {
  await shop.open(`/products/${orange.handle}`)
  // The box is in the header of every shop page, not only the home page.
  const box = shop.searchBox()
  await expect(box).toBeVisible()

  // Suggestions as they type: pinyin finds the Chinese title; arrows and Enter open the product.
  await box.click()
  await box.pressSequentially("pingguo", { delay: 40 })
  const suggestions = page.getByRole("listbox", { name: "搜索建议" })
  await expect(suggestions.getByRole("option", { name: new RegExp(apple.title) })).toBeVisible()
  await expect(box).toHaveAttribute("aria-expanded", "true")
  await shop.screenshot(testInfo, "suggestions")
  await shop.expectAccessible()
  await box.press("ArrowDown")
  await expect(box).toHaveAttribute("aria-activedescendant", /.+/)
  await box.press("Enter")
  await expect(page).toHaveURL(new RegExp(`/products/${apple.handle}$`))
  await expect(page.getByRole("heading", { level: 1, name: apple.title })).toBeVisible()

  // Enter without choosing a suggestion searches: the results page for the pinyin query.
  await box.fill("pingguo")
  await box.press("Enter")
  await expect(page).toHaveURL(/\/search\?q=pingguo$/)
  await expect(page.getByRole("heading", { level: 1, name: "“pingguo”的搜索结果" })).toBeVisible()
  await expect(shop.productLink(apple.title)).toBeVisible()
  await expect(shop.productLink(rice.title)).toHaveCount(0)
  await expect(box).toHaveValue("pingguo")

  // A word every product shares, then the grains facet: its count, the filter as a removable chip.
  await box.fill("测试")
  await box.press("Enter")
  await expect(page.getByRole("heading", { level: 1, name: "“测试”的搜索结果" })).toBeVisible()
  for (const product of [apple, orange, rice, millet]) await expect(shop.productLink(product.title)).toBeVisible()
  await page.getByText(/^筛选/).click()
  const grainsFacet = page.getByRole("link", { name: new RegExp(`^${grains.name}\\s*，\\d+ 件商品$`) })
  await expect(grainsFacet).toHaveAccessibleName(/，2 件商品$/)
  await grainsFacet.click()
  await expect(page).toHaveURL(new RegExp(`category=${grains.handle}`))
  await expect(shop.productLink(apple.title)).toHaveCount(0)
  await expect(shop.productLink(rice.title)).toBeVisible()
  await expect(shop.productLink(millet.title)).toBeVisible()
  await expect(page.getByText("找到 2 件商品")).toBeVisible()
  await expect(page.getByRole("link", { name: `去掉条件：${grains.name}` })).toBeVisible()

  // Sort by price: millet (¥9.90) before rice (¥58.00).
  await page.getByRole("combobox", { name: "排序" }).selectOption({ label: "价格从低到高" })
  await expect(page).toHaveURL(/sort=price_asc/)
  const titles = page.getByRole("main").getByRole("listitem").getByRole("heading")
  await expect(titles).toHaveText([millet.title, rice.title])
  await expect(page.getByText(formatFen(millet.priceFen))).toBeVisible()
  await shop.screenshot(testInfo, "grains-by-price")
  await shop.expectAccessible()

  // Removing the filter brings the fruit back, the sort stays.
  await page.getByRole("link", { name: `去掉条件：${grains.name}` }).click()
  await expect(shop.productLink(apple.title)).toBeVisible()
  await expect(page).toHaveURL(/sort=price_asc/)
  await expect(page).not.toHaveURL(/category=/)

  // Chinese words are marked in the title.
  await box.fill("苹果")
  await box.press("Enter")
  await expect(shop.productLink(apple.title).locator("mark")).toHaveText("苹果")
})

test("a search with no results says so and offers the categories", async ({ page, shop }) => {
  await shop.open("/search?q=榴莲")
  await expect(page.getByRole("heading", { name: "没有找到“榴莲”相关的商品" })).toBeVisible()
  await expect(page.getByText("找到 0 件商品")).toBeVisible()
  await page
    .getByRole("navigation", { name: "按分类逛逛" })
    .getByRole("link", { name: E2E.categories.fruit.name })
    .click()
  await expect(page).toHaveURL(new RegExp(`/categories/${E2E.categories.fruit.handle}$`))
  await shop.expectAccessible()
})

test("search works without JavaScript: the header form, facet links and the sort button", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN", timezoneId: "Asia/Shanghai" })
  const page = await context.newPage()
  await page.goto(`${storefrontUrl()}/`)
  const box = page.getByRole("combobox", { name: "搜索商品" })
  await box.fill("大米")
  await page.getByRole("button", { name: "搜索商品" }).click()
  await expect(page).toHaveURL(/\/search\?q=/)
  await expect(page.getByRole("link", { name: rice.title, exact: true })).toBeVisible()
  await page.goto(`${storefrontUrl()}/search?q=测试`)
  await page.getByRole("combobox", { name: "排序" }).selectOption({ label: "价格从高到低" })
  await page.getByRole("button", { name: "确定" }).click()
  await expect(page).toHaveURL(/sort=price_desc/)
  await expect(page.getByRole("main").getByRole("listitem").getByRole("heading").first()).toHaveText(rice.title)
  await context.close()
})

test("search speaks English when the resident chose it", async ({ page, shop }) => {
  await shop.open("/search?q=测试&category=e2e-fruit")
  await page.getByRole("button", { name: "English" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "Results for “测试”" })).toBeVisible()
  await expect(page.getByRole("link", { name: /^Remove filter: / })).toBeVisible()
  await expect(page.getByRole("combobox", { name: "Search products" })).toHaveValue("测试")
})
