import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"
import { createAdminSession } from "../helpers/admin"
import { createOffice, createPoint, createStaff, STAFF_PASSWORD } from "../helpers/pickup-network"
import { createResident } from "../helpers/pickup-staff"
import { rawRequest } from "../helpers/raw-http"

/**
 * The backend's edge (issue 11, findings 4, 5 and 6): the input guard before
 * every route, ours and Medusa's, the headers on every response, and the
 * rate limits on sign-in for every actor. Requests
 * go out byte for byte as written (helpers/raw-http), as an attacker's would.
 */
medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let key: string
    const adminEmail = "throttle-admin@lianxin.test"
    const adminPassword = "admin-pass-123"
    const staffEmail = "throttle-staff@pickup.test"
    const residentEmail = "throttle-resident@lianxin.test"
    const residentPassword = "resident-pass-123"
    const base = () => api.defaults.baseURL as string
    const store = (method: string, target: string, body?: string) =>
      rawRequest(base(), method, target, { headers: { "x-publishable-api-key": key }, body })

    beforeAll(async () => {
      const container = getContainer()
      const salesChannels = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({})
      const { result } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "security", type: "publishable", created_by: "test" }] },
      })
      await linkSalesChannelsToApiKeyWorkflow(container).run({
        input: { id: result[0].id, add: salesChannels.map((s) => s.id) },
      })
      key = result[0].token
      // Accounts of every actor for the rate-limit tests (made here: the runner snapshots after this beforeAll).
      const admin = await createAdminSession(api, container, { email: adminEmail, password: adminPassword })
      const office = await createOffice(api, admin.headers, {
        compound_name: "限流小区",
        city: "杭州市",
        address: "测试路 1 号",
      })
      const point = await createPoint(api, admin.headers, office, "XL-1")
      await createStaff(api, admin.headers, staffEmail, [point])
      await createResident(api, key, residentEmail, residentPassword)
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
        for (const target of [
          "/admin/orders/%00",
          "/auth/user/%ZZ",
          "/pickup-staff/batches/%00/check-in",
          "/app/%E0%A4%A",
          "/nowhere/%00",
        ]) {
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

    describe("rate limits on sign-in", () => {
      /** One attempt from a given client address (the test client is on loopback, a trusted proxy by default). */
      const signIn = (actor: string, email: string, password: string, address: string) =>
        rawRequest(base(), "POST", `/auth/${actor}/emailpass`, {
          headers: { "x-forwarded-for": address },
          body: JSON.stringify({ email, password }),
        })

      it("every actor: the 11th wrong password on an account is 429 with Retry-After, and so is the right one then", async () => {
        const accounts: [string, string, string][] = [
          ["customer", residentEmail, residentPassword],
          ["user", adminEmail, adminPassword],
          ["pickup_staff", staffEmail, STAFF_PASSWORD],
        ]
        for (const [actor, email, password] of accounts) {
          // Each guess from another address: only the account's own count can stop it.
          const statuses: number[] = []
          for (let i = 0; i < 10; i++)
            statuses.push((await signIn(actor, email, "wrong-password", `198.51.100.${i + 1}`)).status)
          expect([actor, statuses]).toEqual([actor, Array(10).fill(401)])
          const refused = await signIn(actor, email, "wrong-password", "198.51.100.50")
          expect([actor, refused.status, refused.json.code]).toEqual([actor, 429, "rate_limited"])
          expect(Number(refused.headers["retry-after"])).toBeGreaterThan(800)
          expect(refused.json.message).toMatch(/^尝试次数过多，请 1[45] 分钟后再试/)
          const right = await signIn(actor, email, password, "198.51.100.51")
          expect([actor, right.status]).toEqual([actor, 429])
        }
      })

      it("a successful sign-in clears its account's failures", async () => {
        for (let i = 0; i < 9; i++)
          expect((await signIn("pickup_staff", staffEmail, "nope-nope-1", "203.0.113.20")).status).toBe(401)
        expect((await signIn("pickup_staff", staffEmail, STAFF_PASSWORD, "203.0.113.20")).status).toBe(200)
        for (let i = 0; i < 9; i++)
          expect((await signIn("pickup_staff", staffEmail, "nope-nope-2", "203.0.113.20")).status).toBe(401)
      })

      it("one address guessing many accounts is stopped after 30; another address is not", async () => {
        const statuses: number[] = []
        for (let i = 0; i < 31; i++)
          statuses.push((await signIn("customer", `nobody-${i}@lianxin.test`, "x-password-1", "203.0.113.66")).status)
        expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true)
        expect(statuses[30]).toBe(429)
        expect((await signIn("customer", residentEmail, residentPassword, "203.0.113.66")).status).toBe(429)
        expect((await signIn("customer", residentEmail, residentPassword, "203.0.113.67")).status).toBe(200)
      })

      it("parallel guesses at once: exactly 10 reach the password check, the rest are 429; counted in PostgreSQL", async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            signIn("customer", residentEmail, `guess-${i}-password`, `192.0.2.${i + 1}`)
          )
        )
        const statuses = results.map((r) => r.status).sort()
        expect(statuses.filter((s) => s === 401)).toHaveLength(10)
        expect(statuses.filter((s) => s === 429)).toHaveLength(10)
        const pg = getContainer().resolve("__pg_connection__") as any
        const { rows } = await pg.raw(
          "SELECT key, count FROM rate_limit_counter WHERE key LIKE 'signInAccount:customer:%'"
        )
        expect(rows).toEqual([{ key: expect.not.stringContaining("throttle-resident"), count: 20 }])
      })

      it("logs the first refusal as a warning, with the account masked", async () => {
        const logger = getContainer().resolve("logger") as any
        const warnings: string[] = []
        const original = logger.warn
        logger.warn = (...args: unknown[]) => {
          warnings.push(String(args[0]))
          return original.apply(logger, args)
        }
        try {
          for (let i = 0; i < 12; i++) await signIn("user", adminEmail, "wrong-password", "203.0.113.90")
        } finally {
          logger.warn = original
        }
        const lines = warnings.filter((w) => w.startsWith("[throttle] 429 sign_in"))
        expect(lines).toHaveLength(1)
        expect(lines[0]).toContain("actor=user account=t***@lianxin.test address=203.0.113.90 over=signInAccount")
        expect(lines[0]).not.toContain(adminEmail)
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
