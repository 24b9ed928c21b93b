import { describe, expect, it } from "vitest"
import { claimAction } from "./claim.server"
import { fakeStore, FakeHttpError, initOf, payload, testSessions, testToken, thrown } from "./testing/fake-store"

/** 找回订单 on the account page: a code to the contact the guest orders were placed with, for this account. */
describe("claiming guest orders with a code to their contact", () => {
  async function signedIn(routes: Parameters<typeof fakeStore>[0]) {
    const { store, calls } = fakeStore(routes)
    const browser = testSessions()
    const session = await browser.session()
    session.set("token", testToken())
    await browser.sessions.commit(browser.request("/"), session)
    return { store, calls, browser }
  }

  it("sends the code to the normalised mobile (or email) as the signed-in resident; the page asks for it", async () => {
    const { store, calls, browser } = await signedIn({
      "POST /store/lianxin/orders/claim/code": () => ({ sent: true }),
    })
    const result = await claimAction(
      store,
      browser.sessions,
      browser.request("/account", { intent: "claim-code", contact: "+86 139-1234-5678" })
    )
    expect(payload(result)).toEqual({
      ok: false,
      errors: {},
      codeSent: true,
      values: { contact: "13912345678", masked: "139****5678" },
    })
    expect(calls[0]!.init.body).toEqual({ channel: "sms", to: "13912345678", locale: "zh-CN" })
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toMatch(/^Bearer /)
    const email = await claimAction(
      store,
      browser.sessions,
      browser.request("/account", { intent: "claim-code", contact: " Wang@Example.cn " }),
      "en"
    )
    expect(payload(email)).toMatchObject({
      codeSent: true,
      values: { contact: "Wang@Example.cn", masked: "W***@Example.cn" },
    })
    expect(calls[1]!.init.body).toEqual({ channel: "email", to: "Wang@Example.cn", locale: "en" })
  })

  it("neither a mobile nor an email: refused at the field, nothing sent", async () => {
    const { store, calls, browser } = await signedIn({})
    const result = await claimAction(
      store,
      browser.sessions,
      browser.request("/account", { intent: "claim-code", contact: "12345" })
    )
    expect(payload(result)).toMatchObject({ errors: { contact: "form.contact.invalid" } })
    expect(initOf(result).status).toBe(400)
    expect(calls).toEqual([])
  })

  it("a wrong code shows the tries left; a right one goes to the account with what was found", async () => {
    let right = false
    const { store, browser } = await signedIn({
      "POST /store/lianxin/orders/claim/contact": () => {
        if (!right) throw new FakeHttpError(401, "wrong", { code: "code_wrong", attempts_left: 3 })
        return { claimed: ["order_1"] }
      },
    })
    const wrong = await claimAction(
      store,
      browser.sessions,
      browser.request("/account", { intent: "claim-contact", contact: "13912345678", code: "000000" })
    )
    expect(payload(wrong)).toMatchObject({ errors: { code: "login.codeWrong" }, params: { left: 3 }, codeSent: true })
    right = true
    const done = await thrown(
      claimAction(
        store,
        browser.sessions,
        browser.request("/account", { intent: "claim-contact", contact: "13912345678", code: "123456" })
      )
    )
    expect(done.headers.get("Location")).toBe("/account?notice=orders.claimed")
  })

  it("is for signed-in residents only", async () => {
    const { store } = fakeStore({})
    const browser = testSessions()
    const response = await thrown(
      claimAction(
        store,
        browser.sessions,
        browser.request("/account", { intent: "claim-code", contact: "13912345678" })
      )
    )
    expect(response.headers.get("Location")).toMatch(/^\/account\/login/)
  })
})
