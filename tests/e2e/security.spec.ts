import { E2E } from "@lianxin/seed/e2e-fixtures"
import { expect, test } from "../fixtures/shop"

/**
 * The storefront's edges in a real browser (issue 11, finding 6): React
 * Router's inline scripts run under a nonce CSP (no violation, the page
 * hydrates and navigates on the client), nothing may frame us, and the
 * session cookie shows nothing of what it holds.
 */
const backendUrl = () => {
  const url = process.env.BACKEND_URL
  if (!url) throw new Error("BACKEND_URL is set by the global setup")
  return url
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] }
    w.__csp = []
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
})

const violations = (page: import("@playwright/test").Page) =>
  page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)

test("pages run under a nonce CSP without a single violation, and hydrate", async ({ page, shop }) => {
  const refused: string[] = []
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text())
  })
  const response = await shop.open("/")
  const headers = response!.headers()
  const csp = headers["content-security-policy"] ?? ""
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
  expect(nonce, csp).toBeTruthy()
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
  expect(headers["x-frame-options"]).toBe("DENY")
  expect(csp).toContain("frame-ancestors 'none'")
  expect(headers["x-powered-by"]).toBeUndefined()
  // Every inline script of the document carries this response's nonce.
  const html = await response!.text()
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1])
  expect(inline.length).toBeGreaterThan(0)
  for (const attrs of inline) expect(attrs).toContain(`nonce="${nonce}"`)

  // Hydrated: a link click is a client-side navigation (the window survives it).
  await page.evaluate(() => {
    ;(window as unknown as { __sameDocument: boolean }).__sameDocument = true
  })
  const product = Object.values(E2E.products)[0]
  await page
    .getByRole("link", { name: new RegExp(product.title) })
    .first()
    .click()
  await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true)

  await shop.open("/office/login")
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible()
  expect(await violations(page)).toEqual([])
  expect(refused).toEqual([])
})

test("the session cookie is sealed: HttpOnly, and nothing of the cart or token readable in it", async ({
  shop,
  context,
}) => {
  await shop.open(`/products/${E2E.products.apple.handle}`)
  await shop.addedToCart(1)
  const cookie = (await context.cookies()).find((c) => c.name === "lx_session")
  expect(cookie).toBeTruthy()
  expect(cookie!.httpOnly).toBe(true)
  expect(cookie!.sameSite).toBe("Lax")
  expect(cookie!.value.startsWith("v1.")).toBe(true)
  const decoded = Buffer.from(cookie!.value.slice(3), "base64url").toString("latin1")
  expect(decoded).not.toContain("cart_")
  expect(decoded).not.toContain("cartId")
  // A tampered cookie is an empty session, not an error: the cart badge is gone.
  await context.addCookies([{ ...cookie!, value: `${cookie!.value.slice(0, -4)}AAAA` }])
  const after = await shop.open("/")
  expect(after!.status()).toBe(200)
  await expect(shop.cartLink()).toHaveText("购物车")
})

test("Medusa Admin cannot be framed and names no framework", async ({ request }) => {
  const res = await request.get(`${backendUrl()}/app`)
  expect(res.status()).toBe(200)
  expect(res.headers()["x-frame-options"]).toBe("DENY")
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'")
  expect(res.headers()["x-powered-by"]).toBeUndefined()
})
