import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  createRegistryKeyring,
  decryptRegistryValue,
  encryptRegistryValue,
  parseRegistryKey,
  registryDigest,
  registryDigests,
  registryValueVersion,
  RegistryCryptoError,
} from "./crypto"

const keyA = Buffer.alloc(32, 1)
const keyB = Buffer.alloc(32, 2)
const ringA = createRegistryKeyring({ version: "v1", key: keyA })
const ringB = createRegistryKeyring({ version: "v1", key: keyB })
const CTX = "hh_01|national_id"
const SECRET = "11010519491231002X"

describe("encryptRegistryValue / decryptRegistryValue", () => {
  it("round-trips, including non-ASCII text", () => {
    expect(decryptRegistryValue(ringA, encryptRegistryValue(ringA, SECRET, CTX), CTX)).toBe(SECRET)
    const name = "中国农业银行 临沧支行"
    expect(decryptRegistryValue(ringA, encryptRegistryValue(ringA, name, CTX), CTX)).toBe(name)
  })

  it("writes version:iv:tag:ciphertext in base64 and never the plaintext", () => {
    const stored = encryptRegistryValue(ringA, SECRET, CTX)
    const [version, iv, tag, ct] = stored.split(":")
    expect(version).toBe("v1")
    expect(Buffer.from(iv, "base64")).toHaveLength(12)
    expect(Buffer.from(tag, "base64")).toHaveLength(16)
    expect(Buffer.from(ct, "base64")).toHaveLength(Buffer.byteLength(SECRET))
    expect(stored).not.toContain(SECRET)
    expect(registryValueVersion(stored)).toBe("v1")
  })

  it("uses a fresh IV every time", () => {
    const ivs = new Set<string>()
    const ciphertexts = new Set<string>()
    for (let i = 0; i < 500; i++) {
      const stored = encryptRegistryValue(ringA, SECRET, CTX)
      ivs.add(stored.split(":")[1])
      ciphertexts.add(stored)
    }
    expect(ivs.size).toBe(500)
    expect(ciphertexts.size).toBe(500)
  })

  it("refuses a tampered ciphertext, tag or IV", () => {
    const stored = encryptRegistryValue(ringA, SECRET, CTX)
    const [v, iv, tag, ct] = stored.split(":")
    const flip = (b64: string) => {
      const buf = Buffer.from(b64, "base64")
      buf[0] ^= 1
      return buf.toString("base64")
    }
    for (const tampered of [
      [v, iv, tag, flip(ct)],
      [v, iv, flip(tag), ct],
      [v, flip(iv), tag, ct],
    ]) {
      expect(() => decryptRegistryValue(ringA, tampered.join(":"), CTX)).toThrow(RegistryCryptoError)
    }
  })

  it("refuses the wrong key", () => {
    const stored = encryptRegistryValue(ringA, SECRET, CTX)
    expect(() => decryptRegistryValue(ringB, stored, CTX)).toThrow(RegistryCryptoError)
  })

  it("refuses a value moved to another record or field (context is authenticated)", () => {
    const stored = encryptRegistryValue(ringA, SECRET, CTX)
    expect(() => decryptRegistryValue(ringA, stored, "hh_02|national_id")).toThrow(RegistryCryptoError)
    expect(() => decryptRegistryValue(ringA, stored, "hh_01|phone")).toThrow(RegistryCryptoError)
  })

  it("refuses malformed values and unknown versions without echoing them", () => {
    expect(() => decryptRegistryValue(ringA, SECRET, CTX)).toThrow(/malformed/)
    const stored = encryptRegistryValue(ringA, SECRET, CTX).replace(/^v1:/, "v9:")
    expect(() => decryptRegistryValue(ringA, stored, CTX)).toThrow(/version "v9"/)
    try {
      decryptRegistryValue(ringA, `x:${SECRET}:y:z`, CTX)
    } catch (e) {
      expect((e as Error).message).not.toContain(SECRET)
    }
  })

  it("decrypts values of a retired key after rotation and encrypts with the new one", () => {
    const old = encryptRegistryValue(ringA, SECRET, CTX)
    const rotated = createRegistryKeyring({ version: "v2", key: keyB }, { v1: keyA })
    expect(decryptRegistryValue(rotated, old, CTX)).toBe(SECRET)
    const fresh = encryptRegistryValue(rotated, SECRET, CTX)
    expect(registryValueVersion(fresh)).toBe("v2")
    expect(() => decryptRegistryValue(ringA, fresh, CTX)).toThrow(RegistryCryptoError)
  })
})

describe("round trip (property)", () => {
  it("decrypts whatever it encrypted, for any text and context", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 80 }), (plain, context) => {
        expect(decryptRegistryValue(ringA, encryptRegistryValue(ringA, plain, context), context)).toBe(plain)
      }),
      { numRuns: 200 }
    )
  })
})

describe("registryDigest", () => {
  it("is deterministic per key, differs across keys, hides the value", () => {
    const d1 = registryDigest(ringA, SECRET)
    expect(registryDigest(ringA, SECRET)).toBe(d1)
    expect(registryDigest(ringB, SECRET)).not.toBe(d1)
    expect(registryDigest(ringA, "110101194912310029")).not.toBe(d1)
    expect(d1).toMatch(/^v1:[A-Za-z0-9_-]{43}$/)
    expect(d1).not.toContain(SECRET)
  })
})

describe("parseRegistryKey", () => {
  it("accepts 64 hex digits and base64 of 32 bytes", () => {
    expect(parseRegistryKey("ab".repeat(32))).toEqual(Buffer.alloc(32, 0xab))
    expect(parseRegistryKey(Buffer.alloc(32, 7).toString("base64"))).toEqual(Buffer.alloc(32, 7))
    expect(parseRegistryKey(Buffer.alloc(32, 250).toString("base64url"))).toEqual(Buffer.alloc(32, 250))
  })

  it("refuses other lengths without echoing the input", () => {
    for (const bad of ["short", Buffer.alloc(16).toString("base64"), "zz".repeat(32)]) {
      expect(() => parseRegistryKey(bad)).toThrow(RegistryCryptoError)
      try {
        parseRegistryKey(bad)
      } catch (e) {
        expect((e as Error).message).not.toContain(bad)
      }
    }
  })
})

describe("registryDigests (decision 016)", () => {
  it("holds the current key's digest first and every previous key's after it", () => {
    const rotated = createRegistryKeyring({ version: "v2", key: keyB }, { v1: keyA })
    const digests = registryDigests(rotated, SECRET)
    expect(digests).toEqual([registryDigest(rotated, SECRET), registryDigest(ringA, SECRET)])
    expect(digests[0]).toMatch(/^v2:/)
    expect(registryDigests(ringA, SECRET)).toEqual([registryDigest(ringA, SECRET)])
  })
})
