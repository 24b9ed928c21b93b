import { describe, expect, it } from "vitest"
import { decryptRegistryValue, encryptRegistryValue, RegistryCryptoError } from "./crypto"
import { parseKeyList, resolveRegistryKeyring } from "./crypto-keyring"

const KEY = Buffer.alloc(32, 9).toString("base64")

describe("resolveRegistryKeyring", () => {
  it("refuses to run in production without a key", () => {
    expect(() => resolveRegistryKeyring({ production: true })).toThrow(/LIANXIN_REGISTRY_KEY is required in production/)
    expect(() => resolveRegistryKeyring({ production: true, registryKey: "  " })).toThrow(RegistryCryptoError)
  })

  it("falls back to the development key outside production and says so", () => {
    const { keyring, usingDevelopmentKey } = resolveRegistryKeyring({ production: false })
    expect(usingDevelopmentKey).toBe(true)
    expect(keyring.currentVersion).toBe("dev")
  })

  it("uses the configured key as v1 by default", () => {
    const { keyring, usingDevelopmentKey } = resolveRegistryKeyring({ production: true, registryKey: KEY })
    expect(usingDevelopmentKey).toBe(false)
    expect(keyring.currentVersion).toBe("v1")
  })

  it("never accepts development ciphertexts with a real key", () => {
    const dev = resolveRegistryKeyring({ production: false }).keyring
    const prod = resolveRegistryKeyring({ production: true, registryKey: KEY }).keyring
    const stored = encryptRegistryValue(dev, "13812345678", "hh|phone")
    expect(() => decryptRegistryValue(prod, stored, "hh|phone")).toThrow(/version "dev"/)
  })

  it("names the bad option without echoing a malformed key", () => {
    const bad = "not-a-key-but-a-secret-looking-string"
    expect(() => resolveRegistryKeyring({ registryKey: bad })).toThrow(
      /LIANXIN_REGISTRY_KEY: registry key must be 32 bytes/
    )
    try {
      resolveRegistryKeyring({ registryKey: bad })
    } catch (e) {
      expect((e as Error).message).not.toContain(bad)
    }
  })

  it("keeps retired keys for reading after a rotation", () => {
    const old = resolveRegistryKeyring({ registryKey: KEY }).keyring
    const stored = encryptRegistryValue(old, "6222021234567890123", "hh|bank_account")
    const rotated = resolveRegistryKeyring({
      registryKey: Buffer.alloc(32, 10).toString("base64"),
      registryKeyVersion: "v2",
      previousRegistryKeys: { v1: KEY },
    }).keyring
    expect(decryptRegistryValue(rotated, stored, "hh|bank_account")).toBe("6222021234567890123")
  })

  it("reserves the dev version", () => {
    expect(() => resolveRegistryKeyring({ registryKey: KEY, registryKeyVersion: "dev" })).toThrow(/reserved/)
  })
})

describe("rotation (decision 016)", () => {
  it("reads previous keys by id from the environment's list, naming entries, never keys", () => {
    expect(parseKeyList(`v1:${KEY}, v0:${KEY}`, "X")).toEqual({ v1: KEY, v0: KEY })
    expect(parseKeyList(undefined, "X")).toEqual({})
    expect(() => parseKeyList(`${KEY}`, "X")).toThrow(/^X: entry 1 must look like <key id>:<key>/)
    expect(() => parseKeyList(`v1:${KEY},v1:${KEY}`, "X")).toThrow(/"v1" is given twice/)
    try {
      parseKeyList(`V1:${KEY}`, "X")
    } catch (e) {
      expect((e as Error).message).not.toContain(KEY)
    }
  })

  it("decrypts with any loaded key, encrypts with the newest, refuses the current id among previous ones", () => {
    const NEW = Buffer.alloc(32, 5).toString("base64")
    const old = resolveRegistryKeyring({ registryKey: KEY, production: true }).keyring
    const rotated = resolveRegistryKeyring({
      registryKey: NEW,
      registryKeyVersion: "v2",
      previousRegistryKeys: { v1: KEY },
      production: true,
    }).keyring
    const stored = encryptRegistryValue(old, "13912345678", "hh_1|phone")
    expect(decryptRegistryValue(rotated, stored, "hh_1|phone")).toBe("13912345678")
    expect(encryptRegistryValue(rotated, "13912345678", "hh_1|phone")).toMatch(/^v2:/)
    expect(() =>
      resolveRegistryKeyring({ registryKey: NEW, previousRegistryKeys: { v1: KEY }, production: true })
    ).toThrow(/id of the current key/)
  })
})
