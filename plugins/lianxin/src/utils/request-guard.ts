/**
 * The checks of the input guard that runs before every route, ours and
 * Medusa's (api/input-guard.ts): what PostgreSQL, Express or a validator would
 * otherwise turn into a 500. Pure functions; each problem names the parameter
 * and the reason, never the value (values can be personal data and 400s are
 * logged).
 */

export type GuardProblem = { field: string; reason: string }

/** Largest `limit` a store route may ask for (the storefront asks for 200 at most). */
export const STORE_MAX_LIMIT = 200
/** Largest `limit` elsewhere: the Medusa Admin dashboard asks for 9999 in its pickers. */
export const MAX_LIMIT = 10_000
export const MAX_OFFSET = 1_000_000
const PAGING = new Set(["limit", "offset"])

/**
 * C0 controls and DEL: NUL, which PostgreSQL text cannot hold, and characters
 * no identifier, code or search term contains. Tab, LF and CR are allowed in
 * query values (a search pasted with a newline) unless `strict` (path
 * segments and parameter names).
 */
export function hasControlCharacter(value: string, { strict = false } = {}) {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c === 0x7f || (c < 0x20 && (strict || (c !== 0x09 && c !== 0x0a && c !== 0x0d)))) return true
  }
  return false
}
const CONTROL = { test: (v: string) => hasControlCharacter(v) }
const CONTROL_STRICT = { test: (v: string) => hasControlCharacter(v, { strict: true }) }
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const BAD_PERCENT = /%(?![0-9A-Fa-f]{2})/
/** What may appear unencoded in a request target: printable ASCII only. */
const RAW_OK = /^[\x21-\x7E]*$/

type Decoded = { ok: true; value: string } | { ok: false; reason: string }

/** Strict percent-decoding: well-formed escapes and valid UTF-8 only. */
export function decodeComponent(raw: string, { plusIsSpace = false } = {}): Decoded {
  if (!RAW_OK.test(raw)) return { ok: false, reason: "contains characters that must be percent-encoded" }
  if (BAD_PERCENT.test(raw)) return { ok: false, reason: "has a malformed percent-encoding" }
  try {
    return { ok: true, value: decodeURIComponent(plusIsSpace ? raw.replace(/\+/g, " ") : raw) }
  } catch {
    return { ok: false, reason: "is not valid UTF-8" }
  }
}

/** A parameter name fit to appear in a message: printable, short. */
function nameOf(key: string) {
  const clean = key.replace(/[^\x20-\x7E\u4E00-\u9FFF]/g, "?")
  return clean.length > 64 ? `${clean.slice(0, 61)}...` : clean
}

function pagingProblem(name: string, baseKey: string, value: string, store: boolean): GuardProblem | null {
  const max = baseKey === "offset" ? MAX_OFFSET : store ? STORE_MAX_LIMIT : MAX_LIMIT
  const reason = `must be a whole number from 0 to ${max}`
  if (name !== baseKey) return { field: baseKey, reason: `${reason}, given once` }
  if (!/^\d{1,9}$/.test(value) || Number(value) > max) return { field: baseKey, reason }
  return null
}

/**
 * Checks a request target (`req.originalUrl`: path and query as sent).
 * `store` applies the tighter limit of the public store API.
 */
export function checkRequestTarget(target: string, { store = false } = {}): GuardProblem | null {
  const q = target.indexOf("?")
  const path = q === -1 ? target : target.slice(0, q)
  const query = q === -1 ? "" : target.slice(q + 1)

  const segments = path.split("/")
  for (let i = 1; i < segments.length; i++) {
    const decoded = decodeComponent(segments[i])
    const field = `path segment ${i}`
    if (!decoded.ok) return { field, reason: decoded.reason }
    if (CONTROL_STRICT.test(decoded.value)) return { field, reason: "contains a control character (such as NUL)" }
  }

  const seen = new Set<string>()
  for (const part of query.split("&")) {
    if (!part) continue
    const eq = part.indexOf("=")
    const rawKey = eq === -1 ? part : part.slice(0, eq)
    const rawValue = eq === -1 ? "" : part.slice(eq + 1)
    const key = decodeComponent(rawKey, { plusIsSpace: true })
    if (!key.ok) return { field: "query parameter name", reason: key.reason }
    if (CONTROL_STRICT.test(key.value) || LONE_SURROGATE.test(key.value)) {
      return { field: "query parameter name", reason: "contains a control character (such as NUL)" }
    }
    const name = nameOf(key.value)
    const value = decodeComponent(rawValue, { plusIsSpace: true })
    if (!value.ok) return { field: name, reason: value.reason }
    if (CONTROL.test(value.value)) return { field: name, reason: "contains a control character (such as NUL)" }
    const baseKey = key.value.split("[")[0]
    if (PAGING.has(baseKey)) {
      if (seen.has(baseKey)) return { field: baseKey, reason: "must be given once" }
      seen.add(baseKey)
      const problem = pagingProblem(key.value, baseKey, value.value, store)
      if (problem) return problem
    }
  }
  return null
}

const MAX_DEPTH = 32

/**
 * Checks a parsed JSON body: no string (key or value) may hold NUL, which
 * PostgreSQL text cannot store, or half of a surrogate pair (`"\ud800"`), which
 * is no character at all. Names the first offending field by its path.
 */
export function checkBody(body: unknown): GuardProblem | null {
  const walk = (value: unknown, path: string, depth: number): GuardProblem | null => {
    if (depth > MAX_DEPTH) return { field: path || "body", reason: `is nested deeper than ${MAX_DEPTH} levels` }
    if (typeof value === "string") {
      if (value.includes("\u0000")) return { field: path || "body", reason: "contains a NUL character" }
      if (LONE_SURROGATE.test(value)) return { field: path || "body", reason: "is not valid Unicode" }
      return null
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const p = walk(value[i], `${path}[${i}]`, depth + 1)
        if (p) return p
      }
      return null
    }
    if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        const field = path ? `${path}.${nameOf(k)}` : nameOf(k)
        if (k.includes("\u0000") || LONE_SURROGATE.test(k)) return { field, reason: "is not a valid field name" }
        const p = walk(v, field, depth + 1)
        if (p) return p
      }
    }
    return null
  }
  return walk(body, "", 0)
}

/** The message of a 400 for a problem: the parameter first, then the reason. */
export function describeProblem(problem: GuardProblem) {
  return `${problem.field} ${problem.reason}`
}
