import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { officeContext, ownHousehold } from "../../office"
import type { StaffCounterQueryType } from "../../validators"
import type { StaffHouseholdCounterResponse } from "../../../../contract"
import { readHouseholdCounter } from "./read-model"

/**
 * GET /pickup-staff/households/:id/counter[?cycle_id=]
 * The household's own view at the counter (read-model.ts), for staff of the
 * office it was registered through only: any other household is a 404.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, StaffCounterQueryType>,
  res: MedusaResponse<StaffHouseholdCounterResponse>
) {
  const ctx = await officeContext(req)
  const householdId = req.params.id
  await ownHousehold(req, ctx, householdId)
  res.json(await readHouseholdCounter(req.scope, { household_id: householdId, cycle_id: req.validatedQuery.cycle_id }))
}
