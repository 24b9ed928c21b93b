import { describe, expect, it } from "vitest"
import { createNotifyApi, loadMessagesPage, messagesAction, rememberLanguage } from "./notify.server"
import { signIn } from "./session.server"
import { FakeHttpError, fakeStore, payload, testSessions, testToken, thrown } from "./testing/fake-store"

const message = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  event: "pickup.batch_ready",
  title: "可取货：订单 #1042",
  body: "订单 #1042 已到 滨江花园 HZ-BJ-1 前台，可取货。",
  link: "/orders/order_1",
  urgent: false,
  read_at: null,
  created_at: "2026-12-05T01:00:00.000Z",
  ...over,
})

async function signedIn() {
  const browser = testSessions()
  const token = testToken()
  const session = await browser.session()
  signIn(session, token, { email: "r@x.cn", name: "王" })
  await browser.sessions.commit(browser.request("/"), session)
  return { browser, token }
}

describe("消息 (notify api)", () => {
  it("reads the inbox with the resident's token and keeps only our own paths as links", async () => {
    const { store, calls } = fakeStore({
      "GET /store/notify/messages": () => ({
        messages: [
          message("nmsg_1"),
          message("nmsg_2", { link: "https://evil.example/x", read_at: "2026-12-05T02:00:00Z" }),
          message("nmsg_3", { link: "//evil" }),
        ],
        count: 3,
        unread: 2,
      }),
    })
    const inbox = await createNotifyApi(store).inbox("jwt", { limit: 20, offset: 40 })
    expect(inbox.unread).toBe(2)
    expect(inbox.messages.map((m) => [m.id, m.link, m.read])).toEqual([
      ["nmsg_1", "/orders/order_1", false],
      ["nmsg_2", null, true],
      ["nmsg_3", null, false],
    ])
    expect(calls[0]?.init).toMatchObject({ query: { limit: 20, offset: 40 }, headers: { authorization: "Bearer jwt" } })
  })

  it("never fails a page for the header count: a backend error is no count", async () => {
    const logged: string[] = []
    const { store } = fakeStore({
      "GET /store/notify/messages": () => {
        throw new FakeHttpError(500, "boom")
      },
    })
    expect(await createNotifyApi(store, (m) => logged.push(m)).unread("jwt")).toBe(0)
    expect(logged).toHaveLength(1)
    const { store: ok } = fakeStore({ "GET /store/notify/messages": () => ({ messages: [], count: 9, unread: 4 }) })
    expect(await createNotifyApi(ok).unread("jwt")).toBe(4)
  })
})

describe("/account/messages", () => {
  it("sends a visitor who is not signed in to the login page", async () => {
    const { store } = fakeStore({})
    const browser = testSessions()
    const res = await thrown(
      loadMessagesPage(createNotifyApi(store), browser.sessions, browser.request("/account/messages"))
    )
    expect(res.headers.get("Location")).toBe("/account/login?redirectTo=%2Faccount%2Fmessages")
  })

  it("shows messages and settings, marks read and saves channels through the backend", async () => {
    const posted: Array<{ path: string; body: unknown }> = []
    const { store } = fakeStore({
      "GET /store/notify/messages": () => ({ messages: [message("nmsg_01ABCDEFGHJK")], count: 1, unread: 1 }),
      "GET /store/notify/preferences": () => ({
        preference: { in_app: true, email: true, sms: true, locale: "zh-CN" },
      }),
      "POST /store/notify/messages/read": (_p, init) => {
        posted.push({ path: "read", body: init.body })
        return { read_ids: [], unread: 0 }
      },
      "POST /store/notify/preferences": (_p, init) => {
        posted.push({ path: "preferences", body: init.body })
        return { preference: { in_app: true, email: true, sms: false, locale: "zh-CN" } }
      },
    })
    const api = createNotifyApi(store)
    const { browser } = await signedIn()
    const page = payload<{ inbox: { unread: number }; preference: { sms: boolean } }>(
      await loadMessagesPage(api, browser.sessions, browser.request("/account/messages"))
    )
    expect(page.inbox.unread).toBe(1)
    expect(page.preference.sms).toBe(true)

    const one = await messagesAction(
      api,
      browser.sessions,
      browser.request("/account/messages", { intent: "read", id: "nmsg_01ABCDEFGHJK" })
    )
    expect(one.headers.get("Location")).toBe("/account/messages")
    await messagesAction(api, browser.sessions, browser.request("/account/messages", { intent: "read-all" }))
    const saved = await messagesAction(
      api,
      browser.sessions,
      browser.request("/account/messages", { intent: "preferences", email: "on" })
    )
    expect(saved.headers.get("Location")).toBe("/account/messages?saved=1")
    expect(posted).toEqual([
      { path: "read", body: { ids: ["nmsg_01ABCDEFGHJK"] } },
      { path: "read", body: { all: true } },
      { path: "preferences", body: { email: true, sms: false } },
    ])
    const bad = await thrown(
      messagesAction(api, browser.sessions, browser.request("/account/messages", { intent: "read", id: "../x" }))
    )
    expect(bad.status).toBe(400)
  })

  it("the language switch of a signed-in resident sets the language of their messages; failures do not matter", async () => {
    const bodies: unknown[] = []
    const { store } = fakeStore({
      "POST /store/notify/preferences": (_p, init) => {
        bodies.push(init.body)
        throw new FakeHttpError(503, "down")
      },
    })
    const { browser } = await signedIn()
    await expect(rememberLanguage(createNotifyApi(store), await browser.session(), "en")).resolves.toBeUndefined()
    expect(bodies).toEqual([{ locale: "en" }])
    const anonymous = testSessions()
    await rememberLanguage(createNotifyApi(store), await anonymous.session(), "en")
    expect(bodies).toHaveLength(1)
  })
})
