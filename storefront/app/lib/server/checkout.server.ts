import { redirect } from "react-router"
import { z } from "zod"
import { checkoutAnswerSchema } from "../contract"
import { checkoutSchema, parseForm, type FieldErrors } from "../forms"
import { errorResponse, messageOf, PRIVATE_HEADERS, statusOf, withSession, type Sessions } from "./http.server"
import { compoundFromCookieHeader } from "./session.server"
import { loadCompound, orUnavailable } from "./pages.server"
import { errorBody, type StoreClient } from "./medusa.server"
import type { PickupApi } from "./pickup.server"
import { orderableCycles, type CycleView } from "../commerce"
import type { CycleRefusal, CycleRefusalKind } from "../checkout-refusal"
import { backendNextCycle, cycleRefusal, cycleRefusalOf, otherRefusalOf } from "./checkout-refusal.server"
import { readCart } from "./cart.server"
import { availableMethods, beginOnlinePayment, finishPlacedOrder } from "./payment.server"

/** Where a resident without a chosen compound is sent; choosing one comes back to checkout. */
export const CHOOSE_COMPOUND_FOR_CHECKOUT = "/compound?redirectTo=%2Fcheckout"

/** The backend refuses a cart without a chosen pickup point once points exist. */
export function isNoPointRefusal(error: unknown): boolean {
  return /请先选择自提点|choose a pickup point/i.test(messageOf(error))
}

/** The open cycle checkout offers: the nearest cutoff still ahead that has room. */
export function nextCycle(cycles: CycleView[], now = Date.now()): CycleView | null {
  return cycles.find((c) => Date.parse(c.cutoffAt) > now && !c.full) ?? null
}

export type CheckoutActionData = {
  ok: false
  errors: FieldErrors
  values?: Record<string, string>
  reason?: string
  /** The values of the form message (a product that ran short: {product}, {available}). */
  params?: Record<string, string>
  /** The chosen cycle closed: why, and the next open one to take in one tap (never taken silently). */
  refusal?: CycleRefusal
}

const refusedCycleSchema = z.object({
  id: z.string(),
  name: z.string(),
  resident_cutoff_at: z.string(),
  pickup_starts_at: z.string(),
  pickup_ends_at: z.string(),
})

/** The cycle the backend's refusal names as refused (its window words the message), if it does. */
function refusedCycleOf(error: unknown): CycleView | null {
  const parsed = refusedCycleSchema.safeParse(errorBody(error)?.order_cycle)
  if (!parsed.success) return null
  const c = parsed.data
  return {
    id: c.id,
    name: c.name,
    cutoffAt: c.resident_cutoff_at,
    pickupStartsAt: c.pickup_starts_at,
    pickupEndsAt: c.pickup_ends_at,
    full: false,
  }
}

/**
 * Places the order with one backend request: POST /store/lianxin/checkout
 * does contact, pickup point and cycle, the pickup shipping method, payment
 * and the order in one workflow, and answers with the pickup summary and the
 * code to show. (Before: eleven requests one after another.) Online payment:
 * the same request prepares the cart, then the payment session opens.
 * Refusals the resident can fix come back to the form; a cycle that closed
 * meanwhile comes back too (409), with the next open cycle the backend named,
 * never taken silently.
 */
export async function checkoutAction(store: StoreClient, sessions: Sessions, pickup: PickupApi, request: Request) {
  const session = await sessions.get(request)
  const parsed = parseForm(checkoutSchema, await request.formData())
  if (!parsed.ok) {
    return withSession(
      sessions,
      request,
      session,
      { ok: false, errors: parsed.errors, values: parsed.values } as CheckoutActionData,
      { status: 400 }
    )
  }
  const toCart = async () => {
    throw redirect("/cart", { status: 303, headers: { "Set-Cookie": await sessions.commit(request, session) } })
  }
  const cartId = session.get("cartId")
  if (!cartId) return toCart()
  const token = session.get("token")
  const auth = token ? { authorization: `Bearer ${token}` } : undefined
  const customer = session.get("customer")
  const { name, mobile, email } = parsed.data
  // "改为下一期" posts the offered cycle explicitly; otherwise the cycle chosen on the page.
  const cycleId = parsed.data.nextCycleId ?? parsed.data.cycleId
  const payment = parsed.data.payment ?? "pickup"
  const values = { name, mobile, ...(email ? { email } : {}), ...(payment !== "pickup" ? { payment } : {}) }
  const toCompound = async () =>
    redirect(CHOOSE_COMPOUND_FOR_CHECKOUT, {
      status: 303,
      headers: { "Set-Cookie": await sessions.commit(request, session) },
    })
  const pointId = compoundFromCookieHeader(request.headers.get("Cookie"))
  // The chosen cycle closed: back to the form (409) with the reason and the next open cycle; the cart stays as it was.
  const refuse = async (kind: CycleRefusalKind | null, error?: unknown, shown: CycleView[] = []) => {
    if (!pointId) throw cutoffPassed()
    const refused = refusedCycleOf(error)
    const known = refused ? [refused, ...shown] : shown
    const refusal = await cycleRefusal(
      pickup,
      pointId,
      kind,
      cycleId ?? null,
      known,
      Date.now(),
      backendNextCycle(error)
    )
    const body: CheckoutActionData = { ok: false, errors: { form: "checkout.refused" }, values, refusal }
    return withSession(sessions, request, session, body, { status: 409 })
  }

  try {
    if (!pointId) throw await toCompound()
    if (!cycleId) {
      // A cycle is always chosen on the page (preselected); a post without one is never placed into one silently.
      const listed = await pickup.cycles(pointId)
      if (orderableCycles(listed).length > 0) {
        const body: CheckoutActionData = { ok: false, errors: { cycleId: "form.cycle.required" }, values }
        return withSession(sessions, request, session, body, { status: 400 })
      }
    }
    if (payment !== "pickup" && !(await availableMethods(store, auth)).includes(payment)) {
      return withSession(
        sessions,
        request,
        session,
        { ok: false, errors: { payment: "payment.unavailable" }, values } as CheckoutActionData,
        { status: 400 }
      )
    }
    const placed = checkoutAnswerSchema.parse(
      await store.request(`checking out cart ${cartId}`, "/store/lianxin/checkout", {
        method: "POST",
        headers: auth,
        body: {
          cart_id: cartId,
          name,
          phone: mobile,
          // A guest's email (optional) lets the account they register later take the order over; an account's is its own.
          ...(email && !customer ? { email } : {}),
          pickup_point_id: pointId,
          ...(cycleId ? { order_cycle_id: cycleId } : {}),
          complete: payment === "pickup",
        },
      })
    )
    if (placed.type === "payment") {
      // Online: the payment page (or Alipay) takes over; the order is placed once the payment succeeded (docs/payments.md).
      if (payment === "pickup")
        throw new Error(`cart ${cartId} was prepared for an online payment the resident did not choose`)
      return await beginOnlinePayment(store, sessions, request, session, {
        cartId,
        collectionId: placed.payment_collection_id,
        method: payment,
        auth,
        pickup: placed.pickup,
      })
    }
    // The pickup code and QR came with the order: the confirmation shows them, for guests too.
    return await finishPlacedOrder(sessions, pickup, request, session, {
      orderId: placed.order.id,
      cartId,
      pickup: placed.pickup,
      issued: placed.pickup_code ? { code: placed.pickup_code.code, qrToken: placed.pickup_code.qr_token } : undefined,
    })
  } catch (error) {
    if (error instanceof Response) throw error
    const refused = cycleRefusalOf(error)
    if (refused) return await refuse(refused, error)
    const other = otherRefusalOf(error)
    if (other) {
      const body: CheckoutActionData = { ok: false, errors: { form: other.key }, params: other.params, values }
      return withSession(sessions, request, session, body, { status: 409 })
    }
    const answer = errorBody(error)
    const code = answer?.code
    const placedBefore = answer?.order_id
    if (code === "cart_completed" && typeof placedBefore === "string") {
      // This cart was already placed (a double tap, or a retry after the answer was lost): show that order.
      return await finishPlacedOrder(sessions, pickup, request, session, {
        orderId: placedBefore,
        cartId,
        pickup: null,
      })
    }
    if (
      code === "cart_empty" ||
      code === "cart_completed" ||
      (statusOf(error) === 404 && /cart/i.test(messageOf(error)))
    ) {
      // Nothing to order from this cart any more (emptied, placed in another tab, or gone): back to the cart page.
      session.unset("cartId")
      session.set("cartCount", 0)
      return toCart()
    }
    if (isNoPointRefusal(error) || (statusOf(error) === 400 && /pickup_point_id/.test(messageOf(error))))
      throw await toCompound()
    if (statusOf(error) === 400) {
      console.error(`[storefront] checkout of cart ${cartId} refused: ${messageOf(error)}`)
      return withSession(
        sessions,
        request,
        session,
        { ok: false, errors: { form: "checkout.failed" }, reason: messageOf(error), values } as CheckoutActionData,
        { status: 400 }
      )
    }
    throw error
  }
}

export function cutoffPassed(): Response {
  return errorResponse(409, "cutoff-passed")
}

/** The checkout page: an empty cart goes back to the cart page; a signed-in resident's details are filled in. */
export async function loadCheckoutPage(
  store: StoreClient,
  sessions: Sessions,
  pickup: PickupApi,
  request: Request,
  { stripeKey = null }: { stripeKey?: string | null } = {}
) {
  const session = await sessions.get(request)
  const cart = await orUnavailable(() => readCart(store, session))
  if (!cart || cart.lines.length === 0) {
    throw redirect("/cart", { headers: { "Set-Cookie": await sessions.commit(request, session) } })
  }
  const compound = await loadCompound(pickup, request)
  if (!compound.point && (await orUnavailable(() => pickup.pointsExist()))) {
    // Pickup points exist: checkout needs the resident's compound first, then comes back here.
    throw redirect(CHOOSE_COMPOUND_FOR_CHECKOUT, { headers: { "Set-Cookie": await sessions.commit(request, session) } })
  }
  const now = Date.now()
  // The cycles a resident can choose, the next open one first (preselected): never one whose batch already left.
  const cycles = orderableCycles(compound.cycles, compound.closedCycleIds, now).slice(0, 3)
  const cycle = cycles[0] ?? null
  const customer = session.get("customer") ?? null
  const token = session.get("token")
  const methods = await availableMethods(store, token ? { authorization: `Bearer ${token}` } : undefined)
  // Card needs Stripe.js in the browser and a publishable key; without the key it is never offered.
  const payment = {
    methods: methods.filter((m) => m !== "card" || stripeKey),
    stripeKey: methods.includes("card") ? stripeKey : null,
  }
  return withSession(
    sessions,
    request,
    session,
    { cart, compound, cycle, cycles, customer, payment, now },
    { headers: PRIVATE_HEADERS }
  )
}
