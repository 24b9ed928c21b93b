import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { pickup } from "../../pickup-staff/helpers"

/** A point as residents see it (list element, detail, remembered point). */
export function publicPoint(p: any, remembered: string | null) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    remembered: p.id === remembered,
    office: {
      id: p.office.id,
      company: p.office.company,
      compound_name: p.office.compound_name,
      address: p.office.address,
      city: p.office.city,
      district: p.office.district,
      latitude: p.office.latitude,
      longitude: p.office.longitude,
      phone: p.office.phone,
      opening_hours: p.office.opening_hours,
    },
  }
}

/** An active point of an active office, with its office; 404 otherwise (inactive points do not exist for residents). */
export async function activePoint(req: MedusaRequest, id: string) {
  const [point] = await pickup(req).listPickupPoints({ id, is_active: true }, { take: 1, relations: ["office"] })
  if (!point || !(point as any).office?.is_active) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `pickup point ${id} was not found`)
  }
  return point as any
}

/** Places left per storage class in one batch (a hint: checkout decides). */
export function placesLeft(point: any, batch: any) {
  return {
    chilled: Math.max(0, Number(point.capacity_chilled) - Number(batch?.reserved_chilled ?? 0)),
    ambient: Math.max(0, Number(point.capacity_ambient) - Number(batch?.reserved_ambient ?? 0)),
  }
}

/** Cycles still open for orders at this point, nearest cutoff first, with places left. */
export async function openCycles(req: MedusaRequest, point: any, now = new Date()) {
  const svc = pickup(req)
  const cycles = await svc.listOrderCycles(
    { resident_cutoff_at: { $gt: now }, canceled_at: null },
    { take: 50, order: { resident_cutoff_at: "ASC" } }
  )
  const batches = cycles.length
    ? await svc.listPickupBatches({ point_id: point.id, cycle_id: cycles.map((c) => c.id) }, { take: 50 })
    : []
  return cycles.map((c) => ({
    id: c.id,
    name: c.name,
    rhythm: c.rhythm,
    resident_cutoff_at: c.resident_cutoff_at,
    pickup_starts_at: c.pickup_starts_at,
    pickup_ends_at: c.pickup_ends_at,
    places_left: placesLeft(point, batches.find((b: any) => b.cycle_id === c.id)),
  }))
}
