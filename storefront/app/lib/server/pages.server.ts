import { data } from "react-router"
import { closedCycleIds, orderableCycles, unavailableReason } from "../commerce"
import { villageCodeOf, villagesFrom } from "../catalog"
import type { AvailabilityView, CycleView, PickupPointView } from "../commerce"
import { optionalExtra, readHousehold, readImpact } from "./community.server"
import { CATEGORY_PAGE_SIZE, HOME_PRODUCTS, listCatalog, listVillages, readProductPage } from "./catalog.server"
import { PUBLIC_CACHE_CONTROL, publicHeaders } from "./http.server"
import { StoreUnavailableError, type StoreClient } from "./medusa.server"
import type { PickupApi } from "./pickup.server"
import { noticeFrom } from "../notice"
import { cachedCategories } from "./search.server"
import { compoundFromCookieHeader } from "./session.server"

/**
 * The page loaders' logic, with the store client passed in so tests can hand
 * them a fake SDK. Route modules call these with getStoreClient().
 */

/** Catalogue pages are the same for everyone who reads the same language. */
export const PUBLIC_PAGE_HEADERS = {
  "Cache-Control": PUBLIC_CACHE_CONTROL,
  // The interface language comes from the `lang` cookie.
  Vary: "Cookie",
}

/** Error answers must not be cached: the next try should reach the backend. */
const NO_STORE = { "Cache-Control": "no-store" }

/** A list answered by the fallback (Meilisearch down) is not stored anywhere: the next view should get the index. */
function pageHeaders(request: Request | undefined, degraded: boolean, value?: unknown): Record<string, string> {
  if (degraded) return { "Cache-Control": "no-store", Vary: "Cookie" }
  return request ? publicHeaders(request, value) : PUBLIC_PAGE_HEADERS
}

export type ErrorReason =
  | "store-unavailable"
  | "product-not-found"
  | "page-not-found"
  | "category-not-found"
  | "village-not-found"
  | "household-not-found"
  | "order-not-found"
  | "cutoff-passed"

function errorResponse(status: number, reason: ErrorReason, headers: Record<string, string> = {}): Response {
  return Response.json({ reason }, { status, headers: { ...NO_STORE, ...headers } })
}

export function notFound(reason: Exclude<ErrorReason, "store-unavailable" | "cutoff-passed">): Response {
  return errorResponse(404, reason)
}

/** Runs a backend read; a backend that cannot serve becomes a thrown 503 for the error boundary. */
export async function orUnavailable<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      throw errorResponse(503, "store-unavailable", { "Retry-After": "10" })
    }
    throw error
  }
}

/**
 * The compound chosen in the cookie, its open cycles (the countdown and pickup
 * window) and whether the next cycle takes orders of each storage class (what
 * marks products unavailable for my cycle; null when not known).
 */
export type CompoundState = {
  point: PickupPointView | null
  cycles: CycleView[]
  availability: AvailabilityView | null
  /** Cycles still listed whose availability said they refuse orders: never preselected or offered. */
  closedCycleIds: string[]
}

/** How many later cycles loadCompound asks about when the nearest one refuses orders. */
const MAX_NEXT_CYCLE_CHECKS = 3

export async function loadCompound(
  pickup: PickupApi | undefined,
  request: Request | undefined
): Promise<CompoundState> {
  const none: CompoundState = { point: null, cycles: [], availability: null, closedCycleIds: [] }
  if (!pickup || !request) return none
  const id = compoundFromCookieHeader(request.headers.get("Cookie"))
  if (!id) return none
  // One round trip, not two: the point, its cycles and its availability are asked at once with the cookie's id (a
  // stale id only costs answers that are thrown away). The backend's default cycle for availability is the open
  // one with the nearest cutoff, the one checkout offers.
  const [point, cycles, availability] = await Promise.all([
    optionalExtra("the chosen compound", () => pickup.getPoint(id)),
    optionalExtra("order cycles", () => pickup.cycles(id)),
    optionalExtra(`availability at ${id}`, () => pickup.availability(id)),
  ])
  if (!point) return none
  let current = availability ?? null
  const closed = closedCycleIds(current)
  // The nearest cycle refuses orders (its batch left, say) but a later one may be open: marks and checkout are about
  // the first that is, so a resident is never told "not this cycle" while the next cycle can take the order. Only a
  // backend that still lists refusing cycles costs these extra calls, and never more than a few.
  for (let tries = 0; closed.length && tries < MAX_NEXT_CYCLE_CHECKS; tries++) {
    const next = orderableCycles(cycles ?? [], closed)[0]
    if (!next) break
    const answer = await optionalExtra(`availability of ${next.id} at ${id}`, () => pickup.availability(id, next.id))
    if (!answer) break
    current = answer
    if (answer.open) break
    closed.push(next.id)
  }
  return {
    point,
    cycles: cycles ?? [],
    availability: current,
    closedCycleIds: closed,
  }
}

/**
 * The home page asks for exactly what it shows: one page of cards from the
 * browsing read model (GET /store/lianxin/catalog) and the villages with their
 * product counts (counted by the backend), not every product twice (issue 16).
 */
export async function loadHomePage(store: StoreClient, request?: Request, pickup?: PickupApi, backendUrl = "") {
  const [catalog, categories, villages, compound] = await Promise.all([
    orUnavailable(() => listCatalog(store, backendUrl, { limit: HOME_PRODUCTS })),
    optionalExtra("categories", () => cachedCategories(store)),
    optionalExtra("villages", () => listVillages(store)),
    loadCompound(pickup, request),
  ])
  const page = {
    products: catalog.products,
    total: catalog.count,
    categories: categories ?? [],
    villages: villages ?? [],
    compound,
  }
  return data(page, { headers: pageHeaders(request, catalog.degraded, page) })
}

const CATEGORY_HANDLE = /^[a-z0-9][a-z0-9-]{0,99}$/
/** Category pages beyond this are not offered (the read model pages to offset 5,000). */
const MAX_CATEGORY_PAGE = 200

export async function loadCategoryPage(
  store: StoreClient,
  handle: string | undefined,
  request?: Request,
  pickup?: PickupApi,
  backendUrl = ""
) {
  if (!handle || !CATEGORY_HANDLE.test(handle)) throw notFound("category-not-found")
  const pageParam = request ? Number(new URL(request.url).searchParams.get("page") ?? "1") : 1
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= MAX_CATEGORY_PAGE ? pageParam : 1
  // The list is asked by the handle, beside the category names: one round trip, not two.
  const [categories, catalog, compound] = await Promise.all([
    orUnavailable(() => cachedCategories(store)),
    orUnavailable(() =>
      listCatalog(store, backendUrl, {
        category: handle,
        limit: CATEGORY_PAGE_SIZE,
        offset: (page - 1) * CATEGORY_PAGE_SIZE,
      })
    ),
    loadCompound(pickup, request),
  ])
  const category = categories.find((c) => c.handle === handle)
  if (!category) throw notFound("category-not-found")
  const view = {
    category,
    categories,
    products: catalog.products,
    total: catalog.count,
    page,
    pages: Math.max(1, Math.ceil(catalog.count / CATEGORY_PAGE_SIZE)),
    availability: compound.availability,
  }
  return data(view, { headers: pageHeaders(request, catalog.degraded, view) })
}

export async function loadVillagePage(store: StoreClient, code: string | undefined, request?: Request) {
  const wanted = code?.toUpperCase()
  if (!wanted || villageCodeOf(`${wanted}-001`) !== wanted) throw notFound("village-not-found")
  const origins = await orUnavailable(() => store.listOrigins())
  const village = villagesFrom(origins).find((v) => v.code === wanted)
  if (!village) throw notFound("village-not-found")
  const products = (await orUnavailable(() => store.listProducts())).filter((p) =>
    village.products.some((vp) => vp.handle === p.handle)
  )
  return data({ village, products }, { headers: request ? publicHeaders(request) : PUBLIC_PAGE_HEADERS })
}

export async function loadHouseholdPage(store: StoreClient, code: string | undefined, request?: Request) {
  const household = await orUnavailable(() => readHousehold(store, (code ?? "").toUpperCase()))
  if (!household) throw notFound("household-not-found")
  return data({ household }, { headers: request ? publicHeaders(request) : PUBLIC_PAGE_HEADERS })
}

export async function loadImpactPage(store: StoreClient, request?: Request) {
  // Figures that cannot be loaded are a gap on this page, not an outage of the shop.
  const impact = await optionalExtra("impact figures", () => readImpact(store))
  return data({ impact }, { headers: request ? publicHeaders(request) : PUBLIC_PAGE_HEADERS })
}

/** Medusa handles are short slugs; anything else cannot match and costs no backend call. */
const HANDLE = /^[\p{L}\p{N}_-]{1,200}$/u

export async function loadProductPage(
  store: StoreClient,
  handle: string | undefined,
  request?: Request,
  pickup?: PickupApi,
  backendUrl = ""
) {
  if (!handle || !HANDLE.test(handle)) throw notFound("product-not-found")
  // One backend call for everything public on the page (decision 027), beside the compound's (personal) marks.
  const [page, compound] = await Promise.all([
    orUnavailable(() => readProductPage(store, backendUrl, handle)),
    loadCompound(pickup, request),
  ])
  if (!page) throw notFound("product-not-found")
  const { product, household, breakdown } = page
  const householdCode = product.householdCode
  const view = {
    product,
    household,
    breakdown,
    villageCode: householdCode ? villageCodeOf(householdCode) : null,
    /** My compound and whether its cycle can take this product (null: no compound chosen, or not known). */
    compound: compound.point ? { name: compound.point.compoundName } : null,
    unavailable: unavailableReason(compound.availability, product.storage ?? "ambient"),
    notice: request ? noticeFrom(request) : null,
  }
  return data(view, { headers: request ? publicHeaders(request, view) : PUBLIC_PAGE_HEADERS })
}
