import type { PickupApi } from "./pickup.server"
import { redirect } from "react-router"
import { z } from "zod"
import type { CartView } from "../commerce"
import { cartFormSchema, parseForm, type FieldErrors } from "../forms"
import type { MessageKey } from "../i18n"
import { toFen } from "../money"
import { noticeFrom, withNotice, type Notice } from "../notice"
import { safeRedirect } from "../safe-redirect"
import { messageOf, PRIVATE_HEADERS, statusOf, withSession, type Sessions } from "./http.server"
import { loadCompound, orUnavailable } from "./pages.server"
import type { StoreClient } from "./medusa.server"
import { isExpired, type LxSession } from "./session.server"

/** Exactly what the cart and checkout pages show. */
export const CART_FIELDS = [
  "id",
  "email",
  "completed_at",
  "total",
  "items.id",
  "items.variant_id",
  "items.product_handle",
  "items.product_title",
  "items.title",
  "items.variant_title",
  "items.thumbnail",
  "items.quantity",
  "items.unit_price",
  "items.total",
  "items.created_at",
].join(",")

const amount = z.union([z.number(), z.string()]).nullish()
const cartSchema = z.object({
  id: z.string(),
  email: z.string().nullish(),
  completed_at: z.string().nullish(),
  total: amount,
  items: z
    .array(
      z.object({
        id: z.string(),
        variant_id: z.string().nullish(),
        product_handle: z.string().nullish(),
        product_title: z.string().nullish(),
        title: z.string().nullish(),
        variant_title: z.string().nullish(),
        thumbnail: z.string().nullish(),
        quantity: z.number(),
        unit_price: amount,
        total: amount,
        created_at: z.string().nullish(),
      })
    )
    .nullish(),
})

export function toCartView(raw: unknown): CartView {
  const cart = cartSchema.parse(raw)
  // Medusa returns lines in no stable order; oldest first keeps them where the resident put them.
  const items = [...(cart.items ?? [])].sort(
    (a, b) => (a.created_at ?? "").localeCompare(b.created_at ?? "") || a.id.localeCompare(b.id)
  )
  const lines = items.map((item) => ({
    id: item.id,
    variantId: item.variant_id ?? null,
    productHandle: item.product_handle ?? null,
    title: item.product_title ?? item.title ?? "",
    variantTitle: item.variant_title ?? null,
    thumbnail: item.thumbnail ?? null,
    quantity: item.quantity,
    unitFen: toFen(item.unit_price) ?? 0,
    totalFen: toFen(item.total) ?? 0,
  }))
  return {
    id: cart.id,
    lines,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    totalFen: toFen(cart.total) ?? lines.reduce((n, l) => n + l.totalFen, 0),
    email: cart.email ?? null,
  }
}

/**
 * The signed-in resident's token for cart requests: a cart that belongs to an
 * account answers only that account (anyone else gets 404, decision 015).
 */
export function cartAuth(session: LxSession): { authorization: string } | undefined {
  const token = session.get("token")
  return token && !isExpired(token) ? { authorization: `Bearer ${token}` } : undefined
}

/** The session's cart, or null when there is none (or it was completed or deleted under us). */
export async function readCart(store: StoreClient, session: LxSession): Promise<CartView | null> {
  const cartId = session.get("cartId")
  if (!cartId) return null
  try {
    const { cart } = await store.request<{ cart: unknown & { completed_at?: string | null } }>(
      `loading cart ${cartId}`,
      `/store/carts/${cartId}`,
      { query: { fields: CART_FIELDS }, headers: cartAuth(session) }
    )
    if (cart.completed_at) {
      // Paid online and placed meanwhile (the webhook does it when the browser never came back): the payment page
      // turns into the confirmation with the pickup code, instead of the cart silently vanishing.
      if (session.get("payment")?.cartId === cartId) throw redirect("/checkout/pay", 303)
      session.unset("cartId")
      return null
    }
    return toCartView(cart)
  } catch (error) {
    if (statusOf(error) === 404) {
      session.unset("cartId")
      return null
    }
    throw error
  }
}

async function createCart(store: StoreClient, session: LxSession): Promise<string> {
  const region_id = await store.regionId()
  const token = session.get("token")
  const { cart } = await store.request<{ cart: { id: string } }>("creating a cart", "/store/carts", {
    method: "POST",
    body: { region_id },
    query: { fields: "id" },
    // A signed-in resident's cart belongs to them from the start.
    headers: token ? { authorization: `Bearer ${token}` } : undefined,
  })
  session.set("cartId", cart.id)
  return cart.id
}

export type CartActionData = { ok: false; errors: FieldErrors; values?: Record<string, string>; lineId?: string }

/** Medusa's words for the failures a resident can cause → the message shown at the field. */
function cartErrorKey(error: unknown): MessageKey | null {
  const status = statusOf(error)
  const message = messageOf(error)
  if ((status === 400 || status === 409) && /inventory|stock/i.test(message)) return "cart.error.stock"
  if (status === 404 || (status === 400 && /not found|does not exist|unpublished|not available/i.test(message)))
    return "cart.error.gone"
  return null
}

/**
 * The cart form (add, update, remove): one schema, errors back to the field.
 * Successful posts redirect (post/redirect/get), so a reload never posts twice.
 */
export async function cartAction(store: StoreClient, sessions: Sessions, request: Request) {
  const session = await sessions.get(request)
  const form = await request.formData()
  const redirectTo = safeRedirect(form.get("redirectTo"), "/cart")
  const parsed = parseForm(cartFormSchema, form)
  if (!parsed.ok) {
    const lineId = typeof form.get("lineId") === "string" ? String(form.get("lineId")) : undefined
    return withSession(
      sessions,
      request,
      session,
      { ok: false, errors: parsed.errors, values: parsed.values, lineId } as CartActionData,
      { status: 400 }
    )
  }
  const input = parsed.data
  try {
    let notice: Notice
    if (input.intent === "add") {
      let cartId = session.get("cartId") ?? (await createCart(store, session))
      const add = () =>
        store.request(`adding ${input.variantId} to cart ${cartId}`, `/store/carts/${cartId}/line-items`, {
          method: "POST",
          body: { variant_id: input.variantId, quantity: input.quantity },
          query: { fields: "id" },
          headers: cartAuth(session),
        })
      try {
        await add()
      } catch (error) {
        // The remembered cart was completed in another tab or expired: start a new one once.
        if (statusOf(error) !== 404 && !/completed/i.test(messageOf(error))) throw error
        cartId = await createCart(store, session)
        await add()
      }
      notice = "cart.added"
    } else {
      const cartId = session.get("cartId")
      if (!cartId) {
        return withSession(
          sessions,
          request,
          session,
          { ok: false, errors: { form: "cart.error.gone" }, lineId: input.lineId } as CartActionData,
          { status: 404 }
        )
      }
      if (input.intent === "update") {
        await store.request(`updating line ${input.lineId}`, `/store/carts/${cartId}/line-items/${input.lineId}`, {
          method: "POST",
          body: { quantity: input.quantity },
          query: { fields: "id" },
          headers: cartAuth(session),
        })
        notice = "cart.updated"
      } else {
        await store.request(`removing line ${input.lineId}`, `/store/carts/${cartId}/line-items/${input.lineId}`, {
          method: "DELETE",
          headers: cartAuth(session),
        })
        notice = "cart.removed"
      }
    }
    const cart = await readCart(store, session)
    session.set("cartCount", cart?.itemCount ?? 0)
    throw redirect(withNotice(redirectTo, notice), {
      status: 303,
      headers: { "Set-Cookie": await sessions.commit(request, session) },
    })
  } catch (error) {
    if (error instanceof Response) throw error
    const key = cartErrorKey(error)
    if (!key) throw error
    const field = input.intent === "remove" ? "form" : "quantity"
    const lineId = input.intent === "add" ? undefined : input.lineId
    return withSession(sessions, request, session, { ok: false, errors: { [field]: key }, lineId } as CartActionData, {
      status: 400,
    })
  }
}

/** The cart page: the cart as it is now; keeps the header's count in step with it. */
export async function loadCartPage(store: StoreClient, sessions: Sessions, request: Request, pickup?: PickupApi) {
  const session = await sessions.get(request)
  const [cart, compound] = await Promise.all([
    orUnavailable(() => readCart(store, session)),
    loadCompound(pickup, request),
  ])
  session.set("cartCount", cart?.itemCount ?? 0)
  return withSession(
    sessions,
    request,
    session,
    { cart, compound, now: Date.now(), notice: noticeFrom(request) },
    { headers: PRIVATE_HEADERS }
  )
}
