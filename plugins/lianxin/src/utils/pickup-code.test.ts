import { describe, expect, it } from "vitest"
import {
  derivePickupKeys,
  generatePickupCode,
  hashPickupCode,
  hashesEqual,
  isWellFormedCode,
  openPickupCode,
  parsePickupMasterKey,
  sealPickupCode,
  signPickupToken,
  verifyPickupToken,
} from "./pickup-code"

const keys = derivePickupKeys(Buffer.alloc(32, 9))

describe("pickup codes", () => {
  it("are 8 digits, leading zeros kept", () => {
    expect(generatePickupCode(() => 42)).toBe("00000042")
    for (let i = 0; i < 200; i++) expect(isWellFormedCode(generatePickupCode())).toBe(true)
  })

  it("draw from the whole space (no modulo bias from a narrow source)", () => {
    let asked = 0
    generatePickupCode((max) => {
      asked = max
      return 0
    })
    expect(asked).toBe(100_000_000)
  })

  it("rarely repeat: 2000 codes have (almost surely) no duplicate", () => {
    const codes = new Set(Array.from({ length: 2000 }, () => generatePickupCode()))
    // P(any duplicate) ≈ 2000² / 2·10^8 = 2%; allow one.
    expect(codes.size).toBeGreaterThanOrEqual(1999)
  })

  it("hash differently at another point and under another key", () => {
    const h = hashPickupCode(keys.code, "ppt_a", "12345678")
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(hashPickupCode(keys.code, "ppt_b", "12345678")).not.toBe(h)
    expect(hashPickupCode(derivePickupKeys(Buffer.alloc(32, 1)).code, "ppt_a", "12345678")).not.toBe(h)
    expect(hashesEqual(h, hashPickupCode(keys.code, "ppt_a", "12345678"))).toBe(true)
    expect(hashesEqual(h, "")).toBe(false)
  })

  it("refuse a short master key", () => {
    expect(() => derivePickupKeys(Buffer.alloc(16))).toThrow()
    expect(() => parsePickupMasterKey("abc")).toThrow()
    expect(parsePickupMasterKey("ab".repeat(32)).length).toBe(32)
  })
})

describe("QR tokens", () => {
  const claims = { a: "pasg_1", o: "order_1", p: "ppt_a", v: 2 }

  it("round-trip", () => {
    expect(verifyPickupToken(keys.token, signPickupToken(keys.token, claims))).toEqual(claims)
  })

  it("reject tampering, another key and garbage", () => {
    const token = signPickupToken(keys.token, claims)
    const [, , mac] = token.split(".")
    const forged = `pk1.${Buffer.from(JSON.stringify({ ...claims, p: "ppt_b" })).toString("base64url")}.${mac}`
    expect(verifyPickupToken(keys.token, forged)).toBeNull()
    expect(verifyPickupToken(keys.code, token)).toBeNull()
    expect(verifyPickupToken(keys.token, "pk1.x.y")).toBeNull()
    expect(verifyPickupToken(keys.token, "")).toBeNull()
  })
})

describe("sealed current code (decision 014)", () => {
  it("opens only with the same key and the same assignment and version", () => {
    const sealed = sealPickupCode(keys.seal, "pasg_1:3", "04817263")
    expect(sealed).not.toContain("04817263")
    expect(openPickupCode(keys.seal, "pasg_1:3", sealed)).toBe("04817263")
    expect(openPickupCode(keys.seal, "pasg_1:4", sealed)).toBeNull()
    expect(openPickupCode(keys.seal, "pasg_2:3", sealed)).toBeNull()
    expect(openPickupCode(derivePickupKeys(Buffer.alloc(32, 1)).seal, "pasg_1:3", sealed)).toBeNull()
    const [v, iv, tag, ct] = sealed.split(":")
    const flipped = Buffer.from(ct, "base64")
    flipped[0] ^= 1
    expect(openPickupCode(keys.seal, "pasg_1:3", [v, iv, tag, flipped.toString("base64")].join(":"))).toBeNull()
    expect(openPickupCode(keys.seal, "pasg_1:3", "garbage")).toBeNull()
  })

  it("uses a sub-key of its own", () => {
    expect(keys.seal.equals(keys.code)).toBe(false)
    expect(keys.seal.equals(keys.token)).toBe(false)
  })
})
