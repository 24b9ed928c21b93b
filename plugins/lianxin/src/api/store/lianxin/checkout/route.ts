import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { transferCartCustomerWorkflow } from "@medusajs/medusa/core-flows"
import { issuePickupCodeWorkflow } from "../../../../workflows/pickup/issue-pickup-code"
import { placePickupOrderWorkflow } from "../../../../workflows/pickup/place-pickup-order"
import { CheckoutRefusal } from "../../../../utils/checkout-refusal"
import { pickup } from "../../../pickup-staff/helpers"
import { customerIdOf } from "../../helpers/order-proof"
import type { StoreLianxinCheckoutBodyType } from "./validators"
import type { StoreCheckoutResponse } from "../../../contract"

/**
 * The whole checkout in one request (issue 10): contact, pickup point and
 * cycle, the pickup shipping method, payment and — paying at pickup — the
 * order, in one workflow (place-pickup-order), then the pickup code shown
 * this once. A refusal is a 409 with its code and the next open cycle
 * (utils/checkout-refusal). For the cart's signed-in customer (a guest cart is
 * given to them first, as POST /store/carts/:id/customer does) or a guest
 * holding the cart id; anyone else's cart is a 404.
 *
 * → { type: "order", order: { id }, pickup, pickup_code: { code, qr_token } | null }
 * → { type: "payment", payment_collection_id, pickup }   (complete: false)
 */
export async function POST(
  req: AuthenticatedMedusaRequest<StoreLianxinCheckoutBodyType>,
  res: MedusaResponse<StoreCheckoutResponse>
) {
  const body = req.validatedBody
  const customerId = customerIdOf(req)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "customer.has_account", "completed_at"],
    filters: { id: body.cart_id },
  })
  const [cart] = data as Array<{
    id: string
    customer_id: string | null
    customer?: { has_account: boolean } | null
    completed_at: Date | string | null
  }>
  if (!cart || (cart.customer?.has_account && cart.customer_id !== customerId)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `cart ${body.cart_id} was not found`)
  }
  if (cart.completed_at) {
    // A retry whose first try placed the order but lost the answer (a server died, the network dropped):
    // the refusal names the order, so the client shows it instead of an error (docs/deploy.md).
    const { data: placed } = await query.graph({
      entity: "order_cart",
      fields: ["order_id"],
      filters: { cart_id: cart.id },
    })
    const [link] = placed as Array<{ order_id: string }>
    throw new CheckoutRefusal("cart_completed", { order_id: link?.order_id ?? null })
  }
  if (customerId && cart.customer_id !== customerId) {
    await transferCartCustomerWorkflow(req.scope).run({ input: { id: cart.id, customer_id: customerId } })
  }
  const { result } = await placePickupOrderWorkflow(req.scope)
    .run({ input: { ...body, email: customerId ? null : (body.email ?? null) } })
    .catch((error: unknown) => {
      // The cart's lock is held by another checkout of it (a double submit, or a server that died holding it until
      // the lock expires): a refusal the resident can act on ("wait a few seconds and submit again"), not Medusa's
      // generic conflict.
      if ((error as { type?: string } | null)?.type === MedusaError.Types.CONFLICT) throw new CheckoutRefusal("busy")
      throw error
    })
  res.setHeader("Cache-Control", "no-store")
  if (!result.order_id) {
    if (!result.payment_collection_id)
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `cart ${body.cart_id} has no payment collection`)
    res.json({ type: "payment", payment_collection_id: result.payment_collection_id, pickup: result.pickup })
    return
  }
  // The code and QR the resident sees (only their HMAC is kept). The order stands without them: the order page issues one.
  let code: { code: string; qr_token: string } | null = null
  try {
    const [assignment] = await pickup(req).listPickupAssignments(
      { order_id: result.order_id },
      { take: 1, select: ["id"] }
    )
    if (assignment) {
      const { result: issued } = await issuePickupCodeWorkflow(req.scope).run({
        input: { assignment_id: assignment.id },
      })
      code = { code: issued.code, qr_token: issued.qr_token }
    }
  } catch (error) {
    req.scope
      .resolve("logger")
      .warn(`[checkout] order ${result.order_id} placed, its pickup code not issued: ${(error as Error).message}`)
  }
  res.json({ type: "order", order: { id: result.order_id }, pickup: result.pickup, pickup_code: code })
}
