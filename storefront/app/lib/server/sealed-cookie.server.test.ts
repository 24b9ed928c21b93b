import { describe, expect, it } from "vitest"
import { createSealedCookieSessionStorage, seal, unseal } from "./sealed-cookie.server"

const secret = "a-test-secret-of-at-least-32-characters"
const token = "eyJhbGciOiJIUzI1NiJ9.eyJhY3Rvcl9pZCI6ImN1c18xIn0.sig"
/** The value of a Set-Cookie header. */
const cookieValueOf = (header: string) => /^[^=]+=([^;]*)/.exec(header)?.[1] ?? ""

describe("sealed session cookie", () => {
  it("round-trips the session, flash included, and shows nothing of it in the cookie", async () => {
    const storage = createSealedCookieSessionStorage<{ token: string; orders: string[] }, { notice: string }>({
      name: "lx_session",
      secrets: [secret],
      secure: false,
      maxAge: 60,
    })
    const session = await storage.getSession(null)
    session.set("token", token)
    session.set("orders", ["order_01SECRET"])
    session.flash("notice", "hello")
    const header = await storage.commitSession(session)
    const value = cookieValueOf(header)
    // Neither the token, nor the order id, nor their base64 forms appear.
    for (const plain of [token, "order_01SECRET", Buffer.from(token).toString("base64"), "eyJhY3Rvcl9pZCI6"]) {
      expect(header).not.toContain(plain)
    }
    expect(value.startsWith("v1.")).toBe(true)
    expect(header).toContain("HttpOnly")
    expect(header).toContain("SameSite=Lax")
    expect(header).not.toContain("Secure")

    const read = await storage.getSession(`other=1; lx_session=${value}`)
    expect(read.get("token")).toBe(token)
    expect(read.get("orders")).toEqual(["order_01SECRET"])
    expect(read.get("notice")).toBe("hello")
    // A flash is read once.
    const again = await storage.getSession(`lx_session=${cookieValueOf(await storage.commitSession(read))}`)
    expect(again.get("notice")).toBeUndefined()
  })

  it("reads a tampered, foreign or old signed-only cookie as an empty session", async () => {
    const storage = createSealedCookieSessionStorage({
      name: "lx_session",
      secrets: [secret],
      secure: true,
      maxAge: 60,
    })
    const session = await storage.getSession(null)
    session.set("token", token)
    const value = cookieValueOf(await storage.commitSession(session))
    // A character in the middle of the sealed text (never one that holds only base64 padding bits or a %-escape):
    // flipping one near the end passed now and then when the change fell on bits the decoder ignores.
    const at = Math.floor(value.length / 2)
    const flipped = `${value.slice(0, at)}${value[at] === "A" ? "B" : "A"}${value.slice(at + 1)}`
    for (const bad of [flipped, "v1.", "v2.abc", "eyJ0b2tlbiI6IngifQ%3D%3D.c2ln", ""]) {
      expect((await storage.getSession(`lx_session=${bad}`)).data).toEqual({})
    }
    // Another secret or another cookie name does not open it either.
    expect(unseal(value, ["another-secret-of-at-least-32-characters"], "lx_session")).toBeNull()
    expect(unseal(value, [secret], "lx_office")).toBeNull()
    expect(unseal(value, ["another-secret-of-at-least-32-characters", secret], "lx_session")).toEqual({ token })
  })

  it("is Secure when asked, and destroying it expires it", async () => {
    const storage = createSealedCookieSessionStorage({ name: "lx_office", secrets: [secret], secure: true, maxAge: 60 })
    const session = await storage.getSession(null)
    expect(await storage.commitSession(session)).toContain("; Secure")
    expect(await storage.destroySession(session)).toMatch(/^lx_office=; Path=\/; Max-Age=0; .*Expires=Thu, 01 Jan 1970/)
  })

  it("never seals the same session to the same cookie twice (fresh IV)", () => {
    expect(seal({ a: 1 }, secret, "x")).not.toBe(seal({ a: 1 }, secret, "x"))
  })
})
