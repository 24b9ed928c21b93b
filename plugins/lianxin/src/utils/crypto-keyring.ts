import { createHash } from "node:crypto"
import { createRegistryKeyring, parseRegistryKey, RegistryCryptoError, type RegistryKeyring } from "./crypto"

/** The plugin options that concern registry encryption (backend/src/config/medusa.ts passes them). */
export type RegistryKeyOptions = {
  /** 32 bytes, base64 or 64 hex digits (LIANXIN_REGISTRY_KEY). */
  registryKey?: string
  /** Version written in front of new ciphertexts; change it together with the key. Default "v1". */
  registryKeyVersion?: string
  /** Retired keys by version, still able to decrypt values written before a rotation. */
  previousRegistryKeys?: Record<string, string>
  /** True in production: a missing key is then fatal. */
  production?: boolean
}

/**
 * Parses a list of retired keys as configured in the environment
 * (LIANXIN_REGISTRY_KEY_PREVIOUS, LIANXIN_PICKUP_KEY_PREVIOUS):
 * `<key id>:<key>` pairs separated by commas or whitespace, e.g.
 * `v1:3q2+7w…=,v0:…`. Errors name the entry's position, never a key.
 */
export function parseKeyList(raw: string | undefined, name: string): Record<string, string> {
  const keys: Record<string, string> = {}
  const entries = (raw ?? "").split(/[\s,]+/).filter(Boolean)
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(":")
    const id = colon === -1 ? "" : entry.slice(0, colon)
    if (!/^[a-z0-9]{1,16}$/.test(id) || colon === entry.length - 1) {
      throw new RegistryCryptoError(
        `${name}: entry ${i + 1} must look like <key id>:<key> (key id: 1-16 lowercase letters or digits)`
      )
    }
    if (id in keys) throw new RegistryCryptoError(`${name}: key id "${id}" is given twice`)
    keys[id] = entry.slice(colon + 1)
  })
  return keys
}

/**
 * A fixed key for development and tests without LIANXIN_REGISTRY_KEY. Its
 * ciphertexts carry the version "dev", so a production keyring (which never
 * contains "dev") refuses them instead of trusting them.
 */
export const DEVELOPMENT_ONLY_REGISTRY_KEY_VERSION = "dev"
export const DEVELOPMENT_ONLY_REGISTRY_KEY = createHash("sha256")
  .update("lianxin-market/DEVELOPMENT-ONLY-registry-key/never-use-in-production")
  .digest()

export type ResolvedRegistryKeyring = {
  keyring: RegistryKeyring
  /** True when the development key is in use: callers must warn loudly. */
  usingDevelopmentKey: boolean
}

/**
 * Turns plugin options into a keyring. Without a key: throws in production,
 * falls back to the development key otherwise. Errors name the option, never
 * its value.
 */
export function resolveRegistryKeyring(options: RegistryKeyOptions = {}): ResolvedRegistryKeyring {
  const production = options.production ?? process.env.NODE_ENV === "production"
  const raw = options.registryKey?.trim()
  if (!raw) {
    if (production) {
      throw new RegistryCryptoError(
        "LIANXIN_REGISTRY_KEY is required in production: household registry data cannot be " +
          "encrypted without it. Generate one with `openssl rand -base64 32` and set it in the environment."
      )
    }
    return {
      keyring: createRegistryKeyring({
        version: DEVELOPMENT_ONLY_REGISTRY_KEY_VERSION,
        key: DEVELOPMENT_ONLY_REGISTRY_KEY,
      }),
      usingDevelopmentKey: true,
    }
  }

  const version = options.registryKeyVersion ?? "v1"
  if (version === DEVELOPMENT_ONLY_REGISTRY_KEY_VERSION) {
    throw new RegistryCryptoError(
      `key version "${DEVELOPMENT_ONLY_REGISTRY_KEY_VERSION}" is reserved for the development key`
    )
  }
  let key: Buffer
  try {
    key = parseRegistryKey(raw)
  } catch (e) {
    throw new RegistryCryptoError(`LIANXIN_REGISTRY_KEY: ${(e as Error).message}`)
  }
  const previous: Record<string, Buffer> = {}
  for (const [v, k] of Object.entries(options.previousRegistryKeys ?? {})) {
    if (v === version) {
      throw new RegistryCryptoError(
        `previous registry key "${v}" has the id of the current key; give the new key a new id`
      )
    }
    try {
      previous[v] = parseRegistryKey(k)
    } catch (e) {
      throw new RegistryCryptoError(`previous registry key "${v}": ${(e as Error).message}`)
    }
  }
  return { keyring: createRegistryKeyring({ version, key }, previous), usingDevelopmentKey: false }
}
