import { cycleRefusalKind, type CycleRefusal, type CycleRefusalKind } from "../checkout-refusal"
import type { CycleView } from "../commerce"
import { optionalExtra } from "./community.server"
import { messageOf, statusOf } from "./http.server"
import type { PickupApi } from "./pickup.server"

/**
 * "Never a dead end" (issue 10): when the cycle a resident chose closes while
 * they check out, checkout answers on the form with the reason and the next
 * open cycle, which the resident takes in one tap. Nothing here places or
 * moves an order; it only finds what to offer.
 */

/** The backend refused the chosen cycle (400/409 with one of the pickup module's reasons); null for anything else. */
export function cycleRefusalOf(error: unknown): CycleRefusalKind | null {
  const status = statusOf(error)
  if (status !== 400 && status !== 409) return null
  return cycleRefusalKind(messageOf(error))
}

/** How many candidates are checked against availability before saying none is open (each costs one call). */
const MAX_CHECKS = 3

/**
 * The refusal and what to offer instead: the first cycle still open at the
 * point after the refused one (else the nearest open one), checked against
 * availability so a cycle whose batch already left is never offered.
 */
export async function cycleRefusal(
  pickup: PickupApi,
  pointId: string,
  said: CycleRefusalKind | null,
  refusedId: string | null,
  known: ReadonlyArray<CycleView>,
  now = Date.now()
): Promise<CycleRefusal> {
  const [fresh, kind] = await Promise.all([
    optionalExtra(`order cycles at ${pointId} after a refusal`, () => pickup.cycles(pointId)),
    said ?? refusedKind(pickup, pointId, refusedId),
  ])
  const cycles = fresh?.available ? fresh.cycles : known
  const refused = known.find((c) => c.id === refusedId) ?? cycles.find((c) => c.id === refusedId) ?? null
  const open = cycles.filter((c) => c.id !== refusedId && Date.parse(c.cutoffAt) > now && !c.full)
  const after = refused ? open.filter((c) => Date.parse(c.pickupStartsAt) > Date.parse(refused.pickupStartsAt)) : open
  const candidates = [...after, ...open.filter((c) => !after.includes(c))].slice(0, MAX_CHECKS)
  for (const candidate of candidates) {
    const availability = await optionalExtra(`availability of ${candidate.id} at ${pointId}`, () => pickup.availability(pointId, candidate.id))
    // Unknown availability: offer it; checkout decides again when the resident takes it.
    if (!availability || availability.open) return { kind, refused, next: candidate }
  }
  return { kind, refused, next: null }
}

/**
 * Why a cycle no longer listed as open refuses, from its availability: its
 * cutoff passed, its batch left, or it was canceled. A cutoff when unknown.
 */
async function refusedKind(pickup: PickupApi, pointId: string, cycleId: string | null): Promise<CycleRefusalKind> {
  const availability = cycleId ? await optionalExtra(`availability of ${cycleId} at ${pointId}`, () => pickup.availability(pointId, cycleId)) : null
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
