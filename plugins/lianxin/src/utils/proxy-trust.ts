import type { IncomingMessage } from "node:http"
import proxyaddr from "proxy-addr"

/**
 * Which proxies may tell us the client's address and scheme (TRUST_PROXY):
 * `false` (nobody: the socket's peer is the client), `true` (everybody — only
 * behind a proxy that strips these headers), a number of hops, or a
 * comma-separated list of `loopback`, `linklocal`, `uniquelocal`, addresses
 * and CIDR ranges. Default `loopback`: the storefront and a local TLS proxy
 * on the same host are believed, nobody else.
 */
export type TrustFn = (address: string, hop: number) => boolean

export const DEFAULT_TRUST_PROXY = "loopback"

export class TrustProxyError extends Error {}

export function compileTrust(setting: string | undefined = DEFAULT_TRUST_PROXY): TrustFn {
  const value = setting.trim() || DEFAULT_TRUST_PROXY
  if (value === "false" || value === "none") return () => false
  if (value === "true") return () => true
  if (/^\d+$/.test(value)) {
    const hops = Number(value)
    return (_address, hop) => hop < hops
  }
  try {
    return proxyaddr.compile(
      value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    )
  } catch (e) {
    throw new TrustProxyError(
      `TRUST_PROXY must be false, true, a number of hops or a list of loopback, linklocal, uniquelocal, addresses and CIDR ranges (${(e as Error).message})`
    )
  }
}

/** The client's address: the socket's peer, or the nearest untrusted address in X-Forwarded-For. */
export function clientAddress(req: IncomingMessage, trust: TrustFn): string {
  const address = proxyaddr(req as any, trust)
  // IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d: one client, one spelling.
  return address?.startsWith("::ffff:") ? address.slice(7) : address || "unknown"
}

/** True when the request reached us over TLS, directly or through a trusted proxy that says so. */
export function requestIsTls(req: IncomingMessage, trust: TrustFn): boolean {
  if ((req.socket as any)?.encrypted) return true
  const peer = req.socket?.remoteAddress
  if (!peer || !trust(peer, 0)) return false
  const header = req.headers["x-forwarded-proto"]
  const first = (Array.isArray(header) ? header[0] : header)?.split(",")[0]?.trim().toLowerCase()
  return first === "https"
}
