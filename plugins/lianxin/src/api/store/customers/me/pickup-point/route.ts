import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { rememberPickupPointWorkflow } from "../../../../../workflows/pickup/remember-pickup-point"
import { pickup } from "../../../../pickup-staff/helpers"
import { customerIdOf } from "../../../helpers/order-proof"
import { publicPoint, rememberedPointId } from "../../../pickup-points/helpers"
import type { StoreRememberPointBodyType } from "../../../pickup-points/validators"

function signedIn(req: AuthenticatedMedusaRequest) {
  const id = customerIdOf(req)
  if (!id) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  return id
}

async function readPoint(req: AuthenticatedMedusaRequest, customerId: string) {
  const id = await rememberedPointId(req, customerId)
  if (!id) return null
  const [point] = await pickup(req).listPickupPoints({ id, is_active: true }, { take: 1, relations: ["office"] })
  // A point that was closed since is not offered any more.
  return point?.office?.is_active ? publicPoint(point, id) : null
}

/** The compound remembered on the account (null when none, or it closed since). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ pickup_point: await readPoint(req, signedIn(req)) })
}

/** Remembers the compound on the account, so the next device offers it first. */
export async function POST(req: AuthenticatedMedusaRequest<StoreRememberPointBodyType>, res: MedusaResponse) {
  const customerId = signedIn(req)
  const body = req.validatedBody
  await rememberPickupPointWorkflow(req.scope).run({
    input: { customer_id: customerId, pickup_point_id: body.pickup_point_id },
  })
  res.json({ pickup_point: await readPoint(req, customerId) })
}
