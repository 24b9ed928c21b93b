import { describe, expect, it } from "vitest"
import handleRequest, { handleDataRequest } from "./entry.server"

// Only the conditional-request paths: they answer before React renders anything (the render itself is covered by
// the journeys). The router context is never touched on these paths.
const noContext = {} as never

function request(headers: Record<string, string> = {}, method = "GET") {
  return new Request("http://shop.test/", { method, headers })
}

describe("conditional requests of public pages", () => {
  const etag = 'W/"page-1"'
  const pageHeaders = () =>
    new Headers({ ETag: etag, "Cache-Control": "public, max-age=0, s-maxage=30", Vary: "Cookie" })

  it("answers 304 without a body when the page's ETag matches If-None-Match", async () => {
    const response = await handleRequest(request({ "If-None-Match": etag }), 200, pageHeaders(), noContext)
    expect(response.status).toBe(304)
    expect(response.body).toBeNull()
    expect(response.headers.get("ETag")).toBe(etag)
    expect(response.headers.get("Cache-Control")).toContain("public")
  })

  it("answers 304 to a client-side navigation's data request with the same ETag, and passes others through", () => {
    const ok = new Response("{}", { status: 200, headers: pageHeaders() })
    expect(handleDataRequest(ok, { request: request({ "If-None-Match": etag }) }).status).toBe(304)
    const changed = new Response("{}", { status: 200, headers: pageHeaders() })
    expect(handleDataRequest(changed, { request: request({ "If-None-Match": 'W/"page-0"' }) })).toBe(changed)
    const personal = new Response("{}", { status: 200, headers: { "Cache-Control": "private, no-cache" } })
    expect(handleDataRequest(personal, { request: request({ "If-None-Match": etag }) })).toBe(personal)
  })

  it("never answers 304 for an error page or a page without an ETag", async () => {
    const error = await handleRequest(request({ "If-None-Match": etag }, "HEAD"), 404, pageHeaders(), noContext)
    expect(error.status).toBe(404)
    const personal = await handleRequest(
      request({ "If-None-Match": etag }, "HEAD"),
      200,
      new Headers({ "Cache-Control": "private, no-cache" }),
      noContext
    )
    expect(personal.status).toBe(200)
  })
})
