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
    "GET /store/customers/me": (_p, init) => ({
      customer: { email: String(init.headers?.authorization).replace("Bearer token-for-", ""), first_name: "王小明" },
    }),
    ...(options.claim
      ? {
          "POST /store/lianxin/orders/claim": (_p: unknown, init: { body?: unknown }) => ({
            claimed: (init.body as { orders: Array<{ id: string }> }).orders.map((o) => o.id),
          }),
        }
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
      registerAction(
        store,
        browser.sessions,
        browser.request("/account/register", {
          name: "王小明",
          email: "wang@example.com",
          password: "lianxin-2026",
          redirectTo: "/account",
        })
      )
    )
    expect(response.headers.get("Location")).toBe("/account")
    expect(calls.find((c) => c.path === "/store/customers")!.init).toMatchObject({
      body: { email: "wang@example.com", first_name: "王小明" },
      headers: { authorization: "Bearer registration-token" },
    })
    const after = await browser.session()
    expect(after.get("token")).toBe("token-for-wang@example.com")
    expect(after.get("customer")).toEqual({ email: "wang@example.com", name: "王小明", phone: null })
    // No claim route yet: the guest order stays listed as placed on this device.
    expect(after.get("orders")).toEqual(["order_1"])
  })

  it("hands over the guest orders it holds the cart of; an order without that proof stays on this device", async () => {
    const { store, calls, browser } = authShop({ claim: true })
    const session = await browser.session()
    session.set("orders", ["order_1", "order_2"])
    session.set("orderCarts", { order_1: "cart_1" })
    await browser.sessions.commit(browser.request("/"), session)
    await thrown(
      registerAction(
        store,
        browser.sessions,
        browser.request("/account/register", { name: "王", email: "w@example.com", password: "lianxin-2026" })
      )
    )
    expect(calls.find((c) => c.path === "/store/lianxin/orders/claim")!.init.body).toEqual({
      orders: [{ id: "order_1", cart_id: "cart_1" }],
    })
    expect((await browser.session()).get("orders")).toEqual(["order_2"])
  })

  it("says at the email field that the address is taken", async () => {
    const { store, browser } = authShop()
    await thrown(
      registerAction(
        store,
        browser.sessions,
        browser.request("/account/register", { name: "王", email: "w@example.com", password: "lianxin-2026" })
      )
    )
    const result = await registerAction(
      store,
      browser.sessions,
      browser.request("/account/register", { name: "王", email: "w@example.com", password: "lianxin-2026" })
    )
    expect(payload(result)).toMatchObject({ ok: false, errors: { email: "register.exists" } })
  })

  it("checks the form before asking the backend", async () => {
    const { store, calls, browser } = authShop()
    const result = await registerAction(
      store,
      browser.sessions,
      browser.request("/account/register", { name: "", email: "nope", password: "short" })
    )
    expect(payload(result)).toMatchObject({
      errors: { name: "form.required", email: "form.email.invalid", password: "form.password.tooShort" },
    })
    expect(calls).toEqual([])
  })
})

describe("login and logout", () => {
  it("puts a wrong password at the password field, then signs in", async () => {
    const { store, browser } = authShop()
    await thrown(
      registerAction(
        store,
        browser.sessions,
        browser.request("/account/register", { name: "王", email: "w@example.com", password: "lianxin-2026" })
      )
    )
    await thrown(logoutAction(browser.sessions, browser.request("/account/logout", {})))
    expect((await browser.session()).get("token")).toBeUndefined()

    const wrong = await loginAction(
      store,
      browser.sessions,
      browser.request("/account/login", { email: "w@example.com", password: "wrong-one" })
    )
    expect(payload(wrong)).toEqual({
      ok: false,
      errors: { password: "login.failed" },
      values: { email: "w@example.com" },
    })

    const ok = await thrown(
      loginAction(
        store,
        browser.sessions,
        browser.request("/account/login", { email: "w@example.com", password: "lianxin-2026", redirectTo: "/checkout" })
      )
    )
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
    expect(payload(result)).toEqual({
      ok: false,
      errors: { password: "login.tooMany" },
      values: { email: "w@example.com" },
    })
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

describe("手机验证码登录 (sign-in with mobile and SMS code)", () => {
  function phoneShop(
    verify: () => unknown = () => ({ token: "token-for-phone", customer_id: "cus_p", created: true, claimed: [] })
  ) {
    const { store, calls } = fakeStore({
      "POST /store/lianxin/sign-in/phone/code": () => ({
        sent: true,
        expires_at: "2026-12-05T10:10:00Z",
        resend_after: 60,
      }),
      "POST /store/lianxin/sign-in/phone": verify,
      "GET /store/customers/me": () => ({ customer: { email: null, phone: "13912345678", first_name: null } }),
      "POST /store/lianxin/orders/claim": (_p, init) => ({
        claimed: (init.body as { orders: Array<{ id: string }> }).orders.map((o) => o.id),
      }),
    })
    return { store, calls, browser: testSessions() }
  }
  const post = (browser: ReturnType<typeof testSessions>, form: Record<string, string>) =>
    new Request("http://shop.test/account/login", {
      method: "POST",
      headers: { Cookie: browser.request("/").headers.get("Cookie") ?? "", "x-lianxin-client-address": "203.0.113.7" },
      body: new URLSearchParams(form),
    })

  it("step 1 sends the code for the normalised number, from the resident's address, in their language; the page asks for it", async () => {
    const { store, calls, browser } = phoneShop()
    const result = await loginAction(
      store,
      browser.sessions,
      post(browser, { intent: "phone-code", mobile: "+86 139-1234-5678" }),
      undefined,
      "en"
    )
    expect(payload(result)).toEqual({ ok: false, errors: {}, codeSent: true, values: { mobile: "13912345678" } })
    expect(calls[0]!.init).toMatchObject({
      body: { phone: "13912345678", locale: "en" },
      headers: { "x-forwarded-for": "203.0.113.7" },
    })
  })

  it("a wrong number is refused at the field before the backend is asked", async () => {
    const { store, calls, browser } = phoneShop()
    const result = await loginAction(store, browser.sessions, post(browser, { intent: "phone-code", mobile: "12345" }))
    expect(payload(result)).toMatchObject({ ok: false, errors: { mobile: "form.mobile.invalid" } })
    expect(initOf(result).status).toBe(400)
    expect(calls).toEqual([])
  })

  it("too soon: the wait comes back to the field with Retry-After", async () => {
    const { browser } = phoneShop()
    const limited = fakeStore({
      "POST /store/lianxin/sign-in/phone/code": () => {
        throw new FakeHttpError(429, "尝试次数过多", { code: "rate_limited", retry_after: 42 })
      },
    })
    const result = await loginAction(
      limited.store,
      browser.sessions,
      post(browser, { intent: "phone-code", mobile: "13912345678" })
    )
    expect(payload(result)).toMatchObject({
      errors: { mobile: "login.codeTooSoon" },
      params: { seconds: 42 },
      values: { mobile: "13912345678" },
    })
    expect(initOf(result).status).toBe(429)
    expect(new Headers(initOf(result).headers).get("Retry-After")).toBe("42")
  })

  it("a wrong code may be typed again (tries left shown); an expired one sends the resident back for a new code", async () => {
    const wrong = phoneShop(() => {
      throw new FakeHttpError(401, "验证码不对", { code: "code_wrong", attempts_left: 4 })
    })
    const result = await loginAction(
      wrong.store,
      wrong.browser.sessions,
      post(wrong.browser, { intent: "phone-sign-in", mobile: "13912345678", code: "000000" })
    )
    expect(payload(result)).toEqual({
      ok: false,
      errors: { code: "login.codeWrong" },
      params: { left: 4 },
      values: { mobile: "13912345678" },
      codeSent: true,
    })
    expect(initOf(result).status).toBe(401)
    const expired = phoneShop(() => {
      throw new FakeHttpError(401, "验证码已过期", { code: "code_expired" })
    })
    const again = await loginAction(
      expired.store,
      expired.browser.sessions,
      post(expired.browser, { intent: "phone-sign-in", mobile: "13912345678", code: "123456" })
    )
    expect(payload(again)).toMatchObject({ errors: { code: "login.codeExpired" }, codeSent: false })
  })

  it("a right code signs in (no email on a mobile account) and hands over this device's guest orders with their carts", async () => {
    const { store, calls, browser } = phoneShop()
    const session = await browser.session()
    session.set("orders", ["order_7"])
    session.set("orderCarts", { order_7: "cart_7" })
    await browser.sessions.commit(browser.request("/"), session)
    const response = await thrown(
      loginAction(
        store,
        browser.sessions,
        post(browser, { intent: "phone-sign-in", mobile: "13912345678", code: " 123 456 ", redirectTo: "/checkout" })
      )
    )
    expect(response.headers.get("Location")).toBe("/checkout")
    expect(calls.find((c) => c.path === "/store/lianxin/sign-in/phone")!.init.body).toEqual({
      phone: "13912345678",
      code: "123456",
    })
    expect(calls.find((c) => c.path === "/store/lianxin/orders/claim")!.init.body).toEqual({
      orders: [{ id: "order_7", cart_id: "cart_7" }],
    })
    const after = await browser.session()
    expect(after.get("token")).toBe("token-for-phone")
    expect(after.get("customer")).toEqual({ email: null, name: null, phone: "13912345678" })
    expect(after.get("orders")).toEqual([])
  })
})
