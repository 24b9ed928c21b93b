import type { AuthenticatedMedusaRequest, MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { HOUSEHOLD_MODULE, type HouseholdModuleService } from "../../../modules/household"
import { LISTING_MODULE, type ListingModuleService } from "../../../modules/listing"
import { pickup, staffContext } from "../helpers"

/*
 * Office scoping for the listing-for-farmers routes: staff act for the
 * property offices of their pickup points; households registered through
 * another office, and listings of another office, do not exist for them (404).
 */

export const households = (req: MedusaRequest) => req.scope.resolve<HouseholdModuleService>(HOUSEHOLD_MODULE)
export const listings = (req: MedusaRequest) => req.scope.resolve<ListingModuleService>(LISTING_MODULE)

export type OfficeContext = { staffId: string; pointIds: string[]; officeIds: string[] }

/** The signed-in staff member, their points and the offices of those points (sorted, first is the default). */
export async function officeContext(req: AuthenticatedMedusaRequest): Promise<OfficeContext> {
  const ctx = await staffContext(req)
  const points = ctx.pointIds.length
    ? await pickup(req).listPickupPoints({ id: ctx.pointIds }, { take: 1000, select: ["id", "office_id"] })
    : []
  const officeIds = [...new Set(points.map((p) => p.office_id))].sort()
  return { ...ctx, officeIds }
}

export const notFound = (what: string, id: string) =>
  new MedusaError(MedusaError.Types.NOT_FOUND, `${what} ${id} was not found`)

/** household id → the first of my offices it was registered through. */
export async function officeHouseholdLinks(req: MedusaRequest, officeIds: string[], householdIds?: string[]) {
  if (!officeIds.length) return new Map<string, string>()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    // The entry point of links/household-property-office.ts (its `entryPoint`, spelled out so Query types the rows).
    entity: "household_property_office",
    fields: ["household_id", "property_office_id"],
    filters: { property_office_id: officeIds, ...(householdIds ? { household_id: householdIds } : {}) },
  })
  const map = new Map<string, string>()
  for (const row of data) {
    if (!map.has(row.household_id)) map.set(row.household_id, row.property_office_id)
  }
  return map
}

/** 404 unless the household was registered through one of my offices; returns that office. */
export async function ownHousehold(req: MedusaRequest, ctx: OfficeContext, householdId: string) {
  const links = await officeHouseholdLinks(req, ctx.officeIds, [householdId])
  const officeId = links.get(householdId)
  if (!officeId) throw notFound("household", householdId)
  return officeId
}

/** What staff see of a household: public fields, consent flags and which registry fields are on file — never a value. */
export function staffHouseholdViews(req: MedusaRequest, ids: string[]) {
  return householdViews(req.scope, ids)
}

/** staffHouseholdViews for a read model, which has the container, not the request. */
export async function householdViews(scope: MedusaContainer, ids: string[]) {
  if (!ids.length) return []
  const service = scope.resolve<HouseholdModuleService>(HOUSEHOLD_MODULE)
  const [rows, registries] = await Promise.all([
    service.listHouseholds({ id: ids }, { relations: ["village", "cooperative"], take: ids.length }),
    service.listHouseholdRegistries(
      { household_id: ids },
      {
        select: ["household_id", "legal_name_enc", "national_id_enc", "phone_enc", "bank_account_enc"],
        take: ids.length,
      }
    ),
  ])
  const recorded = new Map(
    registries.map((r) => [
      r.household_id,
      {
        legal_name: !!r.legal_name_enc,
        national_id: !!r.national_id_enc,
        phone: !!r.phone_enc,
        bank: !!r.bank_account_enc,
      },
    ])
  )
  const byId = new Map(rows.map((h) => [h.id, h]))
  return ids
    .filter((id) => byId.has(id))
    .map((id) => {
      const h = byId.get(id)!
      return {
        id: h.id,
        code: h.code,
        display_name: h.display_name,
        story: h.story ?? null,
        village: { id: h.village.id, name: h.village.name },
        cooperative: h.cooperative ? { id: h.cooperative.id, name: h.cooperative.name } : null,
        consent: { public_profile: !!h.public_profile_consent, registry: !!h.registry_data_consent },
        registry_recorded: recorded.get(id) ?? { legal_name: false, national_id: false, phone: false, bank: false },
        created_at: h.created_at,
      }
    })
}
