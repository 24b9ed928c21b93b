import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto"

/**
 * Pickup codes and QR tokens.
 *
 * A code is 8 decimal digits from the OS CSPRNG (crypto.randomInt, uniform over
 * 10^8 values, ≈26.6 bits). It is stored only as HMAC-SHA256 under a server key
 * over "<pickup point id>:<code>", so the same digits mean nothing at another
 * point and a copy of the database without the key reveals no code. A slow
 * salted hash would not help here: 10^8 candidates are few enough to search
 * offline whatever the hash, and staff look codes up by value, which needs a
 * deterministic keyed hash. Online guessing is bounded by the lockout.
 */
export const PICKUP_CODE_DIGITS = 8
const CODE_SPACE = 10 ** PICKUP_CODE_DIGITS

export type PickupKeys = { code: Buffer; token: Buffer; seal: Buffer }

/** Separate sub-keys for codes, tokens and the sealed copy of the current code, derived from one master key. */
export function derivePickupKeys(master: Buffer): PickupKeys {
  if (master.length < 32) throw new RangeError("the pickup master key must be at least 32 bytes")
  return {
    code: createHmac("sha256", master).update("lianxin/pickup-code/v1").digest(),
    token: createHmac("sha256", master).update("lianxin/pickup-qr-token/v1").digest(),
    seal: createHmac("sha256", master).update("lianxin/pickup-code-seal/v1").digest(),
  }
}

const SEAL_IV_BYTES = 12

/**
 * The current code, encrypted (AES-256-GCM, bound to the assignment and code
 * version) so that messages (可取货 with the code) can carry it without issuing a
 * new one: decision 014. Whoever holds the master key could forge QR tokens
 * already; a copy of the database alone still reveals no code.
 */
export function sealPickupCode(key: Buffer, context: string, code: string): string {
  const iv = randomBytes(SEAL_IV_BYTES)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  cipher.setAAD(Buffer.from(context, "utf8"))
  const ct = Buffer.concat([cipher.update(code, "utf8"), cipher.final()])
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), ct.toString("base64")].join(":")
}

/** Opens a sealed code; null when it was tampered with, moved to another row or version, or is malformed. */
export function openPickupCode(key: Buffer, context: string, sealed: string): string | null {
  const [version, iv, tag, ct] = sealed.split(":")
  if (version !== "v1" || !iv || !tag || !ct) return null
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"))
    decipher.setAAD(Buffer.from(context, "utf8"))
    decipher.setAuthTag(Buffer.from(tag, "base64"))
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64")), decipher.final()]).toString("utf8")
  } catch {
    return null
  }
}

/**
 * Pickup keys by id (decision 016): the current one issues, hashes, seals
 * and signs; previous ones still verify codes and tokens and open sealed
 * codes written before a rotation, until the re-encryption job has moved
 * every live code to the current key and the old key is removed.
 */
export type PickupKeyring = {
  readonly currentId: string
  readonly current: PickupKeys
  /** Every loaded key, the current one first. */
  readonly all: ReadonlyArray<{ id: string; keys: PickupKeys }>
}

const KEY_ID = /^[a-z0-9]{1,16}$/

export function createPickupKeyring(
  current: { id: string; master: Buffer },
  previous: Record<string, Buffer> = {}
): PickupKeyring {
  for (const id of [current.id, ...Object.keys(previous)]) {
    if (!KEY_ID.test(id)) throw new RangeError("a pickup key id must be 1-16 lowercase letters or digits")
  }
  if (current.id in previous) throw new RangeError(`previous pickup key "${current.id}" has the id of the current key`)
  const keys = derivePickupKeys(current.master)
  return {
    currentId: current.id,
    current: keys,
    all: [
      { id: current.id, keys },
      ...Object.entries(previous).map(([id, master]) => ({ id, keys: derivePickupKeys(master) })),
    ],
  }
}

/** The HMAC of a code under every loaded key, the current one first (a look-up by code tries them all). */
export function pickupCodeHashes(ring: PickupKeyring, pickupPointId: string, code: string): string[] {
  return ring.all.map(({ keys }) => hashPickupCode(keys.code, pickupPointId, code))
}

/** Seals under the current key: `s2:<key id>:<iv>:<tag>:<ciphertext>`. */
export function sealPickupCodeWith(ring: PickupKeyring, context: string, code: string): string {
  return `s2:${ring.currentId}:${sealPickupCode(ring.current.seal, context, code).slice("v1:".length)}`
}

/** The key id a sealed code names; null for the first format (`v1:…`, written before key ids). */
export function sealedPickupKeyId(sealed: string): string | null {
  const [format, id] = sealed.split(":")
  return format === "s2" && id ? id : null
}

/** Opens a sealed code with the key it names (first format: with any loaded key); null when none opens it. */
export function openPickupCodeWith(ring: PickupKeyring, context: string, sealed: string): string | null {
  const id = sealedPickupKeyId(sealed)
  if (id) {
    const entry = ring.all.find((k) => k.id === id)
    return entry ? openPickupCode(entry.keys.seal, context, `v1:${sealed.split(":").slice(2).join(":")}`) : null
  }
  for (const { keys } of ring.all) {
    const code = openPickupCode(keys.seal, context, sealed)
    if (code !== null) return code
  }
  return null
}

/** A token signed with any loaded key (tokens on screens outlive a rotation until the old key is removed). */
export function verifyPickupTokenWith(ring: PickupKeyring, token: string): PickupTokenClaims | null {
  for (const { keys } of ring.all) {
    const claims = verifyPickupToken(keys.token, token)
    if (claims) return claims
  }
  return null
}

/** Parses a 32-byte key given as 64 hex digits or base64. */
export function parsePickupMasterKey(value: string): Buffer {
  const v = value.trim()
  const key = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, "hex") : Buffer.from(v, "base64")
  if (key.length !== 32) throw new RangeError("LIANXIN_PICKUP_KEY must be 32 bytes as base64 or 64 hex digits")
  return key
}

export function generatePickupCode(random: (max: number) => number = (max) => randomInt(0, max)): string {
  return String(random(CODE_SPACE)).padStart(PICKUP_CODE_DIGITS, "0")
}

export function isWellFormedCode(code: string): boolean {
  return new RegExp(`^\\d{${PICKUP_CODE_DIGITS}}$`).test(code)
}

export function hashPickupCode(key: Buffer, pickupPointId: string, code: string): string {
  return createHmac("sha256", key).update(`${pickupPointId}:${code}`).digest("hex")
}

/** Constant-time comparison of two hex hashes. */
export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex")
  const y = Buffer.from(b, "hex")
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y)
}

export type PickupTokenClaims = {
  /** assignment id */
  a: string
  /** order id */
  o: string
  /** pickup point id */
  p: string
  /** code version: issuing a new code invalidates older tokens */
  v: number
}

const b64url = (b: Buffer) => b.toString("base64url")

/** "pk1.<claims>.<mac>": HMAC-SHA256 over the claims, no secret inside. */
export function signPickupToken(key: Buffer, claims: PickupTokenClaims): string {
  const body = b64url(Buffer.from(JSON.stringify({ a: claims.a, o: claims.o, p: claims.p, v: claims.v })))
  const mac = b64url(createHmac("sha256", key).update(`pk1.${body}`).digest())
  return `pk1.${body}.${mac}`
}

/** The claims of a genuine token, or null for anything forged, altered or malformed. */
export function verifyPickupToken(key: Buffer, token: string): PickupTokenClaims | null {
  const parts = token.split(".")
  if (parts.length !== 3 || parts[0] !== "pk1") return null
  const expected = createHmac("sha256", key).update(`pk1.${parts[1]}`).digest()
  const given = Buffer.from(parts[2], "base64url")
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"))
    if (
      typeof claims?.a !== "string" ||
      typeof claims?.o !== "string" ||
      typeof claims?.p !== "string" ||
      !Number.isInteger(claims?.v)
    ) {
      return null
    }
    return { a: claims.a, o: claims.o, p: claims.p, v: claims.v }
  } catch {
    return null
  }
}
