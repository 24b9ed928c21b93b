import { z } from "zod"
import { cycleRefusalKind, type CycleRefusal, type CycleRefusalKind } from "../checkout-refusal"
import type { CycleView } from "../commerce"
import type { MessageKey } from "../i18n"
import { optionalExtra } from "./community.server"
import { messageOf, statusOf } from "./http.server"
import { errorBody } from "./medusa.server"
import type { PickupApi } from "./pickup.server"

/**
 * "Never a dead end" (issue 10): when the cycle a resident chose closes while
 * they check out, checkout answers on the form with the reason and the next
 * open cycle, which the resident takes in one tap. Nothing here places or
 * moves an order; it only finds what to offer.
 */

/** The backend's refusal codes (409, the plugin's utils/checkout-refusal.ts) that are about the chosen cycle. */
const CYCLE_CODES: Record<string, CycleRefusalKind> = {
  cutoff_passed: "cutoff_passed",
  batch_closed: "batch_closed",
  point_full: "full",
  cycle_canceled: "canceled",
  no_cycle: "cutoff_passed",
}

const nextCycleSchema = z.object({
  id: z.string(),
  name: z.string(),
  resident_cutoff_at: z.string(),
  pickup_starts_at: z.string(),
  pickup_ends_at: z.string(),
})

/** The backend refused the chosen cycle: by the 409's `code`, else (an older backend) by its message; null for anything else. */
export function cycleRefusalOf(error: unknown): CycleRefusalKind | null {
  const status = statusOf(error)
  if (status !== 400 && status !== 409) return null
  const code = errorBody(error)?.code
  if (typeof code === "string") return CYCLE_CODES[code] ?? null
  return cycleRefusalKind(messageOf(error))
}

/**
 * The next open cycle the backend named in its refusal (`next_order_cycle`):
 * undefined when the answer does not say (then the page looks one up), null
 * when it says there is none.
 */
export function backendNextCycle(error: unknown): CycleView | null | undefined {
  const body = errorBody(error)
  if (!body || !("next_order_cycle" in body)) return undefined
  const parsed = nextCycleSchema.nullable().safeParse(body.next_order_cycle)
  if (!parsed.success) return undefined
  const c = parsed.data
  return c
    ? {
        id: c.id,
        name: c.name,
        cutoffAt: c.resident_cutoff_at,
        pickupStartsAt: c.pickup_starts_at,
        pickupEndsAt: c.pickup_ends_at,
        full: false,
      }
    : null
}

const productSchema = z.object({
  title: z.string(),
  variant_title: z.string().nullish(),
  requested: z.number(),
  available: z.number(),
})

/**
 * A refusal that is not about the cycle but that the resident can act on:
 * a product ran short (named, with what is left), too many checkouts at once,
 * or the point closed. The form message and its values; null for anything else.
 */
export function otherRefusalOf(error: unknown): { key: MessageKey; params: Record<string, string> } | null {
  if (statusOf(error) !== 409) return null
  const body = errorBody(error)
  switch (body?.code) {
    case "out_of_stock": {
      const p = productSchema.safeParse(body.product)
      if (!p.success) return { key: "checkout.stock.soldOut", params: { product: "" } }
      const product = p.data.variant_title ? `${p.data.title} ${p.data.variant_title}` : p.data.title
      return p.data.available > 0
        ? { key: "checkout.stock.short", params: { product, available: String(p.data.available) } }
        : { key: "checkout.stock.soldOut", params: { product } }
    }
    case "busy":
      return { key: "checkout.busy", params: {} }
    case "point_inactive":
      return { key: "checkout.pointInactive", params: {} }
    default:
      return null
  }
}

/** How many candidates are checked against availability before saying none is open (each costs one call). */
const MAX_CHECKS = 3

/**
 * The refusal and what to offer instead: the next cycle the backend named in
 * its refusal when it did; else the first cycle still open at the point after
 * the refused one (else the nearest open one), checked against availability so
 * a cycle whose batch already left is never offered.
 */
export async function cycleRefusal(
  pickup: PickupApi,
  pointId: string,
  said: CycleRefusalKind | null,
  refusedId: string | null,
  known: ReadonlyArray<CycleView>,
  now = Date.now(),
  /** The next cycle the backend named (by the same rule checkout applies): taken as it is, no look-up. */
  named?: CycleView | null
): Promise<CycleRefusal> {
  if (said && named !== undefined) {
    return { kind: said, refusedId, refused: known.find((c) => c.id === refusedId) ?? null, next: named }
  }
  const [fresh, kind] = await Promise.all([
    optionalExtra(`order cycles at ${pointId} after a refusal`, () => pickup.cycles(pointId)),
    said ?? refusedKind(pickup, pointId, refusedId),
  ])
  const cycles = fresh ?? known
  const refused = known.find((c) => c.id === refusedId) ?? cycles.find((c) => c.id === refusedId) ?? null
  const open = cycles.filter((c) => c.id !== refusedId && Date.parse(c.cutoffAt) > now && !c.full)
  const after = refused ? open.filter((c) => Date.parse(c.pickupStartsAt) > Date.parse(refused.pickupStartsAt)) : open
  const candidates = [...after, ...open.filter((c) => !after.includes(c))].slice(0, MAX_CHECKS)
  for (const candidate of candidates) {
    const availability = await optionalExtra(`availability of ${candidate.id} at ${pointId}`, () =>
      pickup.availability(pointId, candidate.id)
    )
    // Unknown availability: offer it; checkout decides again when the resident takes it.
    if (!availability || availability.open) return { kind, refusedId, refused, next: candidate }
  }
  return { kind, refusedId, refused, next: null }
}

/**
 * Why a cycle no longer listed as open refuses, from its availability: its
 * cutoff passed, its batch left, or it was canceled. A cutoff when unknown.
 */
async function refusedKind(pickup: PickupApi, pointId: string, cycleId: string | null): Promise<CycleRefusalKind> {
  const availability = cycleId
    ? await optionalExtra(`availability of ${cycleId} at ${pointId}`, () => pickup.availability(pointId, cycleId))
    : null
  switch (availability?.reason) {
    case "batch_closed":
      return "batch_closed"
    case "no_cycle":
      return "canceled"
    case "cutoff_passed":
      return "cutoff_passed"
  }
  if (availability?.open && availability.remaining.chilled <= 0 && availability.remaining.ambient <= 0) return "full"
  return "cutoff_passed"
}
