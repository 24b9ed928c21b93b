import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MATRIX, type MatrixRow } from "../security/authorization-matrix"
import { pluginRoutes } from "../security/routes"
import { ACTORS, type Actor, buildWorld, type World } from "../security/world"

/**
 * The authorization matrix (issue 11, docs/security.md): every route file of
 * the plugin has a row, and every row holds for every actor against the real
 * backend. A route added without a row fails the first test.
 */
describe("authorization matrix: coverage", () => {
  it("has exactly one row for every (method, path) the plugin's route files serve", () => {
    const served = pluginRoutes()
    const rows = MATRIX.map((r) => r.route)
    const missing = served.filter((k) => !rows.includes(k))
    const stale = rows.filter((k) => !served.includes(k))
    const twice = rows.filter((k, i) => rows.indexOf(k) !== i)
    expect({ missing, stale, twice }).toEqual({ missing: [], stale: [], twice: [] })
    expect(served.length).toBeGreaterThan(90)
  })
})

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let world: World
    const base = () => (api.defaults.baseURL as string).replace(/\/$/, "")

    beforeAll(async () => {
      world = await buildWorld(api, getContainer())
    })

    async function send(row: MatrixRow, actor: Actor) {
      const method = row.route.split(" ")[0]
      const headers: Record<string, string> = { ...world.headers[actor] }
      let body: BodyInit | undefined
      if (row.form) body = row.form(world)
      else if (row.body) {
        body = JSON.stringify(row.body(world))
        headers["content-type"] = "application/json"
      }
      const res = await fetch(`${base()}${row.target(world)}`, { method, headers, body })
      const text = await res.text()
      return { status: res.status, text }
    }

    /** Refused actors first: a write that succeeds must not change what they would have seen. */
    const order = (row: MatrixRow) =>
      [...ACTORS].sort((a, b) => Number(row.expect[a] < 400) - Number(row.expect[b] < 400))

    for (const row of MATRIX) {
      it(`${row.route}`, async () => {
        const got: Partial<Record<Actor, number>> = {}
        const bodies: Partial<Record<Actor, string>> = {}
        for (const actor of order(row)) {
          const res = await send(row, actor)
          got[actor] = res.status
          bodies[actor] = res.text.slice(0, 200)
          expect(res.status, `${row.route} as ${actor}: ${res.text.slice(0, 300)}`).toBeLessThan(500)
        }
        const mismatches = ACTORS.filter((a) => got[a] !== row.expect[a]).map((a) => `${a}: expected ${row.expect[a]}, got ${got[a]} ${bodies[a]}`)
        expect(mismatches, row.route).toEqual([])
      })
    }

    it("resident B claiming A's order claims nothing, and A's order stays A's", async () => {
      const claim = MATRIX.find((r) => r.route === "POST /store/lianxin/orders/claim")!
      const res = await send(claim, "residentB")
      expect([res.status, JSON.parse(res.text).claimed]).toEqual([200, []])
      const pickup = MATRIX.find((r) => r.route === "GET /store/pickup-orders/:order_id")!
      expect((await send(pickup, "residentA")).status).toBe(200)
    })
  },
})
