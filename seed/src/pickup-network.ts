import type { RemoteQueryFunction } from "@medusajs/framework/types"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runWorkflow } from "./producers"

export type PickupNetworkSeed = Array<{
  office: {
    company: string
    compoundName: string
    address: string
    city: string
    district: string
    phone: string
    latitude?: number
    longitude?: number
  }
  point: { code: string; name: string; capacityChilled: number; capacityAmbient: number }
  staff: { name: string; email: string; password: string }
  /** Codes of households registered through this office (its staff list produce for them). */
  households?: readonly string[]
}>

/** Medusa's typed query (the container's `query`). */
type Query = Omit<RemoteQueryFunction, symbol>

/**
 * Property offices with one pickup point each, a staff login per point, and
 * the daily order cycles that keep the shop open (as of `now`). Creates only
 * what is missing; returns point code → id.
 */
export async function ensurePickupNetwork(
  container: MedusaContainer,
  network: PickupNetworkSeed,
  now: Date = new Date()
): Promise<Map<string, string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const pointIds = new Map<string, string>()
  for (const entry of network) {
    const { data: offices } = await query.graph({
      entity: "property_office",
      fields: ["id"],
      filters: { compound_name: entry.office.compoundName, city: entry.office.city },
    })
    let officeId = offices[0]?.id as string | undefined
    if (!officeId) {
      const [office] = await runWorkflow<Array<{ id: string }>>(container, "create-property-offices", {
        offices: [
          {
            company: entry.office.company,
            compound_name: entry.office.compoundName,
            address: entry.office.address,
            city: entry.office.city,
            district: entry.office.district,
            phone: entry.office.phone,
            latitude: entry.office.latitude ?? null,
            longitude: entry.office.longitude ?? null,
            opening_hours: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: "08:00", closes: "20:30" }],
          },
        ],
      })
      officeId = office.id
    }
    const { data: points } = await query.graph({
      entity: "pickup_point",
      fields: ["id"],
      filters: { code: entry.point.code },
    })
    let pointId = points[0]?.id as string | undefined
    if (!pointId) {
      const [point] = await runWorkflow<Array<{ id: string }>>(container, "create-pickup-points", {
        points: [
          {
            office_id: officeId,
            code: entry.point.code,
            name: entry.point.name,
            capacity_chilled: entry.point.capacityChilled,
            capacity_ambient: entry.point.capacityAmbient,
          },
        ],
      })
      pointId = point.id
    }
    pointIds.set(entry.point.code, pointId)
    if (entry.households?.length) await ensureOfficeHouseholds(container, query, officeId, entry.households)
    const { data: staff } = await query.graph({
      entity: "pickup_staff",
      fields: ["id"],
      filters: { email: entry.staff.email.toLowerCase() },
    })
    if (!staff.length) {
      await runWorkflow(container, "create-pickup-staff", {
        name: entry.staff.name,
        email: entry.staff.email,
        password: entry.staff.password,
        point_ids: [pointId],
      })
    }
  }
  await ensureOrderCycles(container, now)
  return pointIds
}

/** Links the office to the households it registered, those not linked yet (by household code). */
async function ensureOfficeHouseholds(
  container: MedusaContainer,
  query: Query,
  officeId: string,
  codes: readonly string[]
) {
  const { data: households } = await query.graph({
    entity: "household",
    fields: ["id", "code"],
    filters: { code: [...codes] },
  })
  const missing = codes.filter((c) => !households.some((h) => h.code === c))
  if (missing.length) throw new Error(`Seed: office households ${missing.join(", ")} do not exist`)
  const { data: offices } = await query.graph({
    entity: "property_office",
    fields: ["id", "households.id"],
    filters: { id: officeId },
  })
  const linked = new Set<string>((offices[0]?.households ?? []).map((h: { id: string }) => h.id))
  const toLink = households.filter((h) => !linked.has(h.id)).map((h) => h.id as string)
  if (toLink.length) {
    await runWorkflow(container, "link-office-households", { property_office_id: officeId, household_ids: toLink })
  }
}

/** The daily cycles residents can order into from `now` (three order days), created where missing. */
export async function ensureOrderCycles(container: MedusaContainer, now: Date = new Date()): Promise<void> {
  await runWorkflow(container, "ensure-upcoming-order-cycles", { days: 3, now })
}
