import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { rememberPickupPointWorkflow } from "../../../../../workflows/pickup/remember-pickup-point"
import { parseOr400 } from "../../../../utils/zod-issues"
import { pickup } from "../../../../pickup-staff/helpers"
import { customerIdOf } from "../../../helpers/order-proof"
import { publicPoint } from "../../../pickup-points/helpers"
import { StoreEmptyQuery, StoreRememberPointBody } from "../../../pickup-points/validators"

function signedIn(req: AuthenticatedMedusaRequest) {
  const id = customerIdOf(req)
  if (!id) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  return id
}

async function readPoint(req: AuthenticatedMedusaRequest, customerId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "pickup_point.id"], filters: { id: customerId } })
  const id = (data[0] as any)?.pickup_point?.id as string | undefined
  if (!id) return null
  const [point] = await pickup(req).listPickupPoints({ id, is_active: true }, { take: 1, relations: ["office"] })
  // A point that was closed since is not offered any more.
  return point && (point as any).office?.is_active ? publicPoint(point, id) : null
}

/** The compound remembered on the account (null when none, or it closed since). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  parseOr400(StoreEmptyQuery, req.query)
  res.json({ pickup_point: await readPoint(req, signedIn(req)) })
}

/** Remembers the compound on the account, so the next device offers it first. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customerId = signedIn(req)
  const body = parseOr400(StoreRememberPointBody, req.body)
  await rememberPickupPointWorkflow(req.scope).run({ input: { customer_id: customerId, pickup_point_id: body.pickup_point_id } })
  res.json({ pickup_point: await readPoint(req, customerId) })
}
