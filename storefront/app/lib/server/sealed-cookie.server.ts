import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto"
import { createSession, type SessionData, type SessionStorage } from "react-router"

/**
 * Session storage in a cookie whose content nobody but this server can read
 * or change: the session (which holds the resident's or staff member's Medusa
 * token) is encrypted with AES-256-GCM under a key derived from SESSION_SECRET,
 * not merely signed. The cookie name is authenticated too, so the resident and
 * office cookies cannot be swapped. A cookie that fails to open (tampered, an
 * older signed-only format, another secret) reads as an empty session.
 *
 * Format: `v1.<base64url(iv | ciphertext | tag)>`.
 */
const VERSION = "v1"
const IV_BYTES = 12
const TAG_BYTES = 16
const MAX_COOKIE_BYTES = 4096

export type SealedCookieOptions = {
  name: string
  /** The secret to seal with first; later ones only open (rotation). */
  secrets: string[]
  secure: boolean
  maxAge: number
  sameSite?: "lax" | "strict"
}

function keyOf(secret: string) {
  return Buffer.from(
    hkdfSync(
      "sha256",
      Buffer.from(secret, "utf8"),
      Buffer.alloc(0),
      "lianxin/storefront/session-cookie/aes-256-gcm",
      32
    )
  )
}

export function seal(value: unknown, secret: string, name: string): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret), iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(Buffer.from(name, "utf8"))
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()])
  return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`
}

/** The sealed value, or null when it does not open under any of the secrets. */
export function unseal(sealed: string, secrets: string[], name: string): unknown {
  const [version, payload] = sealed.split(".", 2)
  if (version !== VERSION || !payload) return null
  const raw = Buffer.from(payload, "base64url")
  if (raw.length < IV_BYTES + TAG_BYTES) return null
  const iv = raw.subarray(0, IV_BYTES)
  const tag = raw.subarray(raw.length - TAG_BYTES)
  const body = raw.subarray(IV_BYTES, raw.length - TAG_BYTES)
  for (const secret of secrets) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", keyOf(secret), iv, { authTagLength: TAG_BYTES })
      decipher.setAAD(Buffer.from(name, "utf8"))
      decipher.setAuthTag(tag)
      return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8"))
    } catch {
      // Not this secret (or tampered): try the next.
    }
  }
  return null
}

function cookieValue(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=")
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}

function setCookie(options: SealedCookieOptions, value: string, maxAge: number) {
  const attributes = [
    `${options.name}=${value}`,
    "Path=/",
    `Max-Age=${maxAge}`,
    "HttpOnly",
    `SameSite=${options.sameSite === "strict" ? "Strict" : "Lax"}`,
  ]
  if (maxAge === 0) attributes.push("Expires=Thu, 01 Jan 1970 00:00:00 GMT")
  if (options.secure) attributes.push("Secure")
  return attributes.join("; ")
}

export function createSealedCookieSessionStorage<Data = SessionData, Flash = Data>(
  options: SealedCookieOptions
): SessionStorage<Data, Flash> {
  const [current] = options.secrets
  if (!current) throw new Error("a sealed cookie needs a secret")
  return {
    async getSession(cookieHeader) {
      const sealed = cookieValue(cookieHeader, options.name)
      const data = sealed ? unseal(sealed, options.secrets, options.name) : null
      return createSession<Data, Flash>(data && typeof data === "object" ? (data as any) : {})
    },
    async commitSession(session) {
      const header = setCookie(options, seal(session.data, current, options.name), options.maxAge)
      if (header.length > MAX_COOKIE_BYTES) {
        throw new Error(
          `the ${options.name} cookie would be ${header.length} bytes, over the ${MAX_COOKIE_BYTES} browsers keep`
        )
      }
      return header
    },
    async destroySession() {
      return setCookie(options, "", 0)
    },
  }
}
