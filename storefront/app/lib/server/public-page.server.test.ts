import { afterEach, describe, expect, it } from "vitest"
import { createPageCache } from "./page-cache.server"
import { createFrontDoor, PAGE_VERSION_HEADER } from "./public-page.server"

const NONCE_A = "AAAAAAAAAAAAAAAAAAAAAA=="
const NONCE_B = "BBBBBBBBBBBBBBBBBBBBBB=="
const page = (nonce: string, text = "锦绣天地") =>
  `<html><script nonce="${nonce}">x</script><p>${text}</p><script nonce="${nonce}">y</script></html>`

const ETAG = 'W/"home-v1"'
function rendered(
  url = "http://shop.test/?notice=x",
  { version = "v1", cookie }: { version?: string; cookie?: string } = {}
) {
  const headers: Record<string, string> = {}
  if (version) headers[PAGE_VERSION_HEADER] = version
  if (cookie) headers.Cookie = cookie
  return new Request(url, { headers })
}
const pageHeaders = () =>
  new Headers({
    "Cache-Control": "public, max-age=0, s-maxage=30, stale-while-revalidate=60",
    ETag: ETAG,
    Vary: "Cookie",
    "Content-Type": "text/html; charset=utf-8",
  })

function door(versions: Array<string | null | Error> = ["v1"], now = () => 0) {
  let asked = 0
  const version = async () => {
    const v = versions[Math.min(asked++, versions.length - 1)]
    if (v instanceof Error) throw v
    return v ?? null
  }
  return createFrontDoor(version, createPageCache({ now }))
}

afterEach(() => {
  delete process.env.LIANXIN_PAGE_CACHE
})

describe("createFrontDoor", () => {
  it("serves a page kept under the current version with this response's nonce and the kept headers", async () => {
    const front = door()
    expect(await front.serve({ method: "GET", url: "/?notice=x", nonce: NONCE_B })).toEqual({
      answer: null,
      version: "v1",
    })
    front.keep(rendered(), page(NONCE_A), NONCE_A, pageHeaders())
    const { answer } = await front.serve({ method: "GET", url: "/?notice=x", nonce: NONCE_B })
    expect(answer?.status).toBe(200)
    expect(answer?.body).toBe(page(NONCE_B))
    expect(answer?.body).not.toContain(NONCE_A)
    expect(Object.fromEntries(answer?.headers ?? [])).toMatchObject({ etag: ETAG, vary: "Cookie" })
    expect(Object.fromEntries(answer?.headers ?? [])["cache-control"]).toMatch(/^public/)
    // Another query is another page.
    expect((await front.serve({ method: "GET", url: "/", nonce: NONCE_B })).answer).toBeNull()
  })

  it("renders again once the catalogue version moves: a page is only served under the version it was kept under", async () => {
    const front = door(["v1", "v2"])
    front.keep(rendered(), page(NONCE_A), NONCE_A, pageHeaders())
    expect((await front.serve({ method: "GET", url: "/?notice=x", nonce: NONCE_B })).answer).not.toBeNull()
    expect(await front.serve({ method: "GET", url: "/?notice=x", nonce: NONCE_B })).toEqual({
      answer: null,
      version: "v2",
    })
  })

  it("never answers a visitor with a session or a chosen compound, and keeps languages apart", async () => {
    const front = door()
    front.keep(rendered(), page(NONCE_A), NONCE_A, pageHeaders())
    for (const cookie of ["lx_session=abc", "lang=zh-CN; lx_compound=ppt_01ABC"]) {
      expect(await front.serve({ method: "GET", url: "/?notice=x", cookie, nonce: NONCE_B })).toEqual({
        answer: null,
        version: null,
      })
    }
    expect(
      (await front.serve({ method: "GET", url: "/?notice=x", cookie: "lang=en", nonce: NONCE_B })).answer
    ).toBeNull()
    front.keep(rendered(undefined, { cookie: "lang=en" }), page(NONCE_A, "Jinxiu"), NONCE_A, pageHeaders())
    const en = await front.serve({ method: "GET", url: "/?notice=x", cookie: "lang=en", nonce: NONCE_B })
    expect(en.answer?.body).toBe(page(NONCE_B, "Jinxiu"))
    const zh = await front.serve({ method: "GET", url: "/?notice=x", cookie: "other=1", nonce: NONCE_B })
    expect(zh.answer?.body).toBe(page(NONCE_B))
  })

  it("answers a revalidation naming the kept ETag with a 304 and a HEAD without a body", async () => {
    const front = door()
    front.keep(rendered(), page(NONCE_A), NONCE_A, pageHeaders())
    const revalidated = await front.serve({ method: "GET", url: "/?notice=x", ifNoneMatch: ETAG, nonce: NONCE_B })
    expect(revalidated.answer).toMatchObject({ status: 304, body: null })
    const other = await front.serve({ method: "GET", url: "/?notice=x", ifNoneMatch: 'W/"old"', nonce: NONCE_B })
    expect(other.answer?.status).toBe(200)
    const head = await front.serve({ method: "HEAD", url: "/?notice=x", nonce: NONCE_B })
    expect(head.answer).toMatchObject({ status: 200, body: null })
  })

  it("keeps nothing the server did not tag with a version, nor a POST, nor a set cookie's header", async () => {
    const front = door()
    front.keep(rendered(undefined, { version: "" }), page(NONCE_A), NONCE_A, pageHeaders())
    front.keep(
      new Request("http://shop.test/?notice=x", { method: "POST", headers: { [PAGE_VERSION_HEADER]: "v1" } }),
      page(NONCE_A),
      NONCE_A,
      pageHeaders()
    )
    expect((await front.serve({ method: "GET", url: "/?notice=x", nonce: NONCE_B })).answer).toBeNull()
    const withCookie = pageHeaders()
    withCookie.append("Set-Cookie", "lang=en")
    front.keep(rendered(), page(NONCE_A), NONCE_A, withCookie)
    const { answer } = await front.serve({ method: "GET", url: "/?notice=x", nonce: NONCE_B })
    expect(answer?.headers.map(([name]) => name)).not.toContain("set-cookie")
    expect((await front.serve({ method: "POST", url: "/?notice=x", nonce: NONCE_B })).answer).toBeNull()
  })

  it("keeps a page served again from its ETag copy only until 10 s after its first render", async () => {
    let t = 0
    const front = door(["v2"], () => t)
    // Rendered at -6 s under v1; the version moved to v2 and the ETag copy answered: kept under v2 with its render time.
    front.keep(rendered(undefined, { version: "v2" }), page(NONCE_A), NONCE_A, pageHeaders(), -6_000)
    t = 3_999
    expect((await front.serve({ method: "GET", url: "/?notice=x", nonce: NONCE_B })).answer?.body).toBe(page(NONCE_B))
    t = 4_000
    expect((await front.serve({ method: "GET", url: "/?notice=x", nonce: NONCE_B })).answer).toBeNull()
  })

  it("serves nothing without a nonce, without a version, when the version cannot be read, after 10 s, or when switched off", async () => {
    let t = 0
    const front = door(["v1", "v1", "v1", null, new Error("backend away"), "v1", "v1"], () => t)
    front.keep(rendered(), page(NONCE_A), NONCE_A, pageHeaders())
    expect((await front.serve({ method: "GET", url: "/?notice=x", nonce: null })).answer).toBeNull()
    expect((await front.serve({ method: "GET", url: "/?notice=x", nonce: "short" })).answer).toBeNull()
    expect((await front.serve({ method: "GET", url: "/?notice=x", nonce: NONCE_B })).answer).not.toBeNull()
    expect(await front.serve({ method: "GET", url: "/?notice=x", nonce: NONCE_B })).toEqual({
      answer: null,
      version: null,
    })
    expect(await front.serve({ method: "GET", url: "/?notice=x", nonce: NONCE_B })).toEqual({
      answer: null,
      version: null,
    })
    t = 10_000
    expect((await front.serve({ method: "GET", url: "/?notice=x", nonce: NONCE_B })).answer).toBeNull()
    front.keep(rendered(), page(NONCE_A), NONCE_A, pageHeaders())
    process.env.LIANXIN_PAGE_CACHE = "off"
    expect(await front.serve({ method: "GET", url: "/?notice=x", nonce: NONCE_B })).toEqual({
      answer: null,
      version: null,
    })
  })
})
