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
  seeded: "e2e",
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
        body = JSON.stringify(row.body(world, actor))
        headers["content-type"] = "application/json"
      }
      const res = await fetch(`${base()}${row.target(world)}`, { method, headers, body })
      const text = await res.text()
      return { status: res.status, text }
    }

    /** Refused actors first: a write that succeeds must not change what they would have seen. */
    const order = (row: MatrixRow) =>
      [...ACTORS].sort((a, b) => Number(row.expect[a] < 400) - Number(row.expect[b] < 400))

    /** Every actor's request of a row, refused actors first; the actors whose status differs from the matrix. */
    async function mismatches(row: MatrixRow) {
      const found: string[] = []
      for (const actor of order(row)) {
        const res = await send(row, actor)
        if (res.status !== row.expect[actor]) {
          found.push(
            `${row.route} as ${actor}: expected ${row.expect[actor]}, got ${res.status} ${res.text.slice(0, 200)}`
          )
        }
      }
      return found
    }

    // Reads change nothing: all of them in one test, a few rows at a time.
    const reads = MATRIX.filter((r) => r.route.startsWith("GET "))
    it(`every read route (${reads.length}) answers each actor as the matrix says`, async () => {
      const found: string[] = []
      for (let i = 0; i < reads.length; i += 4) {
        for (const m of await Promise.all(reads.slice(i, i + 4).map(mismatches))) found.push(...m)
      }
      expect(found).toEqual([])
    })

    // Writes: one test each, so every row starts from the same database.
    for (const row of MATRIX.filter((r) => !r.route.startsWith("GET "))) {
      it(`${row.route}`, async () => {
        const found = await mismatches(row)
        // What the write set off (messages, ledger) finishes before the next test restores the database.
        await world.idle()
        expect(found).toEqual([])
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
