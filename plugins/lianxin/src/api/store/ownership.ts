import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { attachGuestCustomerToCartWorkflow } from "../../workflows/identity/attach-guest-customer"
import { customerIdOf } from "./helpers/order-proof"

/**
 * Who may read and change orders and carts through Medusa's own store routes
 * (issue 11, decision 015). Medusa answers GET /store/orders/:id to anyone
 * holding the id and attaches a cart to whatever account uses the cart's
 * email; these guards run before every such route (global middlewares run
 * before route handlers).
 */

const notFound = (what: string, id: string) =>
  new MedusaError(MedusaError.Types.NOT_FOUND, `${what} with id: ${id} was not found`)

type Handler = (req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => Promise<void>

/** Express hands async errors to the error handler only when passed to next. */
const guarded = (fn: Handler) => (req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
  fn(req, res, next).catch(next)

/**
 * /store/orders/:id and below. Reading an order through Medusa is for the
 * signed-in customer it belongs to; a guest reads their order through
 * GET /store/lianxin/orders/:id with the cart as proof. Medusa's order
 * transfer (request/accept/decline/cancel) is not offered: it returns the
 * order to any signed-in stranger who asks, and guest orders join an account
 * only with our proofs (POST /store/lianxin/orders/claim*). Both answer the
 * 404 of an order that does not exist.
 */
export const ownOrderOnly = guarded(async (req, _res, next) => {
  const id = req.params.id
  const rest = req.path.replace(/\/+$/, "")
  if (rest.startsWith("/transfer")) throw notFound("Order", id)
  const customerId = customerIdOf(req)
  if (!customerId) throw notFound("Order", id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id } })
  const [order] = data
  if (!order || order.customer_id !== customerId) throw notFound("Order", id)
  next()
})

/** The cart's customer when it has an account: then only that customer may use the cart. */
async function accountOwner(
  req: AuthenticatedMedusaRequest,
  cartId: string
): Promise<{ exists: boolean; owner: string | null }> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "customer.has_account"],
    filters: { id: cartId },
  })
  const [cart] = data
  if (!cart) return { exists: false, owner: null }
  return { exists: true, owner: cart.customer?.has_account ? cart.customer_id : null }
}

/**
 * /store/carts/:id and below (ours and Medusa's). A guest cart is its id's
 * holder's (the id is the proof, decision 007); a cart of an account is that
 * account's only: anyone else — anonymous or another customer — gets 404, so
 * an id that leaked shows no email or address. And a cart without a customer
 * that is given an email becomes that email's GUEST record's cart before
 * Medusa's update runs: Medusa would otherwise attach it to the account
 * registered with the email (anyone can register any email), and that
 * account would see the resident's order.
 */
export const ownCartOnly = guarded(async (req, _res, next) => {
  const id = req.params.id
  const { exists, owner } = await accountOwner(req, id)
  if (!exists) return next()
  if (owner && owner !== customerIdOf(req)) throw notFound("Cart", id)
  const body = (req.body ?? {}) as Record<string, unknown>
  const isCartUpdate = req.method === "POST" && /^\/?$/.test(req.path)
  if (isCartUpdate && !owner && typeof body.email === "string" && body.email.trim()) {
    await attachGuestCustomerToCartWorkflow(req.scope).run({ input: { cart_id: id, email: body.email } })
  }
  next()
})

/**
 * POST /store/carts with an email and no signed-in customer: Medusa would
 * attach the new cart to the account registered with that email. Refused
 * for everyone alike (the answer says nothing about the email): give the
 * email with POST /store/carts/:id or at checkout.
 */
export const noAnonymousCartEmail = guarded(async (req, _res, next) => {
  const body = (req.body ?? {}) as Record<string, unknown>
  if (req.method === "POST" && /^\/?$/.test(req.path) && body.email !== undefined && !customerIdOf(req)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "email: set it on the cart afterwards (POST /store/carts/:id) or at checkout; a new cart takes no email without a signed-in customer"
    )
  }
  next()
})

/** POST /store/payment-collections { cart_id }: the same rule as the cart's own routes. */
export const ownPaymentCart = guarded(async (req, _res, next) => {
  const cartId = (req.body as Record<string, unknown> | undefined)?.cart_id
  if (req.method === "POST" && typeof cartId === "string") {
    const { owner } = await accountOwner(req, cartId)
    if (owner && owner !== customerIdOf(req)) throw notFound("Cart", cartId)
  }
  next()
})

/** POST /store/returns { order_id }: only the signed-in owner of the order (we offer no returns to guests). */
export const ownReturnOrder = guarded(async (req, _res, next) => {
  const orderId = (req.body as Record<string, unknown> | undefined)?.order_id
  if (req.method === "POST" && typeof orderId === "string") {
    const customerId = customerIdOf(req)
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: orderId } })
    const [order] = data
    if (!customerId || !order || order.customer_id !== customerId) throw notFound("Order", orderId)
  }
  next()
})

/** Global (no methods): Medusa registers them before every route, its own included. */
export const storeOwnershipMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/orders/:id", middlewares: [ownOrderOnly] },
  { matcher: "/store/carts/:id", middlewares: [ownCartOnly] },
  { matcher: "/store/carts", middlewares: [noAnonymousCartEmail] },
  { matcher: "/store/payment-collections", middlewares: [ownPaymentCart] },
  { matcher: "/store/returns", middlewares: [ownReturnOrder] },
]
