import { z } from "zod"
import type { AvailabilityView, CycleView, OrderStatus, PickupDetails, PickupPointView } from "../commerce"
import { isMissingRoute, statusOf } from "./http.server"
import type { StoreClient } from "./medusa.server"
import { compoundFromCookieHeader } from "./session.server"

/**
 * The storefront's side of the pickup backend (issue 4): GET /store/pickup-points,
 * GET /store/pickup-points/:id/cycles, POST /store/carts/:id/pickup and
 * GET /store/pickup-orders/:order_id (signed-in residents only). Those routes
 * are being built now; where one is missing, Express answers 404 "Not Found"
 * and the method reports "not available yet", so pages show their clearly
 * marked placeholders instead of failing.
 */
export type PickupApi = {
  searchPoints(q: string): Promise<{ available: boolean; points: PickupPointView[] }>
  /** The compound chosen in the cookie, or null (none chosen, unknown, or the routes are not there yet). */
  chosenPoint(request: Request): Promise<PickupPointView | null>
  cycles(pointId: string): Promise<{ available: boolean; cycles: CycleView[] }>
  /** A signed-in resident's cart is theirs alone: pass their token, or the backend answers 404. */
  assignCart(cartId: string, pointId: string, cycleId?: string, token?: string): Promise<void>
  /** The order's pickup: the signed-in owner (token) or the guest who placed it (the cart it was placed from). */
  orderPickup(orderId: string, token?: string, cartId?: string): Promise<PickupDetails | null>
  /** True once any pickup point exists: the backend then refuses checkout without a chosen point. */
  pointsExist(): Promise<boolean>
  /**
   * POST /store/pickup-orders/:id/code: a fresh code and QR token for the
   * signed-in resident's order. Every call replaces the previous code.
   * null: not this customer's order, or no pickup for it.
   */
  issueCode(orderId: string, token?: string, cartId?: string): Promise<{ code: string; qrToken: string } | null>
  /** GET /store/pickup-points/:id (falls back to the list while the route is missing); null when unknown. */
  getPoint(id: string): Promise<PickupPointView | null>
  /** The compound remembered on the account; null when none, or the route is not there yet. */
  rememberedPoint(token: string): Promise<PickupPointView | null>
  /** Remembers the compound on the account; false when the backend cannot yet. */
  rememberPoint(token: string, pointId: string): Promise<boolean>
  /** Whether my point's cycle (default: the next open one) takes orders of each storage class; null when unknown. */
  availability(pointId: string, cycleId?: string): Promise<AvailabilityView | null>
}

const hoursSchema = z.object({
  days: z.array(z.number().int().min(1).max(7)),
  opens: z.string().regex(/^\d{2}:\d{2}$/),
  closes: z.string().regex(/^\d{2}:\d{2}$/),
})
const officeSchema = z.object({
  compound_name: z.string(),
  address: z.string(),
  city: z.string(),
  district: z.string().nullish(),
  phone: z.string().nullish().catch(null),
  // Hours are a courtesy: an odd value hides them rather than the point.
  opening_hours: z.array(hoursSchema).nullish().catch(null),
})
const pointSchema = z.object({ id: z.string(), name: z.string(), office: officeSchema })
const cycleSchema = z.object({
  id: z.string(),
  name: z.string(),
  resident_cutoff_at: z.string(),
  pickup_starts_at: z.string(),
  pickup_ends_at: z.string(),
  places_left: z.object({ chilled: z.number(), ambient: z.number() }).nullish(),
})
const availabilitySchema = z.object({
  availability: z.object({
    order_cycle_id: z.string().nullish(),
    open: z.boolean(),
    reason: z.enum(["cutoff_passed", "batch_closed", "no_cycle", "point_full"]).nullish().catch(null),
    classes: z.object({
      chilled: z.object({ remaining: z.number() }),
      ambient: z.object({ remaining: z.number() }),
    }),
  }),
})
const issuedCodeSchema = z.object({ pickup_code: z.object({ code: z.string().regex(/^\d{8,}$/), qr_token: z.string().min(1) }) })
const orderPickupSchema = z.object({
  status: z.string().nullish(),
  qr_token: z.string().nullish(),
  pickup_point: z.object({ compound_name: z.string().nullish(), address: z.string().nullish() }).nullish(),
  order_cycle: z
    .object({ pickup_starts_at: z.string().nullish(), pickup_ends_at: z.string().nullish(), resident_cutoff_at: z.string().nullish() })
    .nullish(),
  cancellable: z.boolean().nullish(),
})

function toPoint(raw: unknown): PickupPointView | null {
  const parsed = pointSchema.safeParse(raw)
  if (!parsed.success) return null
  const { id, name, office } = parsed.data
  return {
    id,
    name,
    compoundName: office.compound_name,
    city: office.city,
    district: office.district ?? null,
    address: office.address,
    phone: office.phone?.trim() || null,
    openingHours: office.opening_hours ?? [],
  }
}

const STATUSES: ReadonlyArray<OrderStatus> = ["placed", "ready", "collected", "uncollected", "canceled"]

export function createPickupApi(store: StoreClient): PickupApi {
  async function optional<T>(read: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await read()
    } catch (error) {
      if (isMissingRoute(error)) return fallback
      throw error
    }
  }

  async function list(query: Record<string, unknown>): Promise<PickupPointView[]> {
    const { pickup_points } = await store.request<{ pickup_points: unknown[] }>("listing pickup points", "/store/pickup-points", { query })
    return pickup_points.map(toPoint).filter((p): p is PickupPointView => p !== null)
  }

  function bearer(token: string | undefined) {
    return token ? { headers: { authorization: `Bearer ${token}` } } : {}
  }

  async function getPoint(id: string): Promise<PickupPointView | null> {
    try {
      const { pickup_point } = await store.request<{ pickup_point: unknown }>(`loading pickup point ${id}`, `/store/pickup-points/${id}`)
      return toPoint(pickup_point)
    } catch (error) {
      if (!isMissingRoute(error)) {
        if (statusOf(error) === 404) return null
        throw error
      }
    }
    // A backend without GET /store/pickup-points/:id: find the point in the list.
    try {
      return (await list({ limit: 100 })).find((p) => p.id === id) ?? null
    } catch (error) {
      if (statusOf(error) === 404) return null
      throw error
    }
  }

  return {
    searchPoints(q) {
      return optional<{ available: boolean; points: PickupPointView[] }>(async () => {
        // The route matches q against point name, 小区 name and address; a city name is tried as a city too.
        const points = await list({ ...(q ? { q } : {}), limit: 20 })
        const byCity = q && points.length === 0 ? await list({ city: q, limit: 20 }) : []
        return { available: true, points: points.length ? points : byCity }
      }, { available: false, points: [] })
    },

    async pointsExist() {
      try {
        return (await list({ limit: 1 })).length > 0
      } catch (error) {
        if (statusOf(error) === 404) return false
        throw error
      }
    },

    getPoint,

    async rememberedPoint(token) {
      try {
        const { pickup_point } = await store.request<{ pickup_point: unknown }>(
          "loading the compound remembered on the account",
          "/store/customers/me/pickup-point",
          bearer(token)
        )
        return pickup_point ? toPoint(pickup_point) : null
      } catch (error) {
        if (statusOf(error) === 404 || statusOf(error) === 401) return null
        throw error
      }
    },

    async rememberPoint(token, pointId) {
      try {
        await store.request(`remembering ${pointId} on the account`, "/store/customers/me/pickup-point", {
          method: "POST",
          body: { pickup_point_id: pointId },
          ...bearer(token),
        })
        return true
      } catch (error) {
        if (statusOf(error) === 404 || statusOf(error) === 401) return false
        throw error
      }
    },

    async availability(pointId, cycleId) {
      try {
        const raw = await store.request<unknown>(`availability at ${pointId}`, `/store/pickup-points/${pointId}/availability`, {
          ...(cycleId ? { query: { order_cycle_id: cycleId } } : {}),
        })
        const parsed = availabilitySchema.safeParse(raw)
        if (!parsed.success) {
          console.error(`[storefront] availability at ${pointId} has an unexpected shape: ${parsed.error.message}`)
          return null
        }
        const a = parsed.data.availability
        // A cycle without a place for any class: the marks say "full" per class (both remaining are 0).
        const full = a.reason === "point_full"
        return {
          cycleId: a.order_cycle_id ?? null,
          open: a.open || full,
          reason: a.reason === "point_full" ? null : (a.reason ?? null),
          remaining: { chilled: a.classes.chilled.remaining, ambient: a.classes.ambient.remaining },
        }
      } catch (error) {
        if (statusOf(error) === 404) return null
        throw error
      }
    },

    async issueCode(orderId, token, cartId) {
      if (!token && !cartId) return null
      try {
        const raw = await store.request<unknown>(`issuing a pickup code for order ${orderId}`, `/store/pickup-orders/${orderId}/code`, {
          method: "POST",
          // A guest proves the order is theirs with the cart it was placed from.
          body: token ? {} : { cart_id: cartId },
          ...bearer(token),
        })
        const { pickup_code } = issuedCodeSchema.parse(raw)
        return { code: pickup_code.code, qrToken: pickup_code.qr_token }
      } catch (error) {
        if (statusOf(error) === 404) return null
        throw error
      }
    },

    async chosenPoint(request) {
      const id = compoundFromCookieHeader(request.headers.get("Cookie"))
      return id ? getPoint(id) : null
    },

    cycles(pointId) {
      return optional<{ available: boolean; cycles: CycleView[] }>(async () => {
        const { order_cycles } = await store.request<{ order_cycles: unknown[] }>(
          `listing order cycles at ${pointId}`,
          `/store/pickup-points/${pointId}/cycles`
        )
        const cycles = order_cycles.flatMap((raw) => {
          const c = cycleSchema.safeParse(raw)
          if (!c.success) return []
          return [
            {
              id: c.data.id,
              name: c.data.name,
              cutoffAt: c.data.resident_cutoff_at,
              pickupStartsAt: c.data.pickup_starts_at,
              pickupEndsAt: c.data.pickup_ends_at,
              full: c.data.places_left ? c.data.places_left.chilled <= 0 && c.data.places_left.ambient <= 0 : false,
            },
          ]
        })
        return { available: true, cycles }
      }, { available: false, cycles: [] })
    },

    async assignCart(cartId, pointId, cycleId, token) {
      await optional(
        () =>
          store.request(`assigning cart ${cartId} to ${pointId}`, `/store/carts/${cartId}/pickup`, {
            method: "POST",
            ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
            body: { pickup_point_id: pointId, ...(cycleId ? { order_cycle_id: cycleId } : {}) },
          }),
        null
      )
    },

    async orderPickup(orderId, token, cartId) {
      // The signed-in owner, or the guest who placed it from this browser (its cart id is the proof).
      if (!token && !cartId) return null
      try {
        return await optional<PickupDetails | null>(async () => {
          const { pickup } = await store.request<{ pickup: unknown }>(`loading pickup of order ${orderId}`, `/store/pickup-orders/${orderId}`, {
            ...bearer(token),
            ...(token ? {} : { query: { cart_id: cartId } }),
          })
          const p = orderPickupSchema.parse(pickup)
          const status = STATUSES.find((s) => s === p.status) ?? null
          return {
            // The code is shown once, when issued (POST /store/pickup-orders/:id/code); never readable afterwards.
            code: null,
            qrToken: p.qr_token ?? null,
            windowStart: p.order_cycle?.pickup_starts_at ?? null,
            windowEnd: p.order_cycle?.pickup_ends_at ?? null,
            cutoffAt: p.order_cycle?.resident_cutoff_at ?? null,
            address: p.pickup_point?.address ?? null,
            compoundName: p.pickup_point?.compound_name ?? null,
            status,
            // The route does not say (yet); the cancel route decides and the page reports its answer.
            cancellable: p.cancellable ?? true,
          }
        }, null)
      } catch (error) {
        // An order without a pickup assignment (placed before pickup points existed) answers 404 too.
        if (statusOf(error) === 404) return null
        throw error
      }
    },
  }
}
