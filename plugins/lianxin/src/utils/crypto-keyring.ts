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
          "encrypted without it. Generate one with `openssl rand -base64 32` and set it in the environment.",
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
      `key version "${DEVELOPMENT_ONLY_REGISTRY_KEY_VERSION}" is reserved for the development key`,
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
    try {
      previous[v] = parseRegistryKey(k)
    } catch (e) {
      throw new RegistryCryptoError(`previous registry key "${v}": ${(e as Error).message}`)
    }
  }
  return { keyring: createRegistryKeyring({ version, key }, previous), usingDevelopmentKey: false }
}
