import fs from "node:fs/promises"
import Medusa from "@medusajs/js-sdk"
import { z } from "zod"
import {
  gramsOf,
  summarise,
  variantStock,
  weightFromTitle,
  type CategoryView,
  type ProductOrigin,
  type ProductSummary,
  type VariantView,
} from "../catalog"
import { toFen } from "../money"
import { storageClassOf } from "../commerce"
import { getEnv, type StorefrontEnv } from "./env.server"

/**
 * The storefront's only door to the Medusa backend. Server-side only: the
 * publishable key and the backend URL never reach the browser.
 */

/** The region every price is quoted in. Created by the seed (seed/src/base.ts). */
export const REGION_NAME = "中国大陆"

/** Exactly the fields the pages use: asking for less makes Medusa much faster. */
const VARIANT_FIELDS = [
  "variants.id",
  "variants.title",
  "variants.manage_inventory",
  "variants.allow_backorder",
  "variants.inventory_quantity",
  "variants.calculated_price.calculated_amount",
]
export const PRODUCT_LIST_FIELDS = ["id", "title", "handle", "thumbnail", "metadata", ...VARIANT_FIELDS].join(",")

/** The part of `@medusajs/js-sdk` we use; tests pass a fake with the same shape. */
export type RegionQuery = { fields: string; limit?: number }
export type ProductQuery = { fields: string; region_id: string; limit?: number; handle?: string; category_id?: string }
/** Options of the SDK's generic `client.fetch`: everything beyond the catalogue goes through it. */
export type FetchInit = {
  method?: "GET" | "POST" | "DELETE"
  query?: Record<string, unknown>
  body?: Record<string, unknown>
  headers?: Record<string, string>
}
export interface StoreSdk {
  store: {
    region: { list(query: RegionQuery): Promise<{ regions: unknown[] }> }
    product: { list(query: ProductQuery): Promise<{ products: unknown[] }> }
  }
  client?: { fetch<T>(path: string, init?: FetchInit): Promise<T> }
}

export type UnavailableReason =
  | "backend-unreachable"
  | "backend-error"
  | "backend-timeout"
  | "publishable-key-missing"
  | "publishable-key-rejected"
  | "region-missing"

/** The backend cannot serve us right now; pages answer 503 and ask the resident to retry. */
export class StoreUnavailableError extends Error {
  constructor(
    readonly reason: UnavailableReason,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = "StoreUnavailableError"
  }
}

export type StoreClient = {
  listProducts(filter?: { categoryId?: string }): Promise<ProductSummary[]>
  listCategories(): Promise<CategoryView[]>
  /** Every product's producer and place (from metadata): the village pages are built from them. */
  listOrigins(): Promise<ProductOrigin[]>
  /** The 中国大陆 region's id (cached). */
  regionId(): Promise<string>
  /**
   * Any other store route, with the same timeout, key refresh and failure
   * classification: a backend that cannot serve becomes StoreUnavailableError,
   * an HTTP 4xx stays the SDK's FetchError (with its status) for the caller.
   */
  request<T>(what: string, path: string, init?: FetchInit): Promise<T>
}

export type StoreClientOptions = {
  /** Returns the SDK to use for the next request (it may throw StoreUnavailableError). */
  sdk: () => StoreSdk | Promise<StoreSdk>
  /** Used to make relative image URLs absolute and to name the backend in logs. */
  backendUrl: string
  /** Called when the backend rejects the publishable key; the next sdk() call should use a fresh one. */
  onKeyRejected?: () => void
  regionName?: string
  /**
   * How long a region id is reused. The cache is per process and only saves a
   * request: a stale id (the backend was reseeded) is detected and refetched,
   * so any number of stateless storefront servers stay correct.
   */
  regionTtlMs?: number
  timeoutMs?: number
  now?: () => number
  log?: (message: string) => void
}

const amountSchema = z.union([z.number(), z.string()]).nullish()
const variantSchema = z.object({
  id: z.string(),
  title: z.string().nullish(),
  manage_inventory: z.boolean().nullish(),
  allow_backorder: z.boolean().nullish(),
  inventory_quantity: z.number().nullish(),
  calculated_price: z.object({ calculated_amount: amountSchema }).nullish(),
  weight: z.union([z.number(), z.string()]).nullish().catch(null),
  metadata: z.record(z.string(), z.unknown()).nullish().catch(null),
})
const productSchema = z.object({
  id: z.string(),
  title: z.string(),
  handle: z.string(),
  thumbnail: z.string().nullish(),
  variants: z.array(variantSchema).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
})
const regionSchema = z.object({ id: z.string(), name: z.string() })
const categorySchema = z.object({
  id: z.string(),
  name: z.string(),
  handle: z.string(),
  description: z.string().nullish(),
})
const originSchema = z.object({
  id: z.string(),
  handle: z.string(),
  title: z.string(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
})

type RawVariant = z.infer<typeof variantSchema>

function toVariantView(v: RawVariant): VariantView {
  return {
    id: v.id,
    title: v.title ?? null,
    priceFen: toFen(v.calculated_price?.calculated_amount),
    stock: variantStock({
      manageInventory: v.manage_inventory,
      allowBackorder: v.allow_backorder,
      quantity: v.inventory_quantity,
    }),
    weightG: gramsOf(v.weight) ?? gramsOf(v.metadata?.net_weight_g) ?? weightFromTitle(v.title),
  }
}

function absoluteUrl(url: string | null | undefined, base: string): string | null {
  if (!url) return null
  try {
    return new URL(url, `${base}/`).toString()
  } catch {
    return null
  }
}

export function metadataText(metadata: Record<string, unknown> | null | undefined, key: string): string | null {
  const value = metadata?.[key]
  if (typeof value === "number") return String(value)
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null
}

const NETWORK_CODES = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR)/

function errorCode(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === "string") return code
    current = current.cause
  }
  return undefined
}

/** FetchError from the SDK: an HTTP answer with a status (duck-typed so fakes need not import it). */
function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === "number" ? status : undefined
}

function isNetworkFailure(error: unknown): boolean {
  if (httpStatus(error) !== undefined) return false
  const code = errorCode(error)
  if (code && NETWORK_CODES.test(code)) return true
  // undici reports every connection problem as TypeError("fetch failed").
  return error instanceof TypeError && error.message === "fetch failed"
}

const isKeyRejected = (error: unknown) =>
  (httpStatus(error) === 400 || httpStatus(error) === 401) &&
  error instanceof Error &&
  /publishable (api )?key/i.test(error.message)

const isStaleRegion = (error: unknown) =>
  httpStatus(error) === 400 && error instanceof Error && /region with id .* not found/i.test(error.message)

class TimeoutError extends Error {}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

export function createStoreClient(options: StoreClientOptions): StoreClient {
  const {
    backendUrl,
    regionName = REGION_NAME,
    regionTtlMs = 5 * 60_000,
    timeoutMs = 10_000,
    now = Date.now,
    log = (message: string) => console.error(`[storefront] ${message}`),
  } = options

  let region: { id: Promise<string>; fetchedAt: number } | undefined

  /** One backend call: timeout, one retry with a fresh key, failures classified. */
  async function call<T>(what: string, run: (sdk: StoreSdk) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const sdk = await options.sdk()
      try {
        return await withTimeout(run(sdk), timeoutMs)
      } catch (error) {
        if (isKeyRejected(error) && attempt === 0 && options.onKeyRejected) {
          log(`publishable key rejected while ${what}; reading it again`)
          options.onKeyRejected()
          continue
        }
        throw classify(error, what)
      }
    }
  }

  function classify(error: unknown, what: string): unknown {
    if (error instanceof StoreUnavailableError) return error
    if (error instanceof TimeoutError) {
      log(`backend at ${backendUrl} did not answer within ${timeoutMs} ms while ${what}`)
      return new StoreUnavailableError("backend-timeout", error.message, { cause: error })
    }
    if (isNetworkFailure(error)) {
      log(`backend at ${backendUrl} is unreachable (${errorCode(error) ?? "fetch failed"}) while ${what}`)
      return new StoreUnavailableError("backend-unreachable", `cannot reach ${backendUrl}`, { cause: error })
    }
    if (isKeyRejected(error)) {
      log(`backend rejected the publishable key while ${what}: ${(error as Error).message}`)
      return new StoreUnavailableError("publishable-key-rejected", (error as Error).message, { cause: error })
    }
    const status = httpStatus(error)
    if (status !== undefined && status >= 500) {
      log(`backend answered ${status} while ${what}: ${(error as Error).message}`)
      return new StoreUnavailableError("backend-error", `backend answered ${status}`, { cause: error })
    }
    return error
  }

  function regionId(): Promise<string> {
    if (region && now() - region.fetchedAt < regionTtlMs) return region.id
    const id = call(`looking up region ${regionName}`, async (sdk) => {
      const { regions } = await sdk.store.region.list({ fields: "id,name", limit: 200 })
      const match = regions.map((r) => regionSchema.safeParse(r)).find((r) => r.success && r.data.name === regionName)
      if (!match?.success) {
        log(`region "${regionName}" does not exist in the backend (has the seed run?)`)
        throw new StoreUnavailableError("region-missing", `region "${regionName}" is missing`)
      }
      return match.data.id
    })
    const entry = { id, fetchedAt: now() }
    region = entry
    // Failures are not cached: the next request asks again.
    id.catch(() => {
      if (region === entry) region = undefined
    })
    return id
  }

  /** Runs a product query in our region, refetching the region once if its id went stale. */
  async function inRegion<T>(what: string, run: (sdk: StoreSdk, regionId: string) => Promise<T>): Promise<T> {
    try {
      const id = await regionId()
      return await call(what, (sdk) => run(sdk, id))
    } catch (error) {
      if (!isStaleRegion(error)) throw error
      log(`region id went stale while ${what} (backend reseeded?); looking it up again`)
      region = undefined
      const id = await regionId()
      return call(what, (sdk) => run(sdk, id))
    }
  }

  function parseProducts<S extends z.ZodType>(schema: S, raw: unknown[]): z.infer<S>[] {
    const parsed: z.infer<S>[] = []
    for (const item of raw) {
      const result = schema.safeParse(item)
      if (result.success) parsed.push(result.data)
      else log(`skipping a product the storefront cannot read: ${result.error.issues[0]?.message ?? "invalid"}`)
    }
    return parsed
  }

  return {
    async listProducts(filter = {}) {
      const { products } = await inRegion("listing products", (sdk, region_id) =>
        sdk.store.product.list({
          region_id,
          fields: PRODUCT_LIST_FIELDS,
          limit: 100,
          ...(filter.categoryId ? { category_id: filter.categoryId } : {}),
        })
      )
      return parseProducts(productSchema, products).map((p) =>
        summarise(
          {
            id: p.id,
            handle: p.handle,
            title: p.title,
            thumbnail: absoluteUrl(p.thumbnail, backendUrl),
            storage: storageClassOf(metadataText(p.metadata, "perishability")),
          },
          (p.variants ?? []).map(toVariantView)
        )
      )
    },

    async listCategories() {
      const { product_categories } = await call("listing categories", (sdk) =>
        fetchVia<{ product_categories: unknown[] }>(sdk, "/store/product-categories", {
          query: { fields: "id,name,handle,description", limit: 100 },
        })
      )
      return parseProducts(categorySchema, product_categories).map((c) => ({
        id: c.id,
        name: c.name,
        handle: c.handle,
        description: c.description?.trim() || null,
      }))
    },

    async listOrigins() {
      const { products } = await call("listing product origins", (sdk) =>
        fetchVia<{ products: unknown[] }>(sdk, "/store/products", {
          query: { fields: "id,handle,title,metadata", limit: 200 },
        })
      )
      return parseProducts(originSchema, products).flatMap((p): ProductOrigin[] => {
        const householdCode = metadataText(p.metadata, "household_code")
        const village = metadataText(p.metadata, "village")
        if (!householdCode || !village) return []
        return [
          {
            productId: p.id,
            handle: p.handle,
            title: p.title,
            householdCode,
            village,
            villageRegion:
              ["province", "prefecture", "county", "township"]
                .map((key) => metadataText(p.metadata, key))
                .filter(Boolean)
                .join("") || null,
          },
        ]
      })
    },

    regionId,

    request(what, path, init) {
      return call(what, (sdk) => fetchVia(sdk, path, init))
    },
  }
}

function fetchVia<T>(sdk: StoreSdk, path: string, init?: FetchInit): Promise<T> {
  if (!sdk.client) throw new Error(`this SDK cannot fetch ${path}`)
  return sdk.client.fetch<T>(path, init)
}

/**
 * An HTTP answer ≥ 300 from the backend: like the SDK's FetchError (`status`,
 * the answer's `message`), plus the whole JSON `body` — a checkout refusal's
 * code and next cycle live there, and the SDK's error drops them.
 */
export class StoreHttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown
  ) {
    super(message)
    this.name = "StoreHttpError"
  }
}

/** The JSON body of a backend error answer, if the error carries one. */
export function errorBody(error: unknown): Record<string, unknown> | null {
  const body = (error as { body?: unknown } | null)?.body
  return body && typeof body === "object" ? (body as Record<string, unknown>) : null
}

/**
 * The store routes beyond the catalogue, as the SDK's client.fetch would call
 * them (publishable key, JSON in and out, flat query), keeping the error body.
 */
export async function storeFetch<T>(
  baseUrl: string,
  publishableKey: string,
  path: string,
  init: FetchInit = {}
): Promise<T> {
  const url = new URL(path, `${baseUrl.replace(/\/+$/, "")}/`)
  for (const [name, value] of Object.entries(init.query ?? {})) {
    if (value !== undefined && value !== null) url.searchParams.set(name, String(value))
  }
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers: {
      accept: "application/json",
      "x-publishable-api-key": publishableKey,
      ...(init.body ? { "content-type": "application/json" } : {}),
      ...init.headers,
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })
  const text = await response.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = text
  }
  if (response.status >= 300) {
    const message = (body as { message?: unknown } | null)?.message
    throw new StoreHttpError(typeof message === "string" ? message : response.statusText, response.status, body)
  }
  return body as T
}

/**
 * The publishable key, from the environment or from the file the backend's
 * seed writes on start. A missing file is not fatal: the storefront may start
 * before the backend, so the file is read on first use and again whenever the
 * backend rejects the key (it was reseeded with a new one).
 */
export function createKeySource(source: StorefrontEnv["publishableKey"]) {
  let cached: string | undefined
  return {
    refreshable: source.kind === "file",
    async get(): Promise<string> {
      if (source.kind === "value") return source.value
      if (cached) return cached
      let text: string
      try {
        text = await fs.readFile(source.path, "utf8")
      } catch (error) {
        if (errorCode(error) !== "ENOENT") throw error
        text = ""
      }
      const key = text.trim()
      if (!key) {
        console.error(
          `[storefront] no publishable key yet: ${source.path} is missing or empty (the backend writes it on start)`
        )
        throw new StoreUnavailableError("publishable-key-missing", `no publishable key in ${source.path}`)
      }
      cached = key
      return key
    },
    forget() {
      cached = undefined
    },
  }
}

let shared: StoreClient | undefined

/** The process-wide client built from the environment. */
export function getStoreClient(): StoreClient {
  if (shared) return shared
  const env = getEnv()
  const keys = createKeySource(env.publishableKey)
  let current: { key: string; sdk: StoreSdk } | undefined
  shared = createStoreClient({
    backendUrl: env.backendUrl,
    async sdk() {
      const key = await keys.get()
      if (current?.key !== key) {
        const medusa = new Medusa({
          baseUrl: env.backendUrl,
          publishableKey: key,
          // Anonymous catalogue reads: the server never stores a customer token.
          auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
        })
        current = {
          key,
          sdk: {
            store: medusa.store,
            client: { fetch: <T>(path: string, init?: FetchInit) => storeFetch<T>(env.backendUrl, key, path, init) },
          },
        }
      }
      return current.sdk
    },
    onKeyRejected: keys.refreshable ? () => keys.forget() : undefined,
  })
  return shared
}
