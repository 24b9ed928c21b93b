import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"
import { rawRequest } from "../helpers/raw-http"

/**
 * The backend's edge (issue 11, findings 4 and 6): the input guard before
 * every route, ours and Medusa's, and the headers on every response. Requests
 * go out byte for byte as written (helpers/raw-http), as an attacker's would.
 */
medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let key: string
    const base = () => api.defaults.baseURL as string
    const store = (method: string, target: string, body?: string) =>
      rawRequest(base(), method, target, { headers: { "x-publishable-api-key": key }, body })

    beforeAll(async () => {
      const container = getContainer()
      const salesChannels = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({})
      const { result } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "security", type: "publishable", created_by: "test" }] },
      })
      await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: result[0].id, add: salesChannels.map((s) => s.id) } })
      key = result[0].token
    })

    describe("input guard", () => {
      it("answers the issue's 500s with 400 naming the parameter", async () => {
        const cases: [string, string, string][] = [
          ["GET", "/store/products/%00/price-breakdown", "id"],
          ["GET", "/store/products/%E0%A4%A", "id"],
          ["GET", "/store/products/%C3%28", "id"],
          ["GET", "/store/products?limit=-1", "limit"],
          ["GET", "/store/products?offset=99999999999999999999", "offset"],
          ["GET", "/store/products?limit=100000", "limit"],
          ["GET", "/store/pickup-points?q=%00", "q"],
          ["GET", "/store/households/%00", "code"],
          ["GET", "/store/regions?fields=%FF", "fields"],
        ]
        for (const [method, target, field] of cases) {
          const res = await store(method, target)
          expect([target, res.status, res.json?.type, res.json?.field]).toEqual([target, 400, "invalid_data", field])
          expect(res.json.message.startsWith(`${field} `), target).toBe(true)
        }
      })

      it("guards Medusa's own routes and those outside /store, with or without a login", async () => {
        for (const target of ["/admin/orders/%00", "/auth/user/%ZZ", "/pickup-staff/batches/%00/check-in", "/app/%E0%A4%A", "/nowhere/%00"]) {
          const res = await rawRequest(base(), "GET", target)
          expect([target, res.status]).toEqual([target, 400])
        }
      })

      it("refuses NUL and lone surrogates in a JSON body, naming the field", async () => {
        const nul = await store("POST", "/store/carts", JSON.stringify({ metadata: { note: "a\u0000b" } }))
        expect([nul.status, nul.json?.field]).toEqual([400, "metadata.note"])
        const surrogate = await rawRequest(base(), "POST", "/auth/customer/emailpass", {
          body: '{"email":"a@b.c","password":"\\ud800"}',
        })
        expect([surrogate.status, surrogate.json?.field]).toEqual([400, "password"])
      })

      it("lets ordinary requests through", async () => {
        expect((await store("GET", "/store/products?limit=20&offset=0&fields=id,title")).status).toBe(200)
        expect((await store("GET", `/store/pickup-points?q=${encodeURIComponent("滨江")}`)).status).toBe(200)
        expect((await store("GET", "/store/products/prod_missing/price-breakdown")).status).toBe(404)
      })
    })

    describe("headers", () => {
      it("every response: no X-Powered-By, no framing, nosniff; no HSTS over plain http", async () => {
        for (const target of ["/store/products", "/admin/orders", "/health", "/store/products/%00"]) {
          const res = await rawRequest(base(), "GET", target, { headers: { "x-publishable-api-key": key } })
          expect(res.headers["x-powered-by"], target).toBeUndefined()
          expect(res.headers["x-frame-options"], target).toBe("DENY")
          expect(res.headers["content-security-policy"], target).toContain("frame-ancestors 'none'")
          expect(res.headers["x-content-type-options"], target).toBe("nosniff")
          expect(res.headers["strict-transport-security"], target).toBeUndefined()
        }
      })

      it("HSTS only when a trusted proxy (loopback by default) says the request came over TLS", async () => {
        const viaProxy = await rawRequest(base(), "GET", "/health", { headers: { "x-forwarded-proto": "https" } })
        expect(viaProxy.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains")
      })
    })
  },
})
