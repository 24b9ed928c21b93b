import http from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MeiliClient, MeilisearchApiError, MeilisearchUnreachableError } from "./client"

type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void

describe("MeiliClient", () => {
  let server: http.Server
  let handler: Handler = () => {}
  let host = ""

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = ""
      req.on("data", (c) => {
        body += c
      })
      req.on("end", () => handler(req, body, res))
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it("sends JSON with the key and reads the answer", async () => {
    const seen: Record<string, unknown> = {}
    handler = (req, body, res) => {
      Object.assign(seen, { method: req.method, url: req.url, auth: req.headers.authorization, body: JSON.parse(body) })
      res.setHeader("content-type", "application/json")
      res.end(JSON.stringify({ results: [{ hits: [], query: "苹果", processingTimeMs: 1 }] }))
    }
    const client = new MeiliClient({ host: `${host}/`, apiKey: "k".repeat(16) })
    const answer = await client.multiSearch([{ indexUid: "p", q: "苹果" }])
    expect(answer.results[0].query).toBe("苹果")
    expect(seen).toEqual({
      method: "POST",
      url: "/multi-search",
      auth: `Bearer ${"k".repeat(16)}`,
      body: { queries: [{ indexUid: "p", q: "苹果" }] },
    })
  })

  it("tells an API error (with its code) from an engine that is down or broken", async () => {
    const client = new MeiliClient({ host })
    handler = (_req, _body, res) => {
      res.statusCode = 404
      res.end(JSON.stringify({ message: "Index `x` not found.", code: "index_not_found" }))
    }
    const notFound = await client.getSettings("x").catch((e: unknown) => e)
    expect(notFound).toBeInstanceOf(MeilisearchApiError)
    expect(notFound).toMatchObject({ status: 404, code: "index_not_found" })
    handler = (_req, _body, res) => {
      res.statusCode = 503
      res.end("overloaded")
    }
    expect(await client.health().catch((e: unknown) => e)).toBeInstanceOf(MeilisearchUnreachableError)
  })

  it("gives up after its timeout and when nothing listens", async () => {
    handler = () => {} // never answers
    const slow = new MeiliClient({ host, searchTimeoutMs: 100 })
    const started = Date.now()
    const error = await slow.multiSearch([{ indexUid: "p", q: "x" }]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MeilisearchUnreachableError)
    expect((error as Error).message).toMatch(/no answer within 100 ms/)
    expect(Date.now() - started).toBeLessThan(2000)
    const closed = new MeiliClient({ host: "http://127.0.0.1:1" })
    expect(await closed.health().catch((e: unknown) => e)).toBeInstanceOf(MeilisearchUnreachableError)
  })
})
