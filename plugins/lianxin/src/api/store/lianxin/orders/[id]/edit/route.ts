import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { editPickupOrderWorkflow } from "../../../../../../workflows/pickup/edit-pickup-order"
import { EDIT_REFUSALS } from "../../../../../../workflows/pickup/steps/order-edit"
import { customerIdOf } from "../../../../helpers/order-proof"
import type { StoreEditOrderBodyType } from "../../validators"

/**
 * The resident edits a placed order before its cycle's cutoff (decision 024):
 * the signed-in customer, or the guest with { cart_id } of the cart it was
 * placed from (the workflow's first step decides). Someone else's order is a 404; a refused edit (cutoff passed,
 * stale version, stock, online-paid increase, every line removed) a 409 with
 * its code; bad input a 400 naming the field.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreEditOrderBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result, errors } = await editPickupOrderWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      customer_id: customerIdOf(req),
      cart_id: body.cart_id,
      version: body.version,
      items: body.items,
    },
    throwOnError: false,
  })
  if (errors?.length) {
    const error = errors[0].error as { type?: string; code?: string; message?: string }
    // Medusa's error handler replaces every 409 message with a generic one; the resident needs to read why.
    if (error?.type === MedusaError.Types.CONFLICT) {
      res.status(409).json({ type: "conflict", code: error.code ?? null, message: error.message })
      return
    }
    // The order is being edited by another request that holds its lock.
    if (/lock/i.test(error?.message ?? "") && !error?.type) {
      res.status(409).json({ type: "conflict", code: "edit_in_progress", message: EDIT_REFUSALS.edit_in_progress })
      return
    }
    throw error
  }
  res.json({ order_edit: result })
}
