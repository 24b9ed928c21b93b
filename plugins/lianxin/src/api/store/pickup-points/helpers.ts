import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { nowOf } from "../../../utils/clock"
import { cycleOffer, offeredCycles } from "../../../utils/order-rule"
import type PickupModuleService from "../../../modules/pickup/service"
import type { StoreOpeningHours } from "../../contract"
import { pickup } from "../../pickup-staff/helpers"

type PointRow = Awaited<ReturnType<PickupModuleService["listPickupPoints"]>>[number]

/** A point as residents see it (list element, detail, remembered point). */
export function publicPoint(p: PointRow, remembered: string | null) {
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
      // A JSON column: written only through the offices' validator (admin/pickup-offices/validators.ts).
      opening_hours: p.office.opening_hours as StoreOpeningHours[] | null,
    },
  }
}

/** The point remembered on the customer's account (the customer ↔ pickup point link), or null. */
export async function rememberedPointId(req: MedusaRequest, customerId: string): Promise<string | null> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "pickup_point.id"],
    filters: { id: customerId },
  })
  return data[0]?.pickup_point?.id ?? null
}

/** An active point of an active office, with its office; 404 otherwise (inactive points do not exist for residents). */
export async function activePoint(req: MedusaRequest, id: string) {
  const [point] = await pickup(req).listPickupPoints({ id, is_active: true }, { take: 1, relations: ["office"] })
  if (!point?.office?.is_active) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `pickup point ${id} was not found`)
  }
  return point
}

/**
 * The cycles offered at this point now, nearest cutoff first: those the
 * ordering rule (utils/order-rule) lets take an order of at least one storage
 * class, with the places each class has left (0 for a class that is full).
 * The first is the next open cycle — what the shop preselects and what a cart
 * without a cycle gets.
 */
export async function openCycles(req: MedusaRequest, point: { id: string }) {
  const now = nowOf(req.scope)
  const { cycles } = await pickup(req).cyclesAtPoint({ point_id: point.id, now })
  return offeredCycles(cycles, now).map((s) => ({
    id: s.cycle.id,
    name: s.cycle.name,
    rhythm: s.cycle.rhythm,
    resident_cutoff_at: new Date(s.cycle.resident_cutoff_at).toISOString(),
    pickup_starts_at: new Date(s.cycle.pickup_starts_at).toISOString(),
    pickup_ends_at: new Date(s.cycle.pickup_ends_at).toISOString(),
    places_left: cycleOffer(s, now).places_left,
  }))
}
