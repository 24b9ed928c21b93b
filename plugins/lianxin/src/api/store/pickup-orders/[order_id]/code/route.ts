import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { issuePickupCodeWorkflow } from "../../../../../workflows/pickup/counter"
import { parseOr400 } from "../../../../pickup-staff/helpers"
import { StoreEmptyQuery } from "../../../pickup-points/validators"
import { ownPickup } from "../helpers"
import { z } from "@medusajs/framework/zod"

/**
 * Issues a new pickup code and QR token and shows them this once: only their
 * HMAC is kept. Any earlier code (and QR) stops working.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  parseOr400(z.object({}).strict(), req.body)
  parseOr400(StoreEmptyQuery, req.query)
  const a = await ownPickup(req)
  const { result } = await issuePickupCodeWorkflow(req.scope).run({ input: { assignment_id: a.id } })
  res.setHeader("Cache-Control", "no-store")
  res.status(201).json({ pickup_code: { code: result.code, qr_token: result.qr_token } })
}
