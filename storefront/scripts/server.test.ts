import type http from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { CSP_NONCE_HEADER as APP_NONCE_HEADER } from "../app/lib/nonce"
import { PAGE_VERSION_HEADER as APP_VERSION_HEADER } from "../app/lib/server/public-page.server"
import {
  CLIENT_ADDRESS_HEADER,
  CSP_NONCE_HEADER,
  compileTrust,
  contentSecurityPolicy,
  createServerApp,
  PAGE_VERSION_HEADER,
} from "./server.mjs"

/**
 * The storefront server's headers, with a stand-in build whose only route
 * echoes what the app receives (the real build is covered by the journeys,
 * tests/e2e/security-headers.spec.ts).
 */
const build = {
  entry: { module: { default: () => new Response("") } },
}

let server: http.Server
let base: string
const seen: Array<{ nonce?: string; client?: string | null; host?: string | null }> = []

beforeAll(async () => {
  const fakeHandler = createServerApp({
    build: build as any,
    clientDir: "/nonexistent",
    trustProxy: "loopback",
    backendUrl: "http://localhost:9000",
    log: false,
  })
  // Replace the React Router handler (last layer) with an echo of what it would get.
  const stack = fakeHandler._router.stack
  stack.pop()
  fakeHandler.all("*", (req: any, res: any) => {
    seen.push({
      nonce: req.headers[CSP_NONCE_HEADER],
      client: req.headers[CLIENT_ADDRESS_HEADER] ?? null,
      host: req.headers["x-forwarded-host"] ?? null,
    })
    // What entry.server.tsx answers when a public page's ETag matches.
    if (req.path === "/not-modified") return res.status(304).set("ETag", 'W/"x"').end()
    res.type("html").send("<p>ok</p>")
  })
  server = fakeHandler.listen(0, "127.0.0.1")
  await new Promise((r) => server.once("listening", r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((r) => server.close(r)))

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, { headers })
  await res.text()
  return res
}

describe("storefront health probe", () => {
  it("answers /healthz with 200 ok, uncached, without reaching the app or the backend", async () => {
    const before = seen.length
    const res = await fetch(`${base}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe("ok")
    expect(res.headers.get("cache-control")).toBe("no-store")
    expect(seen.length).toBe(before)
  })
})

describe("storefront server headers", () => {
  it("sends a nonce CSP, no framing, nosniff and no X-Powered-By; the nonce is fresh and handed to the app", async () => {
    const a = await get("/", { [CSP_NONCE_HEADER]: "forged" })
    const b = await get("/")
    const csp = a.headers.get("content-security-policy") ?? ""
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
    expect(nonce).toBeTruthy()
    expect(seen.at(-2)?.nonce).toBe(nonce)
    expect(b.headers.get("content-security-policy")).not.toContain(nonce)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain("unsafe-eval")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(a.headers.get("x-frame-options")).toBe("DENY")
    expect(a.headers.get("x-content-type-options")).toBe("nosniff")
    expect(a.headers.get("x-powered-by")).toBeNull()
    expect(a.headers.get("strict-transport-security")).toBeNull()
  })

  it("sends no CSP with a 304: a cache would pair a stored page with a policy of another nonce", async () => {
    const notModified = await get("/not-modified")
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get("etag")).toBe('W/"x"')
    expect(notModified.headers.get("content-security-policy")).toBeNull()
    expect(notModified.headers.get("x-frame-options")).toBe("DENY")
    expect((await get("/")).headers.get("content-security-policy")).toContain("'nonce-")
  })

  it("HSTS and upgrade-insecure-requests only when a trusted proxy says https", async () => {
    const res = await get("/", { "x-forwarded-proto": "https" })
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains")
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests")
  })

  it("hands the client's address on, which the client cannot forge past the server", async () => {
    await get("/", { [CLIENT_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "203.0.113.5" })
    // The peer is loopback (trusted by default), so its X-Forwarded-For is believed; the forged header is replaced.
    expect(seen.at(-1)?.client).toBe("203.0.113.5")
  })

  it("believes nobody's X-Forwarded-* with TRUST_PROXY=false", () => {
    expect(compileTrust("false")("127.0.0.1", 0)).toBe(false)
    expect(compileTrust(undefined)("127.0.0.1", 0)).toBe(true)
    expect(() => compileTrust("300.1.1.1")).toThrow(/^TRUST_PROXY must be/)
  })

  it("allows Stripe.js, its frames and API only when card payment is configured", () => {
    const off = contentSecurityPolicy({ nonce: "n", backendUrl: "http://localhost:9000", tls: true })
    const on = contentSecurityPolicy({ nonce: "n", backendUrl: "http://localhost:9000", tls: true, stripe: true })
    expect(off).not.toContain("stripe")
    expect(on).toContain("script-src 'self' 'nonce-n' https://js.stripe.com")
    expect(on).toContain("frame-src https://js.stripe.com")
    expect(on).toContain("connect-src 'self' https://api.stripe.com")
    expect(on).toContain("frame-ancestors 'none'")
  })

  it("lets product photos come from the backend", () => {
    expect(contentSecurityPolicy({ nonce: "n", backendUrl: "http://localhost:9000/", tls: false })).toContain(
      "img-src 'self' data: blob: https: http://localhost:9000"
    )
  })
})

describe("the front door before React Router", () => {
  type Asked = { method: string; url: string; cookie: string | null; ifNoneMatch: string | null; nonce: string | null }
  const asked: Asked[] = []
  const handed: Array<string | null> = []
  let answer: "page" | "miss" | "none" | "throw" = "miss"
  let frontServer: http.Server
  let frontBase: string

  beforeAll(async () => {
    const frontDoor = async (request: Asked) => {
      asked.push(request)
      if (answer === "throw") throw new Error("version unreadable")
      if (answer === "none") return { answer: null, version: null }
      if (answer === "miss") return { answer: null, version: "v7" }
      if (request.ifNoneMatch === 'W/"kept"')
        return { answer: { status: 304, headers: [["etag", 'W/"kept"']], body: null } }
      return {
        answer: {
          status: 200,
          headers: [
            ["etag", 'W/"kept"'],
            ["cache-control", "public, max-age=0"],
            ["content-type", "text/html; charset=utf-8"],
          ],
          body: `<script nonce="${request.nonce}">kept</script>`,
        },
      }
    }
    const app = createServerApp({
      build: { entry: { module: { default: () => new Response(""), frontDoor } } } as any,
      clientDir: "/nonexistent",
      log: false,
    })
    app._router.stack.pop()
    app.all("*", (req: any, res: any) => {
      handed.push(req.headers[PAGE_VERSION_HEADER] ?? null)
      res.type("html").send("<p>rendered</p>")
    })
    frontServer = app.listen(0, "127.0.0.1")
    await new Promise((r) => frontServer.once("listening", r))
    frontBase = `http://127.0.0.1:${(frontServer.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((r) => frontServer.close(r)))

  const fetchFront = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${frontBase}${path}`, init)
    return { res, text: await res.text() }
  }

  it("names the headers as the app reads them", () => {
    expect(PAGE_VERSION_HEADER).toBe(APP_VERSION_HEADER)
    expect(CSP_NONCE_HEADER).toBe(APP_NONCE_HEADER)
  })

  it("serves a kept page with this response's CSP nonce and headers, without reaching React Router", async () => {
    answer = "page"
    const before = handed.length
    const { res, text } = await fetchFront("/products/tea?x=1", { headers: { cookie: "lang=en" } })
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1]
    expect(res.status).toBe(200)
    expect(nonce).toBeTruthy()
    expect(text).toBe(`<script nonce="${nonce}">kept</script>`)
    expect(res.headers.get("etag")).toBe('W/"kept"')
    expect(res.headers.get("x-frame-options")).toBe("DENY")
    expect(asked.at(-1)).toMatchObject({ method: "GET", url: "/products/tea?x=1", cookie: "lang=en", nonce })
    expect(handed.length).toBe(before)
  })

  it("answers a matching revalidation with a 304 that carries no CSP", async () => {
    answer = "page"
    const { res } = await fetchFront("/", { headers: { "if-none-match": 'W/"kept"' } })
    expect(res.status).toBe(304)
    expect(res.headers.get("content-security-policy")).toBeNull()
  })

  it("hands a miss to React Router with the version it saw, and a client's own version header never", async () => {
    answer = "miss"
    const { text } = await fetchFront("/", { headers: { [PAGE_VERSION_HEADER]: "forged" } })
    expect(text).toBe("<p>rendered</p>")
    expect(handed.at(-1)).toBe("v7")
    answer = "none"
    await fetchFront("/", { headers: { [PAGE_VERSION_HEADER]: "forged" } })
    expect(handed.at(-1)).toBeNull()
  })

  it("renders the page when the front door fails, and never asks it about a POST", async () => {
    answer = "throw"
    const { res, text } = await fetchFront("/", { headers: { [PAGE_VERSION_HEADER]: "forged" } })
    expect(res.status).toBe(200)
    expect(text).toBe("<p>rendered</p>")
    expect(handed.at(-1)).toBeNull()
    const count = asked.length
    answer = "page"
    await fetchFront("/cart", { method: "POST" })
    expect(asked.length).toBe(count)
    expect(handed.at(-1)).toBeNull()
  })
})
