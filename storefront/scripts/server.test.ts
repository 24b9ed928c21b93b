import type http from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  CLIENT_ADDRESS_HEADER,
  CSP_NONCE_HEADER,
  compileTrust,
  contentSecurityPolicy,
  createServerApp,
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
