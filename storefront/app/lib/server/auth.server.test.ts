import { describe, expect, it } from "vitest"
import { loginAction, logoutAction, registerAction } from "./auth.server"
import { fakeStore, FakeHttpError, initOf, payload, testSessions, thrown } from "./testing/fake-store"

function authShop(options: { claim?: boolean } = {}) {
  const accounts = new Map<string, string>()
  const { store, calls } = fakeStore({
    "POST /auth/customer/emailpass/register": (_p, init) => {
      const { email, password } = init.body as { email: string; password: string }
      if (accounts.has(email)) throw new FakeHttpError(401, "Identity with email already exists")
      accounts.set(email, password)
      return { token: "registration-token" }
    },
    "POST /auth/customer/emailpass": (_p, init) => {
      const { email, password } = init.body as { email: string; password: string }
      if (accounts.get(email) !== password) throw new FakeHttpError(401, "Invalid email or password")
      return { token: `token-for-${email}` }
    },
    "POST /store/customers": () => ({ customer: { id: "cus_1" } }),
    "GET /store/customers/me": (_p, init) => ({ customer: { email: String(init.headers?.authorization).replace("Bearer token-for-", ""), first_name: "王小明" } }),
    ...(options.claim
      ? { "POST /store/lianxin/orders/claim": (_p: unknown, init: { body?: unknown }) => ({ claimed: (init.body as { order_ids: string[] }).order_ids }) }
      : {}),
  })
  return { store, calls, browser: testSessions() }
}

describe("register", () => {
  it("creates the auth identity and the customer, signs in and keeps the guest orders on this device", async () => {
    const { store, calls, browser } = authShop()
    const session = await browser.session()
    session.set("orders", ["order_1"])
    await browser.sessions.commit(browser.request("/"), session)

    const response = await thrown(
      registerAction(store, browser.sessions, browser.request("/account/register", { name: "王小明", email: "wang@example.com", password: "lianxin-2026", redirectTo: "/account" }))
    )
    expect(response.headers.get("Location")).toBe("/account")
    expect(calls.find((c) => c.path === "/store/customers")!.init).toMatchObject({
      body: { email: "wang@example.com", first_name: "王小明" },
      headers: { authorization: "Bearer registration-token" },
    })
    const after = await browser.session()
    expect(after.get("token")).toBe("token-for-wang@example.com")
    expect(after.get("customer")).toEqual({ email: "wang@example.com", name: "王小明" })
    // No claim route yet: the guest order stays listed as placed on this device.
    expect(after.get("orders")).toEqual(["order_1"])
  })

  it("hands guest orders over when the backend's claim route exists", async () => {
    const { store, browser } = authShop({ claim: true })
    const session = await browser.session()
    session.set("orders", ["order_1", "order_2"])
    await browser.sessions.commit(browser.request("/"), session)
    await thrown(registerAction(store, browser.sessions, browser.request("/account/register", { name: "王", email: "w@example.com", password: "lianxin-2026" })))
    expect((await browser.session()).get("orders")).toEqual([])
  })

  it("says at the email field that the address is taken", async () => {
    const { store, browser } = authShop()
    await thrown(registerAction(store, browser.sessions, browser.request("/account/register", { name: "王", email: "w@example.com", password: "lianxin-2026" })))
    const result = await registerAction(store, browser.sessions, browser.request("/account/register", { name: "王", email: "w@example.com", password: "lianxin-2026" }))
    expect(payload(result)).toMatchObject({ ok: false, errors: { email: "register.exists" } })
  })

  it("checks the form before asking the backend", async () => {
    const { store, calls, browser } = authShop()
    const result = await registerAction(store, browser.sessions, browser.request("/account/register", { name: "", email: "nope", password: "short" }))
    expect(payload(result)).toMatchObject({ errors: { name: "form.required", email: "form.email.invalid", password: "form.password.tooShort" } })
    expect(calls).toEqual([])
  })
})

describe("login and logout", () => {
  it("puts a wrong password at the password field, then signs in", async () => {
    const { store, browser } = authShop()
    await thrown(registerAction(store, browser.sessions, browser.request("/account/register", { name: "王", email: "w@example.com", password: "lianxin-2026" })))
    await thrown(logoutAction(browser.sessions, browser.request("/account/logout", {})))
    expect((await browser.session()).get("token")).toBeUndefined()

    const wrong = await loginAction(store, browser.sessions, browser.request("/account/login", { email: "w@example.com", password: "wrong-one" }))
    expect(payload(wrong)).toEqual({ ok: false, errors: { password: "login.failed" }, values: { email: "w@example.com" } })

    const ok = await thrown(loginAction(store, browser.sessions, browser.request("/account/login", { email: "w@example.com", password: "lianxin-2026", redirectTo: "/checkout" })))
    expect(ok.headers.get("Location")).toBe("/checkout")
  })

  it("forwards the resident's address to the backend, and answers its 429 at the password field with Retry-After", async () => {
    const { store, calls } = fakeStore({
      "POST /auth/customer/emailpass": () => {
        throw new FakeHttpError(429, "尝试次数过多", { code: "rate_limited", retry_after: 600 })
      },
    })
    const browser = testSessions()
    const request = new Request("http://shop.test/account/login", {
      method: "POST",
      headers: { "x-lianxin-client-address": "203.0.113.9" },
      body: new URLSearchParams({ email: "w@example.com", password: "lianxin-2026" }),
    })
    const result = await loginAction(store, browser.sessions, request)
    expect(payload(result)).toEqual({ ok: false, errors: { password: "login.tooMany" }, values: { email: "w@example.com" } })
    expect(initOf(result).status).toBe(429)
    expect(new Headers(initOf(result).headers).get("Retry-After")).toBe("600")
    expect(calls[0]!.init.headers).toEqual({ "x-forwarded-for": "203.0.113.9" })
  })

  it("logging out forgets the cart too", async () => {
    const { browser } = authShop()
    const session = await browser.session()
    session.set("token", "t")
    session.set("cartId", "cart_1")
    await browser.sessions.commit(browser.request("/"), session)
    await thrown(logoutAction(browser.sessions, browser.request("/account/logout", {})))
    const after = await browser.session()
    expect(after.get("cartId")).toBeUndefined()
    expect(after.get("token")).toBeUndefined()
  })
})
