import { redirect } from "react-router"
import { z } from "zod"
import { toFen } from "../money"
import { methodOfProvider, offeredMethods, PROVIDER_OF, type OnlineMethod, type PaymentMethod } from "../payments"
import { messageOf, PRIVATE_HEADERS, statusOf, withSession, type Sessions } from "./http.server"
import type { StoreClient } from "./medusa.server"
import type { PickupApi } from "./pickup.server"
import { optionalExtra } from "./community.server"
import { rememberOrder, type LxSession } from "./session.server"

/**
 * Online payment in the storefront (docs/payments.md). Checkout prepares the
 * cart as for pay at pickup, then `beginOnlinePayment` opens a payment session
 * with the chosen Stripe provider and sends the resident to /checkout/pay (or
 * straight to Alipay). That page completes the cart whenever it loads: the
 * order exists as soon as the payment succeeded, whether this page or the
 * webhook completed it first. Everything here is a plain store API call.
 */

type Auth = Record<string, string> | undefined

const amount = z.union([z.number(), z.string()]).nullish()
const sessionSchema = z.object({
  id: z.string(),
  provider_id: z.string(),
  status: z.string(),
  data: z.record(z.string(), z.any()).nullish(),
})
const cartPaymentSchema = z.object({
  cart: z.object({
    id: z.string(),
    completed_at: z.string().nullish(),
    total: amount,
    payment_collection: z.object({ id: z.string(), payment_sessions: z.array(sessionSchema).nullish() }).nullish(),
  }),
})
const CART_PAYMENT_FIELDS =
  "id,completed_at,total,payment_collection.id,payment_collection.payment_sessions.id,payment_collection.payment_sessions.provider_id,payment_collection.payment_sessions.status,payment_collection.payment_sessions.data"

/** What the payment page shows for the cart's current payment session. */
export type PaymentView = {
  method: PaymentMethod | null
  /** waiting: the resident still has to pay (or it is being confirmed); failed / canceled: pay again or switch. */
  state: "waiting" | "failed" | "canceled" | "none"
  totalFen: number
  /** WeChat Pay: the string to draw as a QR code (next_action.wechat_pay_display_qr_code.data). */
  wechatQr: string | null
  /** Alipay: where to pay (next_action.alipay_handle_redirect.url). */
  redirectUrl: string | null
  /** Card: the PaymentIntent's client secret for Stripe's Payment Element. */
  clientSecret: string | null
  /** Stripe's reason for a failed payment, as Stripe words it (English), and its code for our own words. */
  reason: string | null
  reasonCode: string | null
}

/** Reads the cart's payment session into what the payment page needs. Pure: unit-tested. */
export function paymentViewOf(raw: unknown): PaymentView {
  const { cart } = cartPaymentSchema.parse(raw)
  const sessions = cart.payment_collection?.payment_sessions ?? []
  const session = sessions[sessions.length - 1]
  const base: PaymentView = {
    method: methodOfProvider(session?.provider_id),
    state: "none",
    totalFen: toFen(cart.total ?? 0) ?? 0,
    wechatQr: null,
    redirectUrl: null,
    clientSecret: null,
    reason: null,
    reasonCode: null,
  }
  if (!session || !base.method || base.method === "pickup") return base
  const intent = (session.data ?? {}) as Record<string, any>
  const next = intent.next_action ?? null
  const lastError = intent.last_payment_error?.message
  const state: PaymentView["state"] =
    session.status === "canceled" || intent.status === "canceled"
      ? "canceled"
      : session.status === "error" || (intent.status === "requires_payment_method" && lastError)
        ? "failed"
        : "waiting"
  return {
    ...base,
    state,
    wechatQr: typeof next?.wechat_pay_display_qr_code?.data === "string" ? next.wechat_pay_display_qr_code.data : null,
    redirectUrl: typeof next?.alipay_handle_redirect?.url === "string" ? next.alipay_handle_redirect.url : null,
    clientSecret: base.method === "card" && typeof intent.client_secret === "string" ? intent.client_secret : null,
    reason: state === "failed" ? (typeof lastError === "string" ? lastError : null) : null,
    reasonCode:
      state === "failed" && typeof intent.last_payment_error?.code === "string" ? intent.last_payment_error.code : null,
  }
}

/** The methods the backend offers in this store's region; pay at pickup alone when it cannot be asked. */
export async function availableMethods(store: StoreClient, auth: Auth): Promise<PaymentMethod[]> {
  const providers = await optionalExtra("payment methods", async () => {
    const regionId = await store.regionId()
    const { payment_providers } = await store.request<{ payment_providers: Array<{ id: string }> }>(
      "listing payment providers",
      "/store/payment-providers",
      { query: { region_id: regionId }, headers: auth }
    )
    return payment_providers.map((p) => p.id)
  })
  return offeredMethods(providers ?? [])
}

/** The return URL Stripe sends the resident back to (Alipay, card with 3-D Secure): our payment page. */
export function payPageUrl(request: Request): string {
  return new URL("/checkout/pay", request.url).toString()
}

/** Opens a payment session for the method (Medusa deletes the previous one, which cancels its intent at Stripe). */
async function openSession(
  store: StoreClient,
  collectionId: string,
  method: PaymentMethod,
  request: Request,
  auth: Auth
) {
  await store.request(
    `choosing ${method} for payment collection ${collectionId}`,
    `/store/payment-collections/${collectionId}/payment-sessions`,
    {
      method: "POST",
      headers: auth,
      query: { fields: "id" },
      body: {
        provider_id: PROVIDER_OF[method],
        ...(method === "pickup" ? {} : { data: { return_url: payPageUrl(request) } }),
      },
    }
  )
}

/**
 * Checkout's last step for an online method: the session, the pending payment
 * remembered in the resident's session, then the payment page (Alipay: Alipay's
 * page directly). Thrown as a redirect, like checkout's other endings.
 */
export async function beginOnlinePayment(
  store: StoreClient,
  sessions: Sessions,
  request: Request,
  session: LxSession,
  input: {
    cartId: string
    collectionId: string
    method: OnlineMethod
    auth: Auth
    pickup: Record<string, string | null> | null
  }
): Promise<never> {
  await openSession(store, input.collectionId, input.method, request, input.auth)
  session.set("payment", { cartId: input.cartId, method: input.method, pickup: input.pickup })
  const view = await readPaymentView(store, input.cartId, input.auth)
  const to = input.method === "alipay" && view.redirectUrl ? view.redirectUrl : "/checkout/pay"
  throw redirect(to, { status: 303, headers: { "Set-Cookie": await sessions.commit(request, session) } })
}

async function readPaymentView(store: StoreClient, cartId: string, auth: Auth) {
  return paymentViewOf(
    await store.request(`reading the payment of cart ${cartId}`, `/store/carts/${cartId}`, {
      headers: auth,
      query: { fields: CART_PAYMENT_FIELDS },
    })
  )
}

/** Completes the cart if its payment allows: the order (placed now or earlier by the webhook), or why not. */
export async function tryComplete(
  store: StoreClient,
  cartId: string,
  auth: Auth
): Promise<{ orderId: string } | { reason: string }> {
  try {
    const completed = await store.request<{ type: string; order?: { id: string }; error?: { message?: string } }>(
      `completing cart ${cartId}`,
      `/store/carts/${cartId}/complete`,
      { method: "POST", headers: auth, query: { fields: "id" } }
    )
    if (completed.type === "order" && completed.order) return { orderId: completed.order.id }
    return { reason: completed.error?.message ?? "unknown" }
  } catch (error) {
    const status = statusOf(error)
    if (status && status >= 400 && status < 500) return { reason: messageOf(error) }
    throw error
  }
}

/**
 * The order is placed: the cart is done, the order remembered for this browser
 * (guests prove it with the cart id), its first pickup code issued for the
 * confirmation, and the resident sent there.
 */
export async function finishPlacedOrder(
  sessions: Sessions,
  pickup: PickupApi,
  request: Request,
  session: LxSession,
  placed: {
    orderId: string
    cartId: string
    pickup: Record<string, string | null> | null
    /** The code the checkout's answer already carries (then none is asked for). */
    issued?: { code: string; qrToken: string }
  }
): Promise<never> {
  const token = session.get("token")
  session.unset("cartId")
  session.unset("payment")
  session.set("cartCount", 0)
  rememberOrder(session, placed.orderId, placed.cartId)
  if (placed.pickup) {
    const issued =
      placed.issued ??
      (await optionalExtra(`pickup code of ${placed.orderId}`, () =>
        token ? pickup.issueCode(placed.orderId, token) : pickup.issueCode(placed.orderId, undefined, placed.cartId)
      ))
    if (issued) session.flash("issuedCode", { orderId: placed.orderId, ...issued })
  }
  throw redirect(`/orders/${placed.orderId}`, {
    status: 303,
    headers: { "Set-Cookie": await sessions.commit(request, session) },
  })
}

function authOf(session: LxSession): Auth {
  const token = session.get("token")
  return token ? { authorization: `Bearer ${token}` } : undefined
}

/** The pending payment of this browser's cart, or a redirect back to checkout (nothing to pay) or the cart. */
async function pendingPayment(sessions: Sessions, request: Request, session: LxSession) {
  const cartId = session.get("cartId")
  const pending = session.get("payment")
  if (!cartId || !pending || pending.cartId !== cartId) {
    throw redirect(cartId ? "/checkout" : "/cart", {
      headers: { "Set-Cookie": await sessions.commit(request, session) },
    })
  }
  return { cartId, pending }
}

/**
 * The payment page: completes the cart if the payment went through (then the
 * confirmation), otherwise shows how to pay (QR, Alipay link, card form) or
 * why it failed. Loading it again is how it waits: polling with JavaScript,
 * a refresh without.
 */
export async function loadPayPage(
  store: StoreClient,
  sessions: Sessions,
  pickup: PickupApi,
  request: Request,
  qrImage: (data: string) => Promise<string>,
  stripePublishableKey: string | null
) {
  const session = await sessions.get(request)
  const { cartId, pending } = await pendingPayment(sessions, request, session)
  const auth = authOf(session)
  const result = await tryComplete(store, cartId, auth)
  if ("orderId" in result)
    return finishPlacedOrder(sessions, pickup, request, session, {
      orderId: result.orderId,
      cartId,
      pickup: pending.pickup,
    })
  const view = await readPaymentView(store, cartId, auth)
  if (view.state === "none") {
    // The cart's session is not an online one any more (switched elsewhere): back to checkout.
    session.unset("payment")
    throw redirect("/checkout", { headers: { "Set-Cookie": await sessions.commit(request, session) } })
  }
  return withSession(
    sessions,
    request,
    session,
    {
      view,
      qr: view.state === "waiting" && view.wechatQr ? await qrImage(view.wechatQr) : null,
      stripeKey: view.method === "card" ? stripePublishableKey : null,
      returnUrl: payPageUrl(request),
    },
    { headers: PRIVATE_HEADERS }
  )
}

const payIntentSchema = z.object({ intent: z.enum(["retry", "pickup"]) })

/** Pay again with the same method (a new intent and QR), or switch to pay at pickup and place the order now. */
export async function payAction(store: StoreClient, sessions: Sessions, pickup: PickupApi, request: Request) {
  const session = await sessions.get(request)
  const { cartId, pending } = await pendingPayment(sessions, request, session)
  const parsed = payIntentSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) {
    return withSession(
      sessions,
      request,
      session,
      { ok: false as const, reason: "intent: must be retry or pickup" },
      { status: 400 }
    )
  }
  const auth = authOf(session)
  const { cart } = cartPaymentSchema.parse(
    await store.request(`reading the payment of cart ${cartId}`, `/store/carts/${cartId}`, {
      headers: auth,
      query: { fields: CART_PAYMENT_FIELDS },
    })
  )
  const collectionId = cart.payment_collection?.id
  if (!collectionId) throw redirect("/checkout", { headers: { "Set-Cookie": await sessions.commit(request, session) } })
  // Paid meanwhile (the webhook may have placed the order): never open a second payment.
  const before = await tryComplete(store, cartId, auth)
  if ("orderId" in before)
    return finishPlacedOrder(sessions, pickup, request, session, {
      orderId: before.orderId,
      cartId,
      pickup: pending.pickup,
    })

  if (parsed.data.intent === "retry") {
    return beginOnlinePayment(store, sessions, request, session, {
      cartId,
      collectionId,
      method: pending.method,
      auth,
      pickup: pending.pickup,
    })
  }
  await openSession(store, collectionId, "pickup", request, auth)
  const placed = await tryComplete(store, cartId, auth)
  if ("orderId" in placed)
    return finishPlacedOrder(sessions, pickup, request, session, {
      orderId: placed.orderId,
      cartId,
      pickup: pending.pickup,
    })
  // Refused now (say the cutoff passed meanwhile): checkout explains it the way it always does.
  console.error(`[storefront] cart ${cartId} switched to pay at pickup but did not complete: ${placed.reason}`)
  session.unset("payment")
  throw redirect("/checkout", { status: 303, headers: { "Set-Cookie": await sessions.commit(request, session) } })
}
