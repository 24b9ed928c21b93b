import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { revealRegistryFieldWorkflow } from "../../../../../../workflows/household/reveal-registry-field"
import { noStore } from "../../../helpers"
import type { AdminRevealRegistryFieldType } from "./validators"

/** Returns one unmasked registry value; the access (who, field, reason) is logged first. */
export async function POST(req: AuthenticatedMedusaRequest<AdminRevealRegistryFieldType>, res: MedusaResponse) {
  const { result } = await revealRegistryFieldWorkflow(req.scope).run({
    input: {
      household_id: req.params.id,
      field: req.validatedBody.field,
      reason: req.validatedBody.reason,
      actor_id: req.auth_context.actor_id,
    },
  })
  noStore(res)
  res.json({ reveal: result })
}
