import type { z } from "zod"
import type { AvailabilityView, CycleView, PickupDetails, PickupPointView } from "../commerce"
import {
  availabilitySchema,
  issuedCodeSchema,
  orderCyclesSchema,
  orderPickupAnswerSchema,
  pickupPointAnswerSchema,
  pickupPointsSchema,
  rememberedPointSchema,
  type pickupPointSchema,
} from "../contract"
import { statusOf } from "./http.server"
import type { StoreClient } from "./medusa.server"
import { compoundFromCookieHeader } from "./session.server"

/**
 * The storefront's side of the pickup routes: GET /store/pickup-points (+ /:id,
 * /:id/cycles, /:id/availability), POST /store/carts/:id/pickup,
 * GET /store/pickup-orders/:order_id and POST …/code. Answers are parsed with
 * the contract's schemas (../contract); GET /store/pickup-orders/:order_id is
 * the one source of an order's pickup details (place, window, state).
 */
export type PickupApi = {
  searchPoints(q: string): Promise<PickupPointView[]>
  /** The compound chosen in the cookie, or null (none chosen, or unknown). */
  chosenPoint(request: Request): Promise<PickupPointView | null>
  cycles(pointId: string): Promise<CycleView[]>
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
  /** GET /store/pickup-points/:id; null when unknown. */
  getPoint(id: string): Promise<PickupPointView | null>
  /** The compound remembered on the account; null when none. */
  rememberedPoint(token: string): Promise<PickupPointView | null>
  /** Remembers the compound on the account; false when the backend refused (unknown point, expired token). */
  rememberPoint(token: string, pointId: string): Promise<boolean>
  /** Whether my point's cycle (default: the next open one) takes orders of each storage class; null when unknown. */
  availability(pointId: string, cycleId?: string): Promise<AvailabilityView | null>
}

function toPoint({ id, name, office }: z.infer<typeof pickupPointSchema>): PickupPointView {
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

export function createPickupApi(store: StoreClient): PickupApi {
  async function list(query: Record<string, unknown>): Promise<PickupPointView[]> {
    const raw = await store.request<unknown>("listing pickup points", "/store/pickup-points", { query })
    return pickupPointsSchema.parse(raw).pickup_points.map(toPoint)
  }

  function bearer(token: string | undefined) {
    return token ? { headers: { authorization: `Bearer ${token}` } } : {}
  }

  async function getPoint(id: string): Promise<PickupPointView | null> {
    try {
      const raw = await store.request<unknown>(`loading pickup point ${id}`, `/store/pickup-points/${id}`)
      return toPoint(pickupPointAnswerSchema.parse(raw).pickup_point)
    } catch (error) {
      if (statusOf(error) === 404) return null
      throw error
    }
  }

  return {
    async searchPoints(q) {
      // The route matches q against point name, 小区 name and address; a city name is tried as a city too.
      const points = await list({ ...(q ? { q } : {}), limit: 20 })
      return points.length || !q ? points : list({ city: q, limit: 20 })
    },

    async pointsExist() {
      return (await list({ limit: 1 })).length > 0
    },

    getPoint,

    async rememberedPoint(token) {
      try {
        const raw = await store.request<unknown>(
          "loading the compound remembered on the account",
          "/store/customers/me/pickup-point",
          bearer(token)
        )
        const { pickup_point } = rememberedPointSchema.parse(raw)
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
        const raw = await store.request<unknown>(
          `availability at ${pointId}`,
          `/store/pickup-points/${pointId}/availability`,
          {
            ...(cycleId ? { query: { order_cycle_id: cycleId } } : {}),
          }
        )
        const a = availabilitySchema.parse(raw).availability
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
        const raw = await store.request<unknown>(
          `issuing a pickup code for order ${orderId}`,
          `/store/pickup-orders/${orderId}/code`,
          {
            method: "POST",
            // A guest proves the order is theirs with the cart it was placed from.
            body: token ? {} : { cart_id: cartId },
            ...bearer(token),
          }
        )
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

    async cycles(pointId) {
      const raw = await store.request<unknown>(
        `listing order cycles at ${pointId}`,
        `/store/pickup-points/${pointId}/cycles`
      )
      return orderCyclesSchema.parse(raw).order_cycles.map((c) => ({
        id: c.id,
        name: c.name,
        cutoffAt: c.resident_cutoff_at,
        pickupStartsAt: c.pickup_starts_at,
        pickupEndsAt: c.pickup_ends_at,
        full: c.places_left.chilled <= 0 && c.places_left.ambient <= 0,
      }))
    },

    async assignCart(cartId, pointId, cycleId, token) {
      await store.request(`assigning cart ${cartId} to ${pointId}`, `/store/carts/${cartId}/pickup`, {
        method: "POST",
        ...bearer(token),
        body: { pickup_point_id: pointId, ...(cycleId ? { order_cycle_id: cycleId } : {}) },
      })
    },

    async orderPickup(orderId, token, cartId) {
      // The signed-in owner, or the guest who placed it from this browser (its cart id is the proof).
      if (!token && !cartId) return null
      try {
        const raw = await store.request<unknown>(
          `loading pickup of order ${orderId}`,
          `/store/pickup-orders/${orderId}`,
          {
            ...bearer(token),
            ...(token ? {} : { query: { cart_id: cartId } }),
          }
        )
        const p = orderPickupAnswerSchema.parse(raw).pickup
        return {
          // The code is shown once, when issued (POST /store/pickup-orders/:id/code); never readable afterwards.
          code: null,
          qrToken: p.qr_token,
          windowStart: p.order_cycle.pickup_starts_at,
          windowEnd: p.order_cycle.pickup_ends_at,
          cutoffAt: p.order_cycle.resident_cutoff_at,
          address: p.pickup_point.address,
          compoundName: p.pickup_point.compound_name,
          status: p.status,
          cancellable: p.cancellable,
        }
      } catch (error) {
        // An order without a pickup assignment (placed before pickup points existed) answers 404 too.
        if (statusOf(error) === 404) return null
        throw error
      }
    },
  }
}
