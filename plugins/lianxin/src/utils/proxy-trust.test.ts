import { describe, expect, it } from "vitest"
import { clientAddress, compileTrust, requestIsTls } from "./proxy-trust"

const req = (remoteAddress: string, headers: Record<string, string> = {}, encrypted = false) =>
  ({ socket: { remoteAddress, encrypted }, connection: { remoteAddress }, headers }) as any

describe("proxy trust (TRUST_PROXY)", () => {
  it("by default believes X-Forwarded-For only from loopback", () => {
    const trust = compileTrust(undefined)
    expect(clientAddress(req("127.0.0.1", { "x-forwarded-for": "203.0.113.7" }), trust)).toBe("203.0.113.7")
    expect(clientAddress(req("198.51.100.2", { "x-forwarded-for": "203.0.113.7" }), trust)).toBe("198.51.100.2")
    expect(clientAddress(req("::ffff:198.51.100.2"), trust)).toBe("198.51.100.2")
  })

  it("false believes nobody; a CIDR list believes only those proxies, nearest first", () => {
    expect(clientAddress(req("127.0.0.1", { "x-forwarded-for": "203.0.113.7" }), compileTrust("false"))).toBe(
      "127.0.0.1"
    )
    const trust = compileTrust("10.0.0.0/8, loopback")
    // A client forging X-Forwarded-For gets its own address, not the forged one.
    expect(clientAddress(req("10.1.2.3", { "x-forwarded-for": "1.1.1.1, 203.0.113.7" }), trust)).toBe("203.0.113.7")
  })

  it("counts hops", () => {
    expect(clientAddress(req("10.0.0.1", { "x-forwarded-for": "1.1.1.1, 2.2.2.2" }), compileTrust("1"))).toBe("2.2.2.2")
    expect(clientAddress(req("10.0.0.1", { "x-forwarded-for": "1.1.1.1, 2.2.2.2" }), compileTrust("2"))).toBe("1.1.1.1")
  })

  it("says TLS only for an encrypted socket or a trusted proxy's X-Forwarded-Proto", () => {
    const trust = compileTrust("loopback")
    expect(requestIsTls(req("127.0.0.1", { "x-forwarded-proto": "https" }), trust)).toBe(true)
    expect(requestIsTls(req("127.0.0.1", { "x-forwarded-proto": "http" }), trust)).toBe(false)
    expect(requestIsTls(req("203.0.113.9", { "x-forwarded-proto": "https" }), trust)).toBe(false)
    expect(requestIsTls(req("203.0.113.9", {}, true), trust)).toBe(true)
  })

  it("refuses a malformed setting with a message naming the variable", () => {
    expect(() => compileTrust("10.0.0.0/99")).toThrow(/^TRUST_PROXY must be/)
  })
})
