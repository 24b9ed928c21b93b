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
  { headers = {}, body }: { headers?: Record<string, string>; body?: string | Buffer } = {}
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname,
        port,
        method,
        path: target,
        headers: { ...(body === undefined ? {} : { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) }), ...headers },
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
