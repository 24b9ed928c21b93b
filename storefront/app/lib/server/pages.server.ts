import { data } from "react-router"
import type { ProductDetail, ProductSummary } from "../catalog"
import { StoreUnavailableError, type StoreClient } from "./medusa.server"

/**
 * The page loaders' logic, with the store client passed in so tests can hand
 * them a fake SDK. Route modules call these with getStoreClient().
 */

/** Catalogue pages are the same for everyone who reads the same language. */
export const PUBLIC_PAGE_HEADERS = {
  "Cache-Control": "public, max-age=60, stale-while-revalidate=300",
  // The interface language comes from the `lang` cookie.
  Vary: "Cookie",
}

/** Error answers must not be cached: the next try should reach the backend. */
const NO_STORE = { "Cache-Control": "no-store" }

export type ErrorReason = "store-unavailable" | "product-not-found" | "page-not-found"

function errorResponse(status: number, reason: ErrorReason, headers: Record<string, string> = {}): Response {
  return Response.json({ reason }, { status, headers: { ...NO_STORE, ...headers } })
}

export function notFound(reason: Extract<ErrorReason, "product-not-found" | "page-not-found">): Response {
  return errorResponse(404, reason)
}

/** Runs a backend read; a backend that cannot serve becomes a thrown 503 for the error boundary. */
async function orUnavailable<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      throw errorResponse(503, "store-unavailable", { "Retry-After": "10" })
    }
    throw error
  }
}

export async function loadHomePage(store: StoreClient) {
  const products: ProductSummary[] = await orUnavailable(() => store.listProducts())
  return data({ products }, { headers: PUBLIC_PAGE_HEADERS })
}

/** Medusa handles are short slugs; anything else cannot match and costs no backend call. */
const HANDLE = /^[\p{L}\p{N}_-]{1,200}$/u

export async function loadProductPage(store: StoreClient, handle: string | undefined) {
  if (!handle || !HANDLE.test(handle)) throw notFound("product-not-found")
  const product: ProductDetail | null = await orUnavailable(() => store.getProduct(handle))
  if (!product) throw notFound("product-not-found")
  return data({ product }, { headers: PUBLIC_PAGE_HEADERS })
}
