import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { staffContext } from "../helpers"

export async function staffRecipient(req: AuthenticatedMedusaRequest) {
  const { staffId } = await staffContext(req)
  return { type: "staff" as const, id: staffId }
}
