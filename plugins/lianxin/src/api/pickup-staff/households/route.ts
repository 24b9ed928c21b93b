import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { registerOfficeHouseholdWorkflow } from "../../../workflows/listing/register-office-household"
import { households, listings, notFound, officeContext, officeHouseholdLinks, staffHouseholdViews } from "./office"
import type { StaffListHouseholdsQueryType, StaffRegisterHouseholdType } from "./validators"
import type { StaffHouseholdResponse, StaffHouseholdsResponse } from "../../contract"

/** The households registered through my offices, newest first; `q` searches code and display name. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, StaffListHouseholdsQueryType>,
  res: MedusaResponse<StaffHouseholdsResponse>
) {
  const ctx = await officeContext(req)
  const { q, limit, offset } = req.validatedQuery
  const links = await officeHouseholdLinks(req, ctx.officeIds)
  const ids = [...links.keys()]
  if (!ids.length) return res.json({ households: [], count: 0, offset, limit })
  const [rows, count] = await households(req).listAndCountHouseholds(
    { id: ids, ...(q ? { q } : {}) },
    {
      select: ["id"],
      take: limit,
      skip: offset,
      order: { created_at: "DESC" },
    }
  )
  res.json({
    households: await staffHouseholdViews(
      req,
      rows.map((r) => r.id)
    ),
    count,
    offset,
    limit,
  })
}

/**
 * Registers a household on its behalf. The same idempotency_key again (a
 * double tap, a retry after a lost answer) returns the household registered
 * the first time with 200.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<StaffRegisterHouseholdType>,
  res: MedusaResponse<StaffHouseholdResponse>
) {
  const ctx = await officeContext(req)
  const body = req.validatedBody
  if (!ctx.officeIds.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "You are not assigned to a pickup point of any property office"
    )
  }
  const officeId = body.property_office_id ?? ctx.officeIds[0]
  if (!ctx.officeIds.includes(officeId)) throw notFound("property office", officeId)

  const replay = async () => {
    const [done] = await listings(req).listOfficeRegistrations({ idempotency_key: body.idempotency_key }, { take: 1 })
    if (!done) return false
    if (!ctx.officeIds.includes(done.property_office_id)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "idempotency_key: already used for another request; make a new one"
      )
    }
    const [household] = await staffHouseholdViews(req, [done.household_id])
    res.status(200).json({ household })
    return true
  }
  if (await replay()) return

  const registry = body.registry
    ? {
        legal_name: body.registry.legal_name || null,
        national_id: body.registry.national_id,
        poverty_status: body.registry.poverty_registered ? ("registered" as const) : ("none" as const),
        phone: body.registry.phone ?? null,
        bank:
          body.registry.bank_name && body.registry.bank_account
            ? { bank_name: body.registry.bank_name, account: body.registry.bank_account }
            : null,
      }
    : null
  let householdId: string
  try {
    const { result } = await registerOfficeHouseholdWorkflow(req.scope).run({
      input: {
        staff_id: ctx.staffId,
        property_office_id: officeId,
        idempotency_key: body.idempotency_key,
        village_id: body.village_id,
        cooperative_id: body.cooperative_id ?? null,
        display_name: body.display_name,
        story: body.story ?? null,
        consent: body.consent,
        registry,
      },
    })
    householdId = result.household_id
  } catch (error) {
    // Two taps racing: the later one met a unique key (code or idempotency key)
    // and rolled back; the first one may still be finishing its last steps.
    for (let wait = 0; wait < 2_000; wait += 250) {
      if (await replay()) return
      await new Promise((r) => setTimeout(r, 250))
    }
    throw error
  }
  const [household] = await staffHouseholdViews(req, [householdId])
  res.status(201).json({ household })
}
