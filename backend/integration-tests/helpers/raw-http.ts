import http from "node:http"

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; text: string; json: any }

/**
 * One HTTP request with the request target sent exactly as given (axios and
 * fetch normalise or re-encode paths; an attacker's curl does not).
 */
export function rawRequest(
  baseUrl: string,
  method: string,
  target: string,
  {
    headers = {},
    body,
    fresh = false,
  }: { headers?: Record<string, string>; body?: string | Buffer; fresh?: boolean } = {}
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname,
        port,
        method,
        path: target,
        // fresh: a connection of its own (Node's global agent reuses kept-alive sockets, which a server may have
        // just closed after an error answer: ECONNRESET that says nothing about the request itself).
        ...(fresh ? { agent: false } : {}),
        headers: {
          ...(body === undefined
            ? {}
            : { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on("data", (c) => chunks.push(c))
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8")
          let json: any
          try {
            json = JSON.parse(text)
          } catch {}
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
        })
      }
    )
    req.on("error", reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}
