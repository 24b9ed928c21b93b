import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto"

/**
 * Field-level encryption for household registry data (national ID, phone,
 * bank account, poverty status): AES-256-GCM, a fresh 12-byte IV per value,
 * and a key version in front so keys can rotate without a flag day.
 *
 * Stored form: `<version>:<iv>:<tag>:<ciphertext>`, each part base64.
 *
 * Errors thrown here never contain plaintext, ciphertext or key material: they
 * may end up in logs.
 */

const ALGORITHM = "aes-256-gcm"
const IV_BYTES = 12
const TAG_BYTES = 16
const KEY_BYTES = 32
const VERSION_PATTERN = /^[a-z0-9]{1,16}$/

export class RegistryCryptoError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "RegistryCryptoError"
  }
}

/** Keys derived from one master key, one per purpose, so they are never reused across algorithms. */
type DerivedKeys = { encryption: Buffer; digest: Buffer }

export type RegistryKeyring = {
  /** Version written in front of every new ciphertext and digest. */
  readonly currentVersion: string
  /** Master keys by version: the current one plus older ones kept for reading. */
  readonly versions: ReadonlyMap<string, DerivedKeys>
}

/**
 * Parses a 32-byte key given as 64 hex digits or as base64 (standard or URL
 * alphabet). The message of the error names the problem, never the input.
 */
export function parseRegistryKey(raw: string): Buffer {
  const value = raw.trim()
  if (/^[0-9a-fA-F]{64}$/.test(value)) {
    return Buffer.from(value, "hex")
  }
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const decoded = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64")
    if (decoded.length === KEY_BYTES) {
      return decoded
    }
  }
  throw new RegistryCryptoError(
    "registry key must be 32 bytes given as base64 or 64 hex digits (openssl rand -base64 32)"
  )
}

function deriveKeys(master: Buffer): DerivedKeys {
  if (master.length !== KEY_BYTES) {
    throw new RegistryCryptoError(`registry key must be ${KEY_BYTES} bytes`)
  }
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), info, KEY_BYTES))
  return {
    encryption: derive("lianxin/registry/aes-256-gcm"),
    digest: derive("lianxin/registry/hmac-sha256"),
  }
}

/**
 * Builds a keyring. `previous` holds retired keys that can still decrypt
 * values written before a rotation; only `current` encrypts.
 */
export function createRegistryKeyring(
  current: { version: string; key: Buffer },
  previous: Record<string, Buffer> = {}
): RegistryKeyring {
  const versions = new Map<string, DerivedKeys>()
  for (const [version, key] of Object.entries(previous)) {
    assertVersion(version)
    versions.set(version, deriveKeys(key))
  }
  assertVersion(current.version)
  versions.set(current.version, deriveKeys(current.key))
  return { currentVersion: current.version, versions }
}

function assertVersion(version: string) {
  if (!VERSION_PATTERN.test(version)) {
    throw new RegistryCryptoError("key version must be 1-16 lowercase letters or digits")
  }
}

/**
 * Encrypts one value. `context` is bound as additional authenticated data
 * (e.g. `household_id|national_id`), so a ciphertext copied to another row or
 * field fails to decrypt instead of silently moving data.
 */
export function encryptRegistryValue(keyring: RegistryKeyring, plaintext: string, context: string): string {
  const keys = keyring.versions.get(keyring.currentVersion)!
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv(ALGORITHM, keys.encryption, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(Buffer.from(context, "utf8"))
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  const tag = cipher.getAuthTag()
  return [keyring.currentVersion, iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(
    ":"
  )
}

/** Decrypts a stored value; throws RegistryCryptoError if it was tampered with, moved or the key is unknown. */
export function decryptRegistryValue(keyring: RegistryKeyring, stored: string, context: string): string {
  const parts = stored.split(":")
  if (parts.length !== 4) {
    throw new RegistryCryptoError("stored registry value is malformed")
  }
  const [version, ivB64, tagB64, ciphertextB64] = parts
  const keys = keyring.versions.get(version)
  if (!keys) {
    throw new RegistryCryptoError(`no registry key loaded for version "${sanitizeVersion(version)}"`)
  }
  const iv = Buffer.from(ivB64, "base64")
  const tag = Buffer.from(tagB64, "base64")
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new RegistryCryptoError("stored registry value is malformed")
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, keys.encryption, iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(Buffer.from(context, "utf8"))
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(Buffer.from(ciphertextB64, "base64")), decipher.final()]).toString("utf8")
  } catch {
    throw new RegistryCryptoError(
      "registry value failed authentication (wrong key, tampered, or moved between records)"
    )
  }
}

/** The key version a stored value or digest was written with. */
export function registryValueVersion(stored: string): string {
  return stored.split(":", 1)[0]
}

/**
 * Keyed digest (HMAC-SHA256) for equality lookups such as duplicate national
 * ID detection, without storing the value. Same input + same key → same
 * digest; after a key rotation digests must be recomputed.
 */
export function registryDigest(keyring: RegistryKeyring, normalizedValue: string): string {
  const keys = keyring.versions.get(keyring.currentVersion)!
  const mac = createHmac("sha256", keys.digest).update(normalizedValue, "utf8").digest("base64url")
  return `${keyring.currentVersion}:${mac}`
}

/**
 * The digest of a value under every loaded key, the current one first: a
 * lookup by digest finds rows written before a rotation until the
 * re-encryption job has recomputed them.
 */
export function registryDigests(keyring: RegistryKeyring, normalizedValue: string): string[] {
  const digests = [registryDigest(keyring, normalizedValue)]
  for (const [version, keys] of keyring.versions) {
    if (version === keyring.currentVersion) continue
    digests.push(`${version}:${createHmac("sha256", keys.digest).update(normalizedValue, "utf8").digest("base64url")}`)
  }
  return digests
}

/** The key version a digest was computed with. */
export function registryDigestVersion(digest: string): string {
  return digest.split(":", 1)[0]
}

function sanitizeVersion(version: string): string {
  return VERSION_PATTERN.test(version) ? version : "?"
}
