import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { afterAll, describe, expect, it, vi } from "vitest"
import { compoundFromCookieHeader, hasSessionCookie, isExpired, readSecret } from "./session.server"

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sf-session-"))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe("session secret", () => {
  it("generates one file-backed secret and reuses it", () => {
    vi.spyOn(console, "error").mockImplementation(() => {})
    const file = path.join(dir, "nested", "secret")
    const first = readSecret({ kind: "file", path: file })
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(readSecret({ kind: "file", path: file })).toBe(first)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(readSecret({ kind: "value", value: "from-env" })).toBe("from-env")
  })
})

describe("cookies", () => {
  it("knows whether a request has a session (public caching depends on it)", () => {
    expect(hasSessionCookie(new Request("http://x/", { headers: { Cookie: "lang=en; lx_session=abc" } }))).toBe(true)
    expect(hasSessionCookie(new Request("http://x/", { headers: { Cookie: "lang=en" } }))).toBe(false)
  })

  it("reads only well-formed pickup point ids from the compound cookie", () => {
    expect(compoundFromCookieHeader("lx_compound=ppt_01ABC; lang=en")).toBe("ppt_01ABC")
    expect(compoundFromCookieHeader("lx_compound=../../x")).toBeNull()
    expect(compoundFromCookieHeader(null)).toBeNull()
  })

  it("treats expired or unreadable tokens as signed out", () => {
    const jwt = (exp: number) => `h.${Buffer.from(JSON.stringify({ exp })).toString("base64url")}.s`
    expect(isExpired(jwt(2_000_000_000), 1_000_000_000_000)).toBe(false)
    expect(isExpired(jwt(1_000), 1_000_000_000_000)).toBe(true)
    expect(isExpired("garbage")).toBe(true)
  })
})
