import { E2E } from "@lianxin/seed/e2e-fixtures"
import { expect, test } from "@playwright/test"

/**
 * The storefront keeps public catalogue answers under the backend's catalogue version and rendered public pages under
 * their ETag (decision 029) and, for the front door before React Router, under that version (decision 031). Its caches must never hide a change (issue 16): an operator changes a price, sells out,
 * withdraws a household's consent and unpublishes; a visitor's next views (no cookie: the kept pages) show each, within
 * the time the search index takes plus the one-second version check. Everything is put back at the end.
 */
const backend = () => process.env.BACKEND_URL!
const storefront = () => process.env.STOREFRONT_URL!
const pear = E2E.products.pear
const orchard = E2E.households.orchard

type Level = { inventory_item_id: string; location_id: string; stocked_quantity: number }

test("a price change, a sell-out, a withdrawn consent and an unpublish show on the visitor's next views", async ({
  request,
}) => {
  test.setTimeout(180_000)
  const login = await request.post(`${backend()}/auth/user/emailpass`, {
    data: { email: E2E.admin.email, password: E2E.admin.password },
  })
  expect(login.status()).toBe(200)
  const admin = { authorization: `Bearer ${(await login.json()).token}` }
  const adminGet = async (path: string) => {
    const res = await request.get(`${backend()}${path}`, { headers: admin })
    expect(res.status(), path).toBe(200)
    return res.json()
  }
  const adminPost = async (path: string, data: unknown) => {
    const res = await request.post(`${backend()}${path}`, { headers: admin, data })
    expect([200, 201], `${path}: ${await res.text()}`).toContain(res.status())
    return res.json()
  }
  /** A visitor without cookies: the storefront's kept pages and copies answer. */
  const view = async (path: string) => {
    const res = await request.get(`${storefront()}${path}`, { headers: { cookie: "" } })
    return { status: res.status(), html: await res.text() }
  }
  const productPage = () => view(`/products/${pear.handle}`)
  const categoryPage = () => view(`/categories/${pear.category}`)
  // Result pages are kept too (decision 031); the card links to the product, the heading repeats the query.
  const searchPage = () => view(`/search?q=${encodeURIComponent(pear.title)}`)
  const productLink = `href="/products/${pear.handle}"`
  const price = (fen: number) => new RegExp(`¥\\s?${(fen / 100).toFixed(2).replace(".", "\\.")}`)
  const within = { timeout: 30_000, intervals: [250, 500, 1000] }

  const { products } = await adminGet(
    `/admin/products?handle=${pear.handle}&fields=id,status,variants.id,variants.title,variants.prices.amount,variants.prices.currency_code,variants.inventory_items.inventory_item_id`
  )
  const product = products[0]
  const small = product.variants.find((v: { title: string }) => v.title === pear.variantTitle)
  expect(small).toBeDefined()
  const levels: Level[] = []
  for (const variant of product.variants) {
    for (const item of variant.inventory_items) {
      const { inventory_levels } = await adminGet(`/admin/inventory-items/${item.inventory_item_id}/location-levels`)
      levels.push(...inventory_levels)
    }
  }
  expect(levels.length).toBeGreaterThanOrEqual(2)
  const { households } = await adminGet(`/admin/households?q=${orchard.code}`)
  const household = households.find((h: { code: string }) => h.code === orchard.code)
  expect(household?.code).toBe(orchard.code)

  // What a visitor sees before: the pack's price, the producer's name, in stock, listed in its category.
  expect((await productPage()).html).toMatch(price(pear.priceFen))
  expect((await productPage()).html).toContain(orchard.displayName)
  expect((await productPage()).html).not.toContain("已售罄")
  expect((await categoryPage()).html).toContain(pear.title)
  expect((await searchPage()).html).toContain(productLink)

  const newFen = pear.priceFen + 200
  try {
    // 1. Price.
    await adminPost(`/admin/products/${product.id}/variants/${small.id}`, {
      prices: [{ currency_code: "cny", amount: newFen / 100 }],
    })
    await expect.poll(async () => (await productPage()).html, within).toMatch(price(newFen))
    await expect.poll(async () => (await categoryPage()).html, within).toMatch(price(newFen))
    await expect.poll(async () => (await searchPage()).html, within).toMatch(price(newFen))

    // 2. Sold out: every pack's stock to 0.
    for (const level of levels) {
      await adminPost(`/admin/inventory-items/${level.inventory_item_id}/location-levels/${level.location_id}`, {
        stocked_quantity: 0,
      })
    }
    await expect.poll(async () => (await productPage()).html, within).toContain("已售罄")

    // 3. The household withdraws its consent to a public profile: its name leaves the page.
    await adminPost(`/admin/households/${household.id}/consents`, {
      kind: "public_profile",
      granted: false,
      method: "电话撤回",
    })
    await expect.poll(async () => (await productPage()).html, within).not.toContain(orchard.displayName)

    // 4. Unpublished: the page is gone and the category no longer lists it.
    await adminPost(`/admin/products/${product.id}`, { status: "draft" })
    await expect.poll(async () => (await productPage()).status, within).toBe(404)
    await expect.poll(async () => (await categoryPage()).html, within).not.toContain(pear.title)
    await expect.poll(async () => (await searchPage()).html, within).not.toContain(productLink)
  } finally {
    // Put everything back for the specs after this one (one worker: they run next).
    await adminPost(`/admin/products/${product.id}`, { status: "published" })
    await adminPost(`/admin/households/${household.id}/consents`, {
      kind: "public_profile",
      granted: true,
      method: "演示数据",
    })
    for (const level of levels) {
      await adminPost(`/admin/inventory-items/${level.inventory_item_id}/location-levels/${level.location_id}`, {
        stocked_quantity: level.stocked_quantity,
      })
    }
    await adminPost(`/admin/products/${product.id}/variants/${small.id}`, {
      prices: [{ currency_code: "cny", amount: pear.priceFen / 100 }],
    })
  }
  // And the visitor sees it all back.
  await expect.poll(async () => (await productPage()).html, within).toMatch(price(pear.priceFen))
  await expect.poll(async () => (await productPage()).html, within).toContain(orchard.displayName)
  await expect.poll(async () => (await productPage()).html, within).not.toContain("已售罄")
  await expect.poll(async () => (await categoryPage()).html, within).toContain(pear.title)
  await expect.poll(async () => (await searchPage()).html, within).toContain(productLink)
})
