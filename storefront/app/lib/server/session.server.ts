import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import type { Session, SessionStorage } from "react-router"
import { getEnv, type StorefrontEnv } from "./env.server"
import { createSealedCookieSessionStorage } from "./sealed-cookie.server"

/**
 * The storefront's own session: an encrypted, HttpOnly cookie holding the cart id,
 * the signed-in customer's Medusa token and the orders placed from this
 * browser. Nothing else about the resident is stored in it.
 */
export type SessionData = {
  cartId: string
  /** Items in the cart, for the header badge without a backend call on every page. */
  cartCount: number
  /** Medusa customer JWT (1 day); only ever sent to the backend by this server. */
  token: string
  /** Who is signed in, for the header and forms: an email account, or a mobile account (SMS sign-in, no email). */
  customer: { email: string | null; name: string | null; phone?: string | null }
  /** Orders placed from this browser, newest first: the confirmation page and guest order claims use them. */
  orders: string[]
  /**
   * The cart each of those orders was placed from (order id → cart id): a guest's proof of ownership for the
   * backend's guest routes (pickup code, pickup details, cancel). Kept only for the orders above.
   */
  orderCarts: Record<string, string>
  /**
   * An online payment under way for the cart (docs/payments.md): the method chosen and the pickup summary the
   * confirmation needs once the order is placed (by the payment page or by the webhook).
   */
  payment: { cartId: string; method: "wechat_pay" | "alipay" | "card"; pickup: Record<string, string | null> | null }
}
export type FlashData = {
  /** The pickup code issued right after checkout, shown once on the confirmation that follows. */
  issuedCode: { orderId: string; code: string; qrToken: string }
}
export type LxSession = Session<SessionData, FlashData>

export const SESSION_COOKIE = "lx_session"
/** The compound (pickup point) a resident chose; a plain cookie so it outlives sign-out. */
export const COMPOUND_COOKIE = "lx_compound"
const MAX_ORDERS = 10
const ONE_DAY = 60 * 60 * 24

export function readSecret(source: StorefrontEnv["sessionSecret"]): string {
  if (source.kind === "value") return source.value
  try {
    const existing = fs.readFileSync(source.path, "utf8").trim()
    if (existing) return existing
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error
  }
  fs.mkdirSync(path.dirname(source.path), { recursive: true })
  const secret = crypto.randomBytes(32).toString("base64url")
  try {
    // "wx": when several servers start at once, the first writer wins and the others read its secret.
    fs.writeFileSync(source.path, `${secret}\n`, { flag: "wx", mode: 0o600 })
    console.error(`[storefront] SESSION_SECRET is not set: generated one in ${source.path} (set it in production)`)
    return secret
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error
    return fs.readFileSync(source.path, "utf8").trim()
  }
}

export function createSessionStorage(secret: string, secure: boolean): SessionStorage<SessionData, FlashData> {
  // Sealed, not merely signed: the cookie carries the resident's Medusa token (docs/security.md).
  return createSealedCookieSessionStorage<SessionData, FlashData>({
    name: SESSION_COOKIE,
    secrets: [secret],
    secure,
    // The customer token lasts a day; the cart is worth keeping for a week.
    maxAge: ONE_DAY * 7,
  })
}

const storages = new Map<boolean, SessionStorage<SessionData, FlashData>>()

function storageFor(request: Request) {
  const secure = new URL(request.url).protocol === "https:"
  let storage = storages.get(secure)
  if (!storage) {
    storage = createSessionStorage(readSecret(getEnv().sessionSecret), secure)
    storages.set(secure, storage)
  }
  return storage
}

export async function getSession(request: Request): Promise<LxSession> {
  return storageFor(request).getSession(request.headers.get("Cookie"))
}

export async function commitSession(request: Request, session: LxSession): Promise<string> {
  return storageFor(request).commitSession(session)
}

/** Whether the request carries a session at all: public pages are only shared-cacheable without one. */
export function hasSessionCookie(request: Request): boolean {
  return sessionCookieIn(request.headers.get("Cookie"))
}

/** Whether a Cookie header carries a session. */
export function sessionCookieIn(header: string | null | undefined): boolean {
  return (header ?? "").split(";").some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`))
}

/** An order placed from this browser, with the cart it came from (the guest's proof; its pickup is read from the pickup routes). */
export function rememberOrder(session: LxSession, orderId: string, cartId?: string | null) {
  const orders = [orderId, ...(session.get("orders") ?? []).filter((id) => id !== orderId)].slice(0, MAX_ORDERS)
  session.set("orders", orders)
  const carts = { ...(session.get("orderCarts") ?? {}) }
  if (cartId) carts[orderId] = cartId
  for (const id of Object.keys(carts)) if (!orders.includes(id)) delete carts[id]
  if (Object.keys(carts).length) session.set("orderCarts", carts)
}

/** The cart an order of this browser was placed from (a guest's proof of ownership), or undefined. */
export function cartOfOrder(session: LxSession, orderId: string): string | undefined {
  return session.get("orderCarts")?.[orderId]
}

/** Forgets orders this browser placed (after the account took them over). */
export function forgetOrders(session: LxSession, orderIds: readonly string[]) {
  const orders = (session.get("orders") ?? []).filter((id) => !orderIds.includes(id))
  session.set("orders", orders)
  const carts = { ...(session.get("orderCarts") ?? {}) }
  for (const id of orderIds) delete carts[id]
  if (Object.keys(carts).length) session.set("orderCarts", carts)
  else session.unset("orderCarts")
}

export function signIn(session: LxSession, token: string, customer: SessionData["customer"]) {
  session.set("token", token)
  session.set("customer", customer)
}

/** Reads a JWT's exp without verifying it: the backend verifies; this only avoids sending stale tokens. */
export function isExpired(token: string, now = Date.now()): boolean {
  const payload = token.split(".")[1]
  if (!payload) return true
  try {
    const { exp } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { exp?: unknown }
    return typeof exp === "number" && exp * 1000 <= now
  } catch {
    return true
  }
}

export function compoundFromCookieHeader(header: string | null): string | null {
  for (const part of (header ?? "").split(";")) {
    const [name, value] = part.trim().split("=")
    if (name === COMPOUND_COOKIE && value && /^ppt_[A-Za-z0-9]{1,64}$/.test(value)) return value
  }
  return null
}

export function compoundCookie(pickupPointId: string, { secure = false } = {}): string {
  const attributes = [
    `${COMPOUND_COOKIE}=${pickupPointId}`,
    "Path=/",
    `Max-Age=${ONE_DAY * 365}`,
    "SameSite=Lax",
    "HttpOnly",
  ]
  if (secure) attributes.push("Secure")
  return attributes.join("; ")
}
