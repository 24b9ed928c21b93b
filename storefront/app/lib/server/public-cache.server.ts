import type { StoreCatalogVersionResponse } from "@lianxin/plugin/contract"
import type { StoreClient } from "./medusa.server"

/**
 * Public catalogue answers kept in this process, keyed by the backend's catalogue version (issue 16).
 *
 * Browsing pages (home, category, product, search) read the same few backend answers for every visitor. Each is kept
 * here under the version GET /store/lianxin/catalog/version gave when it was asked for; when the version changes (a
 * price, stock, status, attribution or consent change reached the search index; a new split policy) every copy is
 * dropped and the next view asks again. The version itself is asked at most once per `checkEveryMs` (one request a
 * second, however busy the shop), so a change shows on the next view at most that long after the backend applied it.
 *
 * Nothing here breaks a second storefront process: each keeps its own copies and checks the same shared version.
 * Not kept: failures, answers the backend marks `degraded` (Meilisearch down: the next view should get the index),
 * and everything when the backend has no version (no search index, an older backend, or the version cannot be read).
 */

export type PublicCacheOptions = {
  /** How often the version is asked for, at most. */
  checkEveryMs?: number
  /** Copies kept, least recently used dropped first. */
  maxEntries?: number
  now?: () => number
}

export type PublicCacheStats = { hits: number; misses: number; bypassed: number; versionReads: number }

export type PublicCache = {
  /** The answer for this key: a copy made under the current version, or `load()` (kept when `keep` says so). */
  read<T>(key: string, load: () => Promise<T>, keep?: (value: T) => boolean): Promise<T>
  /** The catalogue version as last asked (asked again when older than `checkEveryMs`); null: none, keep nothing. */
  version(): Promise<string | null>
  stats(): PublicCacheStats
}

export const DEFAULT_CHECK_EVERY_MS = 1_000
export const DEFAULT_MAX_ENTRIES = 2_000

export function createPublicCache(
  readVersion: () => Promise<string | null>,
  { checkEveryMs = DEFAULT_CHECK_EVERY_MS, maxEntries = DEFAULT_MAX_ENTRIES, now = Date.now }: PublicCacheOptions = {}
): PublicCache {
  let known: { version: string | null; at: number } | undefined
  let asking: Promise<string | null> | undefined
  let entriesVersion: string | null = null
  const entries = new Map<string, Promise<unknown>>()
  const counts: PublicCacheStats = { hits: 0, misses: 0, bypassed: 0, versionReads: 0 }

  function version(): Promise<string | null> {
    if (known && now() - known.at < checkEveryMs) return Promise.resolve(known.version)
    if (!asking) {
      counts.versionReads++
      // The time is taken before asking: a change made while the answer travels is caught by the next check.
      const askedAt = now()
      asking = readVersion()
        .catch(() => null)
        .then((value) => {
          known = { version: value, at: askedAt }
          return value
        })
        .finally(() => {
          asking = undefined
        })
    }
    return asking
  }

  function forget(key: string, copy: Promise<unknown>) {
    if (entries.get(key) === copy) entries.delete(key)
  }

  return {
    async read<T>(key: string, load: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
      const current = await version()
      if (current === null) {
        counts.bypassed++
        return load()
      }
      if (current !== entriesVersion) {
        entries.clear()
        entriesVersion = current
      }
      const hit = entries.get(key) as Promise<T> | undefined
      if (hit) {
        counts.hits++
        // Most recently used last: the first key is the one to drop.
        entries.delete(key)
        entries.set(key, hit)
        return hit
      }
      counts.misses++
      const copy = load()
      entries.set(key, copy)
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
      copy.then(
        (value) => {
          if (!keep(value)) forget(key, copy)
        },
        () => forget(key, copy)
      )
      return copy
    },
    version,
    stats: () => ({ ...counts }),
  }
}

const VERSION_PATH = "/store/lianxin/catalog/version"

/** The backend's catalogue version, or null when it has none (or cannot say). */
export async function catalogVersion(store: StoreClient): Promise<string | null> {
  const answer = await store.request<Partial<StoreCatalogVersionResponse>>(
    "reading the catalogue version",
    VERSION_PATH
  )
  return typeof answer?.version === "string" && answer.version !== "" ? answer.version : null
}

const caches = new WeakMap<StoreClient, PublicCache>()

function cacheOf(store: StoreClient): PublicCache {
  let cache = caches.get(store)
  if (!cache) {
    cache = createPublicCache(() => catalogVersion(store), cacheOptionsFromEnv())
    caches.set(store, cache)
  }
  return cache
}

/** `LIANXIN_PUBLIC_CACHE_CHECK_MS` sets how often the version is asked for (default once a second). */
function cacheOptionsFromEnv(): PublicCacheOptions {
  const ms = Number(process.env.LIANXIN_PUBLIC_CACHE_CHECK_MS)
  return process.env.LIANXIN_PUBLIC_CACHE_CHECK_MS && Number.isFinite(ms) && ms >= 0 ? { checkEveryMs: ms } : {}
}

/**
 * The catalogue version the copies are kept under now (asked at most once per check interval), or null when nothing
 * may be kept: the backend has none, it cannot be read, or `LIANXIN_PUBLIC_CACHE=off`.
 */
export function publicCopiesVersion(store: StoreClient): Promise<string | null> {
  if (process.env.LIANXIN_PUBLIC_CACHE === "off") return Promise.resolve(null)
  return cacheOf(store).version()
}

/** The key of a GET: its path and its query, names sorted. */
export function publicKey(path: string, query: Record<string, unknown> = {}): string {
  const sorted = Object.keys(query)
    .sort()
    .map((name) => [name, query[name]])
  return `${path}?${JSON.stringify(sorted)}`
}

/**
 * A public catalogue read through this process's copies: `load()` (the backend call and the parsing of its answer
 * into the page's view model), or the copy made under the current catalogue version. `keep` decides whether an answer
 * may be kept (a degraded list may not). Callers must not change what they get: it is shared.
 * `LIANXIN_PUBLIC_CACHE=off` makes every read call `load()` (for measuring without the copies).
 */
export function publicCopy<T>(
  store: StoreClient,
  key: string,
  load: () => Promise<T>,
  keep?: (value: T) => boolean
): Promise<T> {
  if (process.env.LIANXIN_PUBLIC_CACHE === "off") return load()
  return cacheOf(store).read(key, load, keep)
}
