import Medusa, { FetchError } from "@medusajs/js-sdk"

declare const __BACKEND_URL__: string | undefined

/**
 * The JS SDK as Medusa's admin customization docs set it up: the dashboard's
 * session cookie authenticates, the backend URL is the one baked into the
 * dashboard (MEDUSA_ADMIN_BACKEND_URL; same origin when unset).
 */
export const sdk = new Medusa({
  baseUrl: typeof __BACKEND_URL__ !== "undefined" && __BACKEND_URL__ ? __BACKEND_URL__.replace(/\/$/, "") : "/",
  auth: { type: "session" },
})

/** Whether the operator chose English in Admin (Medusa keeps the choice in localStorage `lng`; Chinese otherwise). */
function inEnglish(): boolean {
  try {
    return (globalThis.localStorage?.getItem("lng") ?? "").startsWith("en")
  } catch {
    return false
  }
}

/** What an operator reads when a request fails: the server's message, else the status in the operator's language. */
export function errorMessage(error: unknown): string {
  const en = inEnglish()
  if (error instanceof FetchError) {
    if (error.message && error.message !== error.statusText) return error.message
    return en ? `Request failed (${error.status ?? "network"})` : `请求失败（${error.status ?? "网络"}）`
  }
  return error instanceof Error && error.message ? error.message : en ? "Request failed" : "请求失败"
}
