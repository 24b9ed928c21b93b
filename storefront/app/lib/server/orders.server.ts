import { data, redirect } from "react-router"
import { STORE_ORDER_FIELDS } from "@lianxin/plugin/contract"
import { orderStatus, type OrderView, type PickupDetails } from "../commerce"
import { CONFIRM_CANCEL_PARAM, type Notice, noticeFrom, withNotice } from "../notice"
import { optionalExtra } from "./community.server"
import { orUnavailable } from "./pages.server"
import { loadOrderTrace } from "./order-trace.server"
import { toFen } from "../money"
import { ordersAnswerSchema, ownOrderAnswerSchema, type ownOrderSchema } from "../contract"
import type { z } from "zod"
import { errorResponse, PRIVATE_HEADERS, statusOf, withSession, type Sessions } from "./http.server"
import { cancelOrderSchema, orderEditInput, orderEditSchema, parseForm } from "../forms"
import { errorBody, type StoreClient } from "./medusa.server"
import type { PickupApi } from "./pickup.server"
import { cartOfOrder, isExpired, type LxSession } from "./session.server"

/** The order fields the storefront reads: the contract's list, the same the backend's order route reads. */
export const ORDER_FIELDS = STORE_ORDER_FIELDS.join(",")

/** An order without its pickup: the pickup routes are the one source of where, when and in which state (pickupOf). */
export function toOrderView(o: z.infer<typeof ownOrderSchema>): OrderView {
  const phone = o.shipping_address?.phone?.replace(/\D/g, "") ?? ""
  return {
    id: o.id,
    number: String(o.display_id ?? o.id),
    status: orderStatus(o),
    placedAt: o.created_at,
    totalFen: toFen(o.total) ?? 0,
    version: o.version ?? null,
    // A line edited down to 0 stays in Medusa's order with quantity 0: it is gone for the resident.
    lines: o.items
      .filter((i) => i.quantity > 0)
      .map((i) => ({
        id: i.id,
        productId: i.product_id ?? null,
        variantId: i.variant_id ?? null,
        productHandle: i.product_handle ?? null,
        title: i.product_title ?? i.title,
        variantTitle: i.variant_title ?? null,
        quantity: i.quantity,
        totalFen: toFen(i.total) ?? 0,
        unitFen: i.unit_price === null ? null : (toFen(i.unit_price) ?? null),
      })),
    contactName: o.shipping_address?.first_name ?? null,
    phoneLast4: phone.length >= 4 ? phone.slice(-4) : null,
    pickup: null,
  }
}

function authHeaders(token: string | undefined) {
  return token ? { authorization: `Bearer ${token}` } : undefined
}

/**
 * Who may act on an order: the signed-in customer (token) and/or the browser
 * it was placed from (the cart that became the order, kept in the session).
 */
export type OrderProof = { token?: string; cartId?: string }

/** An order's pickup as its owner sees it: as the customer first, then as the guest who placed it here. */
export async function pickupOf(pickup: PickupApi, id: string, proof: OrderProof): Promise<PickupDetails | null> {
  const asCustomer = proof.token ? await pickup.orderPickup(id, proof.token) : null
  if (asCustomer || !proof.cartId) return asCustomer
  return pickup.orderPickup(id, undefined, proof.cartId)
}

/** A fresh pickup code, asked as the customer first, then as the guest who placed the order here. */
export async function issueCodeFor(pickup: PickupApi, id: string, proof: OrderProof) {
  const asCustomer = proof.token ? await pickup.issueCode(id, proof.token) : null
  if (asCustomer || !proof.cartId) return asCustomer
  return pickup.issueCode(id, undefined, proof.cartId)
}

function proofOf(session: LxSession, id: string): OrderProof {
  const token = session.get("token")
  return { token: token && !isExpired(token) ? token : undefined, cartId: cartOfOrder(session, id) }
}

/**
 * One order with its pickup details, read as its owner: GET
 * /store/lianxin/orders/:id with the customer's token and/or the cart the
 * order was placed from (Medusa's GET /store/orders/:id answers only the
 * signed-in owner, decision 015). Anyone else's order is null (404).
 */
export async function readOrder(
  store: StoreClient,
  pickup: PickupApi,
  id: string,
  token?: string,
  cartId?: string
): Promise<OrderView | null> {
  try {
    const raw = await store.request<unknown>(`loading order ${id}`, `/store/lianxin/orders/${id}`, {
      query: cartId ? { cart_id: cartId } : undefined,
      headers: authHeaders(token),
    })
    const view = toOrderView(ownOrderAnswerSchema.parse(raw).order)
    const details = await pickupOf(pickup, id, { token, cartId })
    view.pickup = details
    if (details?.status && view.status !== "canceled") view.status = details.status
    return view
  } catch (error) {
    // 404: not this viewer's (or no such order); 401: no proof at all.
    if (statusOf(error) === 404 || statusOf(error) === 401) return null
    throw error
  }
}

const ORDER_ID = /^order_[A-Za-z0-9]{1,64}$/

/**
 * Whom an order may be shown to: the customer it belongs to, or the browser
 * it was placed from (its id and cart are in the sealed session). The
 * backend checks the same again (GET /store/lianxin/orders/:id).
 */
export async function loadOrderForViewer(
  store: StoreClient,
  pickup: PickupApi,
  session: LxSession,
  id: string | undefined
): Promise<OrderView> {
  if (!id || !ORDER_ID.test(id)) throw errorResponse(404, "order-not-found")
  const token = session.get("token")
  const placedHere = (session.get("orders") ?? []).includes(id)
  if (placedHere) {
    const order = await readOrder(store, pickup, id, token, cartOfOrder(session, id))
    if (order) return order
  } else if (token) {
    const mine = await listCustomerOrders(store, token)
    if (mine.some((o) => o.id === id)) {
      const order = await readOrder(store, pickup, id, token)
      if (order) return order
    }
  }
  throw errorResponse(404, "order-not-found")
}

export async function listCustomerOrders(store: StoreClient, token: string): Promise<OrderView[]> {
  const raw = await store.request<unknown>("listing the customer's orders", "/store/orders", {
    query: { fields: ORDER_FIELDS, limit: 50, order: "-created_at" },
    headers: authHeaders(token),
  })
  return ordersAnswerSchema.parse(raw).orders.map(toOrderView)
}

/**
 * Guest orders placed from this browser, handed to the account that just
 * signed in: each proven by the cart it was placed from (kept in the sealed
 * session). The backend takes only guest orders whose cart matches; an
 * account's email proves nothing (decision 015).
 */
export async function claimOrders(
  store: StoreClient,
  token: string,
  orders: Array<{ id: string; cartId: string | undefined }>
): Promise<string[]> {
  const proven = orders.filter((o): o is { id: string; cartId: string } => Boolean(o.cartId)).slice(0, 50)
  if (proven.length === 0) return []
  const { claimed } = await store.request<{ claimed: string[] }>(
    "claiming guest orders",
    "/store/lianxin/orders/claim",
    {
      method: "POST",
      body: { orders: proven.map((o) => ({ id: o.id, cart_id: o.cartId })) },
      headers: authHeaders(token),
    }
  )
  return claimed
}

export type CancelResult = "canceled" | "refused"

/**
 * POST /store/lianxin/orders/:id/cancel (Medusa's store API cannot cancel):
 * as the customer, or as the guest who placed it with the cart it came from.
 * 409 once the cycle's resident cutoff passed.
 */
export async function cancelOrder(
  store: StoreClient,
  orderId: string,
  proof: OrderProof | string
): Promise<CancelResult> {
  const { token, cartId } = typeof proof === "string" ? { token: proof, cartId: undefined } : proof
  const attempt = async (asGuest: boolean): Promise<CancelResult | "not-found"> => {
    try {
      await store.request(`canceling order ${orderId}`, `/store/lianxin/orders/${orderId}/cancel`, {
        method: "POST",
        headers: asGuest ? undefined : authHeaders(token),
        body: asGuest ? { cart_id: cartId } : {},
      })
      return "canceled"
    } catch (error) {
      const status = statusOf(error)
      if (status === 404) return "not-found"
      if (status === 400 || status === 409 || status === 403) return "refused"
      throw error
    }
  }
  let result: CancelResult | "not-found" = "not-found"
  if (token) result = await attempt(false)
  if (result === "not-found" && cartId) result = await attempt(true)
  if (result === "not-found") throw errorResponse(404, "order-not-found")
  return result
}

/** The confirmation / order page: the order, its pickup details and what it sends to households. */
export async function loadOrderPage(
  store: StoreClient,
  sessions: Sessions,
  pickup: PickupApi,
  request: Request,
  id: string | undefined,
  drawQr?: (token: string) => Promise<string>
) {
  const session = await sessions.get(request)
  const order = await orUnavailable(() => loadOrderForViewer(store, pickup, session, id))
  // The code checkout issued for this order, shown once (reading a flash value removes it from the session).
  const issued = session.get("issuedCode")
  const revealed: RevealedCode | null =
    issued && issued.orderId === order.id && drawQr && (order.status === "placed" || order.status === "ready")
      ? { code: issued.code, qrDataUrl: await drawQr(issued.qrToken) }
      : null
  const proof = proofOf(session, order.id)
  // Batches and the households figure from the order's own ledger accruals (decision 023), never an estimate.
  const trace = await optionalExtra(`trace of order ${order.id}`, () => loadOrderTrace(store, order.id, proof))
  return withSession(
    sessions,
    request,
    session,
    {
      order,
      trace,
      revealed,
      signedIn: Boolean(proof.token),
      /** This viewer can ask for a code / cancel: the customer, or the guest browser holding the order's cart. */
      canAct: Boolean(proof.token || proof.cartId),
      notice: noticeFrom(request),
    },
    { headers: PRIVATE_HEADERS }
  )
}

export type RevealedCode = { code: string; qrDataUrl: string }
export type RevealActionData = { revealed: RevealedCode | null; error?: "code.unavailable" }

/**
 * "Show my pickup code" (a form post, so it works without JavaScript): the
 * backend issues a fresh code and QR token, shown in this answer only. Asking
 * again replaces the previous code. Guests are sent to sign in first.
 */
export async function revealCodeAction(
  store: StoreClient,
  sessions: Sessions,
  pickup: PickupApi,
  request: Request,
  id: string | undefined,
  drawQr: (token: string) => Promise<string>
) {
  const session = await sessions.get(request)
  const proof = id && ORDER_ID.test(id) ? proofOf(session, id) : {}
  if (!proof.token && !proof.cartId) {
    const back = id && ORDER_ID.test(id) ? `/orders/${id}` : "/account"
    throw redirect(`/account/login?redirectTo=${encodeURIComponent(back)}`, { status: 303 })
  }
  // Only an order this viewer may see (404 otherwise, like the page itself).
  await orUnavailable(() => loadOrderForViewer(store, pickup, session, id))
  const issued = await orUnavailable(() => issueCodeFor(pickup, id!, proof))
  if (!issued) {
    return data({ revealed: null, error: "code.unavailable" } as RevealActionData, {
      status: 404,
      headers: PRIVATE_HEADERS,
    })
  }
  const qr = await drawQr(issued.qrToken)
  return data({ revealed: { code: issued.code, qrDataUrl: qr } } as RevealActionData, { headers: PRIVATE_HEADERS })
}

/** My orders: the account's own, then guest orders from this device that the backend could not hand over yet. */
export async function loadAccountPage(store: StoreClient, sessions: Sessions, pickup: PickupApi, request: Request) {
  const { session, token } = await requireToken(request, sessions)
  let mine: OrderView[]
  try {
    mine = await orUnavailable(() => listCustomerOrders(store, token))
  } catch (error) {
    if (statusOf(error) !== 401) throw error
    // The backend no longer accepts the token (expired, secret rotated): sign in again.
    session.unset("token")
    session.unset("customer")
    throw redirect("/account/login?redirectTo=/account", {
      headers: { "Set-Cookie": await sessions.commit(request, session) },
    })
  }
  const open = mine.filter((o) => o.status === "placed" || o.status === "ready").slice(0, 10)
  await Promise.all(
    open.map(async (o) => {
      const details = await optionalExtra(`pickup of ${o.id}`, () => pickup.orderPickup(o.id, token))
      if (details) {
        o.pickup = details
        if (details.status) o.status = details.status
      }
    })
  )
  const mineIds = new Set(mine.map((o) => o.id))
  const deviceIds = (session.get("orders") ?? []).filter((id) => !mineIds.has(id))
  const device = (
    await Promise.all(
      deviceIds.map((id) =>
        optionalExtra(`order ${id}`, () => readOrder(store, pickup, id, undefined, cartOfOrder(session, id)))
      )
    )
  ).filter((o): o is OrderView => o !== null)
  return data(
    { customer: session.get("customer") ?? null, orders: mine, deviceOrders: device, notice: noticeFrom(request) },
    { headers: PRIVATE_HEADERS }
  )
}

/**
 * "Cancel order" (a form post from the account or the order page): the
 * customer, or the guest browser the order was placed from. Goes back where
 * it came from with what happened; a passed cutoff is said, not hidden.
 */
export async function cancelOrderAction(
  store: StoreClient,
  sessions: Sessions,
  request: Request,
  id: string | undefined
) {
  if (!id || !ORDER_ID.test(id)) throw errorResponse(404, "order-not-found")
  const session = await sessions.get(request)
  const proof = proofOf(session, id)
  if (!proof.token && !proof.cartId)
    throw redirect(`/account/login?redirectTo=${encodeURIComponent("/account")}`, { status: 303 })
  const form = parseForm(cancelOrderSchema, await request.formData())
  if (!form.ok) throw errorResponse(400, "bad-request")
  const back = form.data.returnTo === "order" ? `/orders/${id}` : proof.token ? "/account" : `/orders/${id}`
  if (form.data.confirm !== "yes") {
    // Asked once before anything happens: without JavaScript the first tap lands here and the page shows the question.
    throw redirect(`${back}?${CONFIRM_CANCEL_PARAM}=${encodeURIComponent(id)}`, { status: 303 })
  }
  const result = await orUnavailable(() => cancelOrder(store, id, proof))
  const notice = result === "canceled" ? "order.canceled" : "order.cancelRefused"
  throw redirect(withNotice(back, notice), { status: 303 })
}

/** What the order page says after an edit, by the backend's answer (decision 024). */
const EDIT_NOTICES: Record<string, Notice> = {
  cutoff_passed: "order.editCutoffPassed",
  order_changed: "order.editChanged",
  edit_in_progress: "order.editChanged",
  insufficient_stock: "order.editStock",
  online_paid_increase: "order.editOnlineIncrease",
  would_empty: "order.editEmpty",
  no_change: "order.editNoChange",
}

/**
 * POST /store/lianxin/orders/:id/edit as the customer, or as the guest who
 * placed it with the cart it came from. The notice to show, or "not-found".
 */
export async function editOrder(
  store: StoreClient,
  orderId: string,
  proof: OrderProof,
  body: { version: number; items: Array<{ id: string; quantity: number }> }
): Promise<Notice> {
  const attempt = async (asGuest: boolean): Promise<Notice | "not-found"> => {
    try {
      await store.request(`editing order ${orderId}`, `/store/lianxin/orders/${orderId}/edit`, {
        method: "POST",
        headers: asGuest ? undefined : authHeaders(proof.token),
        body: asGuest ? { ...body, cart_id: proof.cartId } : body,
      })
      return "order.edited"
    } catch (error) {
      const status = statusOf(error)
      if (status === 404) return "not-found"
      if (status === 409) return EDIT_NOTICES[String(errorBody(error)?.code ?? "")] ?? "order.editRefused"
      if (status === 400) return "order.editInvalid"
      throw error
    }
  }
  let result: Notice | "not-found" = "not-found"
  if (proof.token) result = await attempt(false)
  if (result === "not-found" && proof.cartId) result = await attempt(true)
  if (result === "not-found") throw errorResponse(404, "order-not-found")
  return result
}

/**
 * 保存修改 on the order page (a form post, works without JavaScript): the
 * customer, or the guest browser the order was placed from. Back to the order
 * page with what happened; the page then shows the new lines and total.
 */
export async function editOrderAction(
  store: StoreClient,
  sessions: Sessions,
  request: Request,
  id: string | undefined
) {
  if (!id || !ORDER_ID.test(id)) throw errorResponse(404, "order-not-found")
  const session = await sessions.get(request)
  const proof = proofOf(session, id)
  const back = `/orders/${id}`
  if (!proof.token && !proof.cartId)
    throw redirect(`/account/login?redirectTo=${encodeURIComponent(back)}`, { status: 303 })
  const form = parseForm(orderEditSchema, orderEditInput(await request.formData()))
  if (!form.ok) throw redirect(withNotice(back, "order.editInvalid"), { status: 303 })
  const notice = await orUnavailable(() =>
    editOrder(store, id, proof, {
      version: form.data.version,
      items: form.data.lines.map((l) => ({ id: l.id, quantity: l.quantity })),
    })
  )
  throw redirect(withNotice(back, notice), { status: 303 })
}

/** The signed-in customer's token, or a redirect to the login page that comes back here. */
export async function requireToken(
  request: Request,
  sessions: Sessions
): Promise<{ session: LxSession; token: string }> {
  const session = await sessions.get(request)
  const token = session.get("token")
  if (!token || isExpired(token)) {
    const url = new URL(request.url)
    const back = request.method === "GET" ? url.pathname + url.search : "/account"
    throw redirect(`/account/login?redirectTo=${encodeURIComponent(back)}`)
  }
  return { session, token }
}
