import { E2E } from "@lianxin/seed/e2e-fixtures"
import { expect, test } from "../fixtures/shop"

test("village, household and impact pages are reachable from a product and accessible", async ({ page, shop }) => {
  await shop.open(`/products/${E2E.products.apple.handle}`)
  await page.getByRole("link", { name: E2E.village.name }).click()
  await expect(page.getByRole("heading", { level: 1, name: E2E.village.name })).toBeVisible()
  await expect(page.getByRole("link", { name: E2E.households.orchard.code })).toBeVisible()
  await expect(page.getByRole("link", { name: E2E.products.rice.title, exact: true })).toBeVisible()
  await shop.expectAccessible()

  await page.getByRole("link", { name: E2E.households.orchard.code }).click()
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible()
  await expect(page.getByRole("heading", { name: "他们的故事" })).toBeVisible()
  await expect(page.getByRole("link", { name: E2E.products.apple.title })).toBeVisible()
  await shop.expectAccessible()

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "帮扶成效" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "帮扶成效" })).toBeVisible()
  // The e2e scenario has two households: below the five-household minimum, nothing is published.
  // (Not the "cannot be shown" text of a failed backend call: that would be a bug.)
  await expect(page.getByText(/为保护隐私，暂不公布数字/)).toBeVisible()
  await expect(page.getByText("成效数据暂时无法显示", { exact: false })).toHaveCount(0)
  await shop.expectAccessible()
})

test("choose my compound says plainly what is available", async ({ page, shop }) => {
  await shop.open("/")
  await page.getByRole("link", { name: "选择我的小区" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "选择我的小区" })).toBeVisible()
  const search = page.getByRole("searchbox", { name: "搜索城市或小区名" })
  await search.fill(E2E.pickup.office.compoundName)
  await page.getByRole("button", { name: "搜索", exact: true }).click()
  await expect(page.getByRole("button", { name: `选这个小区：${E2E.pickup.office.compoundName}` })).toBeVisible()
  await search.fill("小".repeat(31))
  await page.getByRole("button", { name: "搜索", exact: true }).click()
  await expect(search).toHaveAccessibleDescription("搜索词最多 30 个字")
  await shop.expectAccessible()
})

test("the keyboard reaches the skip link, the navigation and the add-to-cart form", async ({ page, shop }) => {
  await shop.open(`/products/${E2E.products.orange.handle}`)
  await page.keyboard.press("Tab")
  await expect(page.getByRole("link", { name: "跳到主要内容" })).toBeFocused()
  await page.keyboard.press("Enter")
  const quantity = page.getByRole("spinbutton", { name: "数量" })
  for (let i = 0; i < 15 && !(await quantity.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab")
  }
  await expect(quantity).toBeFocused()
  await page.keyboard.press("Tab")
  await expect(page.getByRole("button", { name: "加入购物车" })).toBeFocused()
  await page.keyboard.press("Enter")
  await expect(page.getByRole("status")).toContainText("已加入购物车")
})

test("unknown pages, orders and categories get a kind 404 in Chinese", async ({ page, shop }) => {
  for (const path of ["/categories/no-such", "/villages/XX-YY", "/households/XX-YY-001", "/orders/order_NOTMINE"]) {
    const response = await shop.open(path)
    expect(response?.status(), path).toBe(404)
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/没有找到/)
    await expect(page.getByRole("link", { name: "回到首页" })).toBeVisible()
  }
})

test("public pages are cacheable for visitors, private ones are not", async ({ request }) => {
  const base = process.env.STOREFRONT_URL!
  for (const path of [
    "/",
    `/products/${E2E.products.apple.handle}`,
    `/categories/${E2E.categories.fruit.handle}`,
    "/impact",
  ]) {
    const res = await request.get(`${base}${path}`, { headers: { cookie: "" } })
    expect(res.headers()["cache-control"], path).toContain("public")
    expect(res.headers().vary, path).toContain("Cookie")
  }
  const cart = await request.get(`${base}/cart`)
  expect(cart.headers()["cache-control"]).toContain("no-store")
})

test("browsing pages carry an ETag and answer 304 to it; a session or a chosen compound makes them private", async ({
  request,
}) => {
  const base = process.env.STOREFRONT_URL!
  for (const path of ["/", `/products/${E2E.products.apple.handle}`, `/categories/${E2E.categories.fruit.handle}`]) {
    const first = await request.get(`${base}${path}`, { headers: { cookie: "" } })
    const etag = first.headers().etag
    expect(etag, path).toMatch(/^W\/"/)
    expect(first.headers()["cache-control"], path).toContain("s-maxage=")
    const again = await request.get(`${base}${path}`, { headers: { cookie: "", "if-none-match": etag! } })
    expect(again.status(), path).toBe(304)
    expect(again.headers()["content-security-policy"], path).toBeUndefined()
    for (const cookie of ["lx_session=anything", "lx_compound=ppt_NOSUCHPOINT"]) {
      const mine = await request.get(`${base}${path}`, { headers: { cookie } })
      expect(mine.headers()["cache-control"], `${path} with ${cookie}`).toBe("private, no-cache")
      expect(mine.headers().etag, `${path} with ${cookie}`).toBeUndefined()
    }
  }
})

test("a public page kept for the next visitor is the same document with that response's own nonce", async ({
  request,
}) => {
  // The storefront keeps a rendered public page a few seconds (storefront/app/lib/server/page-cache.server.ts);
  // each response must still carry a fresh CSP nonce, on every inline script, matching its own header.
  const base = process.env.STOREFRONT_URL!
  const path = `/products/${E2E.products.apple.handle}`
  const views = []
  for (let i = 0; i < 3; i++) {
    const res = await request.get(`${base}${path}`, { headers: { cookie: "" } })
    expect(res.status()).toBe(200)
    const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1]
    expect(nonce).toBeTruthy()
    const html = await res.text()
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1])
    expect(inline.length).toBeGreaterThan(0)
    for (const attrs of inline) expect(attrs).toContain(`nonce="${nonce}"`)
    views.push({ nonce: nonce!, html, etag: res.headers().etag })
  }
  expect(new Set(views.map((v) => v.nonce)).size).toBe(3)
  // Same data (one worker: nothing changes the apple meanwhile), same document: only the nonces differ.
  expect(new Set(views.map((v) => v.etag)).size).toBe(1)
  const bare = views.map((v) => v.html.split(v.nonce).join("NONCE"))
  expect(bare[1]).toBe(bare[0])
  expect(bare[2]).toBe(bare[0])
  // A visitor with a session never gets the kept document: their page is rendered for them.
  const mine = await request.get(`${base}${path}`, { headers: { cookie: "lx_session=anything" } })
  expect(mine.headers()["cache-control"]).toBe("private, no-cache")
  expect(await mine.text()).not.toContain(views[2]!.nonce)
})
