import { redirect } from "react-router"
import { z } from "zod"
import { checkoutSchema, parseForm, type FieldErrors } from "../forms"
import { errorResponse, messageOf, PRIVATE_HEADERS, statusOf, withSession, type Sessions } from "./http.server"
import { loadCompound, orUnavailable } from "./pages.server"
import type { StoreClient } from "./medusa.server"
import type { PickupApi } from "./pickup.server"
import { orderableCycles, type CycleView } from "../commerce"
import type { CycleRefusal, CycleRefusalKind } from "../checkout-refusal"
import { backendNextCycle, cycleRefusal, cycleRefusalOf, otherRefusalOf } from "./checkout-refusal.server"
import { readCart } from "./cart.server"
import { availableMethods, beginOnlinePayment, finishPlacedOrder } from "./payment.server"

/** Medusa's built-in provider: the resident pays at the property office. Stripe slots in here later. */
export const PAY_AT_PICKUP_PROVIDER = "pp_system_default"
/** Until points have their own options, the one seeded pickup option (seed/src/constants.ts). */
export const PICKUP_OPTION_NAME = "到小区物业自提"

const shippingOptionsSchema = z.object({
  shipping_options: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      service_zone: z.object({ fulfillment_set: z.object({ type: z.string().nullish() }).nullish() }).nullish(),
    })
  ),
})

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

/** The cutoff passed (or the point filled) while the resident was checking out: the pickup backend's refusal. */
export function isCutoffRefusal(error: unknown): boolean {
  return (statusOf(error) === 400 || statusOf(error) === 409) && /cutoff|截单|cycle.*(closed|full)|point is full/i.test(messageOf(error))
}

/**
 * Places the order: contact on the cart, the pickup shipping option, pay at
 * pickup, complete. Every step is an idempotent store call, so a resident who
 * retries after a failure picks up where it stopped. Refusals the resident can
 * fix come back to the form; a cycle that closed meanwhile comes back too
 * (409), with the next open cycle offered, never taken silently.
 */
export async function checkoutAction(store: StoreClient, sessions: Sessions, pickup: PickupApi, request: Request) {
  const session = await sessions.get(request)
  const parsed = parseForm(checkoutSchema, await request.formData())
  if (!parsed.ok) {
    return withSession(sessions, request, session, { ok: false, errors: parsed.errors, values: parsed.values } as CheckoutActionData, { status: 400 })
  }
  const cart = await readCart(store, session)
  if (!cart || cart.lines.length === 0) {
    throw redirect("/cart", { headers: { "Set-Cookie": await sessions.commit(request, session) } })
  }
  const token = session.get("token")
  const auth = token ? { authorization: `Bearer ${token}` } : undefined
  const customer = session.get("customer")
  const { name, mobile, email } = parsed.data
  // "改为下一期" posts the offered cycle explicitly; otherwise the cycle chosen on the page.
  const cycleId = parsed.data.nextCycleId ?? parsed.data.cycleId
  const payment = parsed.data.payment ?? "pickup"
  const values = { name, mobile, ...(email ? { email } : {}), ...(payment !== "pickup" ? { payment } : {}) }
  // A guest's email (optional) lets the account they register later take the order over.
  const orderEmail = customer?.email ?? email
  const cartPath = `/store/carts/${cart.id}`
  const toCompound = async () =>
    redirect(CHOOSE_COMPOUND_FOR_CHECKOUT, { status: 303, headers: { "Set-Cookie": await sessions.commit(request, session) } })
  let pointId: string | null = null
  let shown: CycleView[] = []
  // The chosen cycle closed: back to the form (409) with the reason and the next open cycle; the cart stays as it was.
  const refuse = async (kind: CycleRefusalKind | null, error?: unknown) => {
    if (!pointId) throw cutoffPassed()
    const refusal = await cycleRefusal(pickup, pointId, kind, cycleId ?? null, shown, Date.now(), backendNextCycle(error))
    const body: CheckoutActionData = { ok: false, errors: { form: "checkout.refused" }, values, refusal }
    return withSession(sessions, request, session, body, { status: 409 })
  }

  try {
    if (auth) {
      // A cart started before signing in becomes the customer's (idempotent when it already is).
      await store.request(`giving cart ${cart.id} to the customer`, `${cartPath}/customer`, { method: "POST", headers: auth, query: { fields: "id" } })
    }
    const compound = await pickup.chosenPoint(request)
    if (!compound && (await pickup.pointsExist())) throw await toCompound()
    // The cycle chosen on the checkout page; without one only when none is open (or the pickup routes are missing).
    const listed = compound ? await pickup.cycles(compound.id) : { available: false, cycles: [] }
    const cycles = listed.cycles
    pointId = compound?.id ?? null
    shown = cycles
    if (compound && !cycleId && listed.available && orderableCycles(cycles).length > 0) {
      // A cycle is always chosen on the page (preselected); a post without one is never placed into one silently.
      const body: CheckoutActionData = { ok: false, errors: { cycleId: "form.cycle.required" }, values }
      return withSession(sessions, request, session, body, { status: 400 })
    }
    const cycle = (cycleId ? cycles.find((c) => c.id === cycleId) : null) ?? (cycleId ? null : nextCycle(cycles))
    if (compound && cycleId && !cycle && listed.available) {
      // The cycle the resident chose is no longer open (why: its availability says). Never move the order.
      return await refuse(null)
    }
    await store.request(`setting the contact of cart ${cart.id}`, cartPath, {
      method: "POST",
      headers: auth,
      query: { fields: "id" },
      body: {
        ...(orderEmail ? { email: orderEmail } : {}),
        shipping_address: {
          first_name: name,
          phone: mobile,
          // The pickup point is the address; until points exist, the compound's property office.
          address_1: compound?.address ?? PICKUP_OPTION_NAME,
          city: compound?.city ?? "",
          country_code: "cn",
        },
        ...(compound
          ? {
              // Copied to the order: the confirmation shows guests (who cannot read their pickup route) where and when.
              metadata: {
                lx_pickup: {
                  point_id: compound.id,
                  compound_name: compound.compoundName,
                  address: compound.address,
                  order_cycle_id: cycle?.id ?? null,
                  pickup_starts_at: cycle?.pickupStartsAt ?? null,
                  pickup_ends_at: cycle?.pickupEndsAt ?? null,
                  resident_cutoff_at: cycle?.cutoffAt ?? null,
                },
              },
            }
          : {}),
      },
    })
    if (compound) await pickup.assignCart(cart.id, compound.id, cycle?.id ?? cycleId, token)
    const pickupSummary = compound
      ? {
          point_id: compound.id,
          compound_name: compound.compoundName,
          address: compound.address,
          order_cycle_id: cycle?.id ?? null,
          pickup_starts_at: cycle?.pickupStartsAt ?? null,
          pickup_ends_at: cycle?.pickupEndsAt ?? null,
          resident_cutoff_at: cycle?.cutoffAt ?? null,
        }
      : null

    const { shipping_options } = shippingOptionsSchema.parse(
      await store.request(`listing shipping options for cart ${cart.id}`, "/store/shipping-options", {
        query: { cart_id: cart.id, fields: "id,name,service_zone.fulfillment_set.type" },
        headers: auth,
      })
    )
    const option =
      shipping_options.find((o) => o.service_zone?.fulfillment_set?.type === "pickup") ??
      shipping_options.find((o) => o.name === PICKUP_OPTION_NAME)
    if (!option) {
      return withSession(sessions, request, session, { ok: false, errors: { form: "checkout.noPickupOption" } } as CheckoutActionData, { status: 503 })
    }
    await store.request(`choosing pickup for cart ${cart.id}`, `${cartPath}/shipping-methods`, {
      method: "POST",
      headers: auth,
      query: { fields: "id" },
      body: { option_id: option.id },
    })
    const { payment_collection } = await store.request<{ payment_collection: { id: string } }>(
      `opening payment for cart ${cart.id}`,
      "/store/payment-collections",
      { method: "POST", headers: auth, body: { cart_id: cart.id }, query: { fields: "id" } }
    )
    if (payment !== "pickup") {
      if (!(await availableMethods(store, auth)).includes(payment)) {
        return withSession(sessions, request, session, { ok: false, errors: { payment: "payment.unavailable" }, values } as CheckoutActionData, { status: 400 })
      }
      // Online: the payment page (or Alipay) takes over; the order is placed once the payment succeeded (docs/payments.md).
      return await beginOnlinePayment(store, sessions, request, session, {
        cartId: cart.id,
        collectionId: payment_collection.id,
        method: payment,
        auth,
        pickup: pickupSummary,
      })
    }
    await store.request(`choosing pay at pickup for cart ${cart.id}`, `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
      method: "POST",
      headers: auth,
      body: { provider_id: PAY_AT_PICKUP_PROVIDER },
      query: { fields: "id" },
    })
    const completed = await store.request<{ type: string; order?: { id: string }; error?: { message?: string } }>(
      `completing cart ${cart.id}`,
      `${cartPath}/complete`,
      { method: "POST", headers: auth, query: { fields: "id" } }
    )
    if (completed.type !== "order" || !completed.order) {
      const reason = completed.error?.message ?? "unknown"
      const refused = cycleRefusalOf(Object.assign(new Error(reason), { status: 409 }))
      if (refused) return await refuse(refused)
      if (isNoPointRefusal(new Error(reason))) throw await toCompound()
      console.error(`[storefront] cart ${cart.id} did not complete: ${reason}`)
      return withSession(sessions, request, session, { ok: false, errors: { form: "checkout.failed" }, reason, values } as CheckoutActionData, { status: 409 })
    }
    // The pickup code and QR on the confirmation that follows, for guests too (the cart proves the order is theirs).
    return await finishPlacedOrder(sessions, pickup, request, session, { orderId: completed.order.id, cartId: cart.id, pickup: pickupSummary })
  } catch (error) {
    if (error instanceof Response) throw error
    const refused = cycleRefusalOf(error)
    if (refused) return await refuse(refused, error)
    const other = otherRefusalOf(error)
    if (other) {
      const body: CheckoutActionData = { ok: false, errors: { form: other.key }, params: other.params, values }
      return withSession(sessions, request, session, body, { status: 409 })
    }
    if (isCutoffRefusal(error)) return await refuse("cutoff_passed")
    if (isNoPointRefusal(error)) throw await toCompound()
    if (statusOf(error) === 400) {
      console.error(`[storefront] checkout of cart ${cart.id} refused: ${messageOf(error)}`)
      return withSession(sessions, request, session, { ok: false, errors: { form: "checkout.failed" }, reason: messageOf(error), values } as CheckoutActionData, { status: 400 })
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
  const payment = { methods: methods.filter((m) => m !== "card" || stripeKey), stripeKey: methods.includes("card") ? stripeKey : null }
  return withSession(sessions, request, session, { cart, compound, cycle, cycles, customer, payment, now }, { headers: PRIVATE_HEADERS })
}
