/**
 * The client's address as scripts/server.mjs determined it (TRUST_PROXY
 * applied; a client's own header of that name is replaced), forwarded to the
 * backend on sign-in calls so its rate limits count per resident or staff
 * address, not per storefront server. The backend believes X-Forwarded-For
 * from the storefront because its TRUST_PROXY includes it (loopback by default).
 */
export const CLIENT_ADDRESS_HEADER = "x-lianxin-client-address"

export function forwardedFor(request: Request): Record<string, string> {
  const address = request.headers.get(CLIENT_ADDRESS_HEADER)?.trim()
  return address && /^[0-9A-Fa-f:.]{2,45}$/.test(address) ? { "x-forwarded-for": address } : {}
}

/** Seconds from a 429's Retry-After (or its body), at least 1. */
export function retryAfterOf(headers: Headers | undefined, body?: { retry_after?: unknown }): number {
  const fromHeader = Number(headers?.get("retry-after"))
  const fromBody = Number(body?.retry_after)
  const seconds =
    Number.isFinite(fromHeader) && fromHeader > 0
      ? fromHeader
      : Number.isFinite(fromBody) && fromBody > 0
        ? fromBody
        : 60
  return Math.ceil(seconds)
}
