import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { HOUSEHOLD_MODULE, type HouseholdModuleService } from "../../../../../modules/household"
import { setHouseholdRegistryWorkflow } from "../../../../../workflows/household/set-household-registry"
import { noStore, refetchOne } from "../../helpers"
import type { AdminSetHouseholdRegistryType } from "./validators"

/** Registry data, masked. `registry` is null when none is stored. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await refetchOne(req.scope, "household", req.params.id, ["id"])
  const service = req.scope.resolve<HouseholdModuleService>(HOUSEHOLD_MODULE)
  noStore(res)
  res.json({ registry: await service.retrieveMaskedRegistry(req.params.id) })
}

/** Sets or replaces the registry data (needs a granted registry_data consent); answers masked. */
export async function POST(req: AuthenticatedMedusaRequest<AdminSetHouseholdRegistryType>, res: MedusaResponse) {
  await setHouseholdRegistryWorkflow(req.scope).run({
    input: { household_id: req.params.id, data: req.validatedBody },
  })
  const service = req.scope.resolve<HouseholdModuleService>(HOUSEHOLD_MODULE)
  noStore(res)
  res.json({ registry: await service.retrieveMaskedRegistry(req.params.id) })
}
