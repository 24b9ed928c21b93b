// A small round-robin HTTP proxy with no dependencies, for running the scale-out
// topology on one machine (scripts/cluster/start.mjs). Production uses a real
// load balancer (docs/deploy.md); this one exists so the topology can be started
// and attacked here.
//
// - Requests go to the next healthy upstream in turn.
// - A request whose upstream refuses the connection (the process is gone) is sent
//   to the next upstream: it never reached a server, so resending is safe for any
//   method. The failed upstream is skipped for `downForMs`.
// - A request whose upstream dies after receiving it is NOT resent (it may have
//   been processed): the client gets 502 and decides (the storefront and the
//   bench retry idempotent calls; checkout is guarded by the cart's lock).
// - Every response says which upstream served it (`x-lianxin-upstream`), so tests
//   can prove that work spread over the servers.
import http from "node:http"

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
])

/** Connection errors that prove the request never reached the upstream's application. */
const NOT_DELIVERED = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ENOTFOUND"])

const MAX_BODY_BYTES = 20 * 1024 * 1024

/**
 * @param {{ port?: number, host?: string, upstreams: { name: string, url: string }[], downForMs?: number,
 *   log?: (line: string) => void }} options
 * @returns {Promise<{ port: number, url: string, counts: Record<string, number>, close: () => Promise<void> }>}
 */
export async function startRoundRobinProxy({
  port = 0,
  host = "127.0.0.1",
  upstreams,
  downForMs = 2_000,
  log = () => {},
}) {
  if (!Array.isArray(upstreams) || upstreams.length === 0) throw new Error("the proxy needs at least one upstream")
  const targets = upstreams.map((u) => ({ ...u, target: new URL(u.url), downUntil: 0 }))
  const counts = Object.fromEntries(targets.map((t) => [t.name, 0]))
  let next = 0

  /** The upstreams to try for one request, healthy ones first, each once. */
  const order = () => {
    const now = Date.now()
    const start = next++ % targets.length
    const rotated = targets.map((_, i) => targets[(start + i) % targets.length])
    return [...rotated.filter((t) => t.downUntil <= now), ...rotated.filter((t) => t.downUntil > now)]
  }

  const server = http.createServer(async (req, res) => {
    let body
    try {
      body = await readBody(req)
    } catch (error) {
      res.writeHead(413, { "content-type": "text/plain" }).end(String(error.message))
      return
    }
    const headers = forwardHeaders(req)
    for (const upstream of order()) {
      const outcome = await forward(upstream, req, headers, body, res)
      if (outcome === "done") {
        counts[upstream.name]++
        return
      }
      if (outcome === "not-delivered") {
        upstream.downUntil = Date.now() + downForMs
        log(`${upstream.name} refused ${req.method} ${req.url}: trying the next server`)
        continue
      }
      return // "failed-after-delivery": already answered 502
    }
    if (!res.headersSent) {
      res.writeHead(502, { "content-type": "text/plain" }).end("no upstream is reachable")
    }
  })
  // Keep-alive connections from clients must not outlive close().
  const sockets = new Set()
  server.on("connection", (socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })
  await new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, host, resolve)
  })
  const address = server.address()
  return {
    port: address.port,
    url: `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${address.port}`,
    counts,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    req.on("data", (chunk) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request body too large for the proxy"))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on("end", () => resolve(Buffer.concat(chunks)))
    req.on("error", reject)
  })
}

function forwardHeaders(req) {
  const headers = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (!HOP_BY_HOP.has(name)) headers[name] = value
  }
  const client = req.socket.remoteAddress ?? ""
  headers["x-forwarded-for"] = headers["x-forwarded-for"] ? `${headers["x-forwarded-for"]}, ${client}` : client
  headers["x-forwarded-proto"] ??= "http"
  headers["x-forwarded-host"] ??= req.headers.host ?? ""
  return headers
}

/** @returns {Promise<"done" | "not-delivered" | "failed-after-delivery">} */
function forward(upstream, req, headers, body, res) {
  return new Promise((resolve) => {
    const request = http.request(
      {
        protocol: upstream.target.protocol,
        hostname: upstream.target.hostname,
        port: upstream.target.port,
        method: req.method,
        path: req.url,
        headers: { ...headers, host: upstream.target.host, "content-length": String(body.length) },
      },
      (response) => {
        const out = {}
        for (const [name, value] of Object.entries(response.headers)) {
          if (!HOP_BY_HOP.has(name)) out[name] = value
        }
        out["x-lianxin-upstream"] = upstream.name
        res.writeHead(response.statusCode ?? 502, response.statusMessage, out)
        response.pipe(res)
        response.on("end", () => resolve("done"))
        response.on("error", () => {
          res.destroy()
          resolve("failed-after-delivery")
        })
      }
    )
    request.on("error", (error) => {
      if (NOT_DELIVERED.has(error.code)) {
        resolve("not-delivered")
        return
      }
      if (!res.headersSent) {
        res.writeHead(502, { "content-type": "text/plain", "x-lianxin-upstream": upstream.name })
        res.end(`upstream ${upstream.name} failed: ${error.code ?? error.message}`)
      } else {
        res.destroy()
      }
      resolve("failed-after-delivery")
    })
    request.end(body)
  })
}
