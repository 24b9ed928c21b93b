import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { rawRequest, type RawResponse } from "../helpers/raw-http"
import { MATRIX } from "../security/authorization-matrix"
import { type Probe, probesFor, type SweepRoute } from "../security/bad-input"
import { pluginRoutes } from "../security/routes"
import { ACTORS, buildWorld, type World } from "../security/world"

/**
 * The bad-input sweep (issue 11): every route of the plugin (from the
 * authorization matrix, so from the route files) and a representative set of
 * Medusa's store, auth and admin routes, each with at least ten malformed
 * variants — NUL bytes, invalid UTF-8 and malformed percent-encoding in path,
 * query and body, negative and absurd paging, wrong types, arrays for scalars,
 * deep and oversized JSON, prototype-pollution keys, wrong content types,
 * empty bodies — sent byte for byte as the attacker's client would, as the
 * actor who may use the route (so the variant gets as far as it can).
 * No answer may be 5xx; the input guard's cases must be 400 naming the field.
 */
const BATCH = 12

/** Medusa's own routes, as residents, guests and operators reach them. */
function medusaRoutes(w: World): SweepRoute[] {
  const anon = w.headers.anonymous
  const resident = w.headers.residentA
  const admin = w.headers.admin
  return [
    { route: "GET /store/products", target: "/store/products", headers: anon },
    { route: "GET /store/products/:id", target: `/store/products/${w.ids.product}`, headers: anon },
    { route: "GET /store/regions", target: "/store/regions", headers: anon },
    { route: "GET /store/product-categories", target: "/store/product-categories", headers: anon },
    { route: "GET /store/collections", target: "/store/collections", headers: anon },
    { route: "POST /store/carts", target: "/store/carts", headers: anon, body: { email: "guest@lianxin.test" } },
    { route: "GET /store/carts/:id", target: `/store/carts/${w.ids.cartA}`, headers: resident },
    {
      route: "POST /store/carts/:id",
      target: `/store/carts/${w.ids.cartA}`,
      headers: resident,
      body: { email: "matrix-a@lianxin.test" },
    },
    {
      route: "POST /store/carts/:id/line-items",
      target: `/store/carts/${w.ids.cartA}/line-items`,
      headers: resident,
      body: { variant_id: w.ids.variant, quantity: 1 },
    },
    {
      route: "GET /store/shipping-options",
      target: `/store/shipping-options?cart_id=${w.ids.cartA}`,
      headers: resident,
    },
    { route: "GET /store/orders/:id", target: `/store/orders/${w.ids.orderA}`, headers: resident },
    { route: "GET /store/customers/me", target: "/store/customers/me", headers: resident },
    {
      route: "POST /store/customers/me",
      target: "/store/customers/me",
      headers: resident,
      body: { first_name: "小明" },
    },
    {
      route: "POST /auth/customer/emailpass",
      target: "/auth/customer/emailpass",
      headers: {},
      body: { email: "nobody@lianxin.test", password: "wrong-password" },
    },
    { route: "GET /admin/products", target: "/admin/products", headers: admin },
    { route: "GET /admin/products/:id", target: `/admin/products/${w.ids.product}`, headers: admin },
    {
      route: "POST /admin/products/:id",
      target: `/admin/products/${w.ids.product}`,
      headers: admin,
      body: { subtitle: "矩阵" },
    },
    { route: "GET /admin/orders", target: "/admin/orders", headers: admin },
    { route: "GET /admin/orders/:id", target: `/admin/orders/${w.ids.orderA}`, headers: admin },
    { route: "GET /admin/customers", target: "/admin/customers", headers: admin },
    {
      route: "POST /admin/customers",
      target: "/admin/customers",
      headers: admin,
      body: { email: "sweep@lianxin.test" },
    },
    { route: "GET /admin/stock-locations", target: "/admin/stock-locations", headers: admin },
  ]
}

/** Our routes: the matrix's request, as the actor the matrix lets furthest in. */
function ourRoutes(w: World): SweepRoute[] {
  return MATRIX.map((row) => {
    // The actor let furthest in: one who gets a 2xx, else the one whose answer no one else gets
    // (the operator's 404 for a missing statement, staff A's 422 for a wrong code).
    const share = (a: (typeof ACTORS)[number]) => ACTORS.filter((b) => row.expect[b] === row.expect[a]).length
    const rank = (a: (typeof ACTORS)[number]) => (row.expect[a] < 400 ? 0 : 10) + share(a)
    const actor = [...ACTORS].sort((a, b) => rank(a) - rank(b))[0]
    return {
      route: row.route,
      target: row.target(w),
      headers: w.headers[actor],
      body: row.body?.(w, actor),
      multipart: !!row.form,
    }
  })
}

type Result = { probe: Probe; ours: boolean; res?: RawResponse; error?: string }

medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer }) => {
    let world: World
    const base = () => api.defaults.baseURL as string

    beforeAll(async () => {
      world = await buildWorld(api, getContainer())
    })

    it("every route, ours and Medusa's, answers every malformed variant below 500; the guard's cases are 400 naming the field", {
      timeout: 900_000,
    }, async () => {
      const ours = ourRoutes(world)
      expect(ours.map((r) => r.route).sort()).toEqual(pluginRoutes())
      const routes = [...ours.map((r) => ({ r, ours: true })), ...medusaRoutes(world).map((r) => ({ r, ours: false }))]
      const work: Array<{ probe: Probe; ours: boolean; route: string }> = []
      for (const { r, ours } of routes) {
        const probes = probesFor(r)
        // At least ten malformed variants for every route.
        expect([r.route, probes.length >= 10]).toEqual([r.route, true])
        for (const probe of probes) work.push({ probe, ours, route: r.route })
      }

      const started = Date.now()
      const results: Result[] = []
      for (let i = 0; i < work.length; i += BATCH) {
        const batch = work.slice(i, i + BATCH)
        results.push(
          ...(await Promise.all(
            batch.map(async ({ probe, ours }) => {
              try {
                const res = await rawRequest(base(), probe.method, probe.target, {
                  headers: probe.headers,
                  body: probe.body,
                  fresh: true,
                })
                return { probe, ours, res }
              } catch (e) {
                return { probe, ours, error: (e as Error).message }
              }
            })
          ))
        )
      }

      const byStatus = new Map<string, number>()
      for (const r of results) {
        const key = r.res ? String(r.res.status) : "no answer"
        byStatus.set(key, (byStatus.get(key) ?? 0) + 1)
      }
      const summary = [...byStatus.entries()]
        .sort()
        .map(([s, n]) => `${s}: ${n}`)
        .join(", ")
      console.log(
        `[bad-input sweep] ${results.length} requests over ${routes.length} routes (${ours.length} ours, ${routes.length - ours.length} Medusa's) in ${((Date.now() - started) / 1000).toFixed(1)} s — ${summary}`
      )

      // The app runs in this process: no `__proto__` / `constructor.prototype` key reached Object.prototype.
      expect([
        ({} as Record<string, unknown>).polluted,
        Object.prototype.hasOwnProperty.call(Object.prototype, "polluted"),
      ]).toEqual([undefined, false])

      const describe = (r: Result) =>
        `${r.probe.method} ${r.probe.target.slice(0, 120)} [${r.probe.name}] → ${r.res?.status ?? r.error} ${r.res?.text.slice(0, 160) ?? ""}`
      const serverErrors = results.filter((r) => !r.res || r.res.status >= 500).map(describe)
      expect(serverErrors).toEqual([])

      const unnamed = results
        .filter((r) => r.probe.mustBe400WithField)
        .filter(
          (r) =>
            r.res?.status !== 400 ||
            r.res.json?.type !== "invalid_data" ||
            typeof r.res.json?.field !== "string" ||
            !r.res.json.field
        )
        .map(describe)
      expect(unnamed).toEqual([])

      // Our routes validate their bodies: wrong types are refused, and a 400 names the field.
      const accepted = results
        .filter((r) => r.ours && r.probe.mustBeRefusedNaming)
        .filter((r) => {
          const status = r.res?.status ?? 0
          if (status < 400 || status >= 500) return true
          if (status !== 400) return false
          const said = `${r.res?.json?.field ?? ""} ${r.res?.json?.message ?? ""}`
          return !r.probe.mustBeRefusedNaming!.some((f) => said.includes(f))
        })
        .map(describe)
      expect(accepted).toEqual([])
    })
  },
})
