import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { customerIdOf } from "../helpers/order-proof"

export function residentOf(req: AuthenticatedMedusaRequest) {
  const id = customerIdOf(req)
  if (!id) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  return { type: "customer" as const, id }
}
