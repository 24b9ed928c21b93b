import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { createHash } from "node:crypto"
import Redis from "ioredis"

/**
 * With REDIS_URL set, the app must really use Redis for its event bus,
 * workflow engine, locking and caching. Redis runs on 127.0.0.1:6379 on our
 * machines and in CI; a newcomer's laptop without Redis skips this file
 * (CI=true never skips).
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379"

async function redisAvailable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000 })
  try {
    await client.connect()
    return (await client.ping()) === "PONG"
  } catch {
    return false
  } finally {
    client.disconnect()
  }
}

const available = await redisAvailable()
if (!available && process.env.CI) {
  throw new Error(`Redis is not reachable at ${REDIS_URL}, and CI must test the Redis path`)
}

// The test runner loads medusa-config before it applies its `env` option, so
// the variable must be in place when this (isolated, forked) file starts.
if (available) {
  process.env.REDIS_URL = REDIS_URL
}

describe.skipIf(!available)("with REDIS_URL", () => {
  const redis = new Redis(REDIS_URL)
  afterAll(() => redis.disconnect())

  medusaIntegrationTestRunner({
    inApp: true,
    testSuite: ({ api, getContainer }) => {
      it("serves requests", async () => {
        expect((await api.get("/health")).status).toBe(200)
      })

      it("uses the Redis event bus", () => {
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        expect(eventBus.constructor.name).toBe("RedisEventBusService")
      })

      it("retries a subscriber that failed, and only that one (EVENT_JOB_OPTIONS: Medusa's default is one attempt)", async () => {
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const name = `lianxin.test.retry.${Date.now()}`
        let flaky = 0
        let steady = 0
        eventBus.subscribe(
          name,
          async () => {
            flaky++
            if (flaky === 1) throw new Error("transient fault (injected)")
          },
          { subscriberId: `flaky-${name}` }
        )
        eventBus.subscribe(
          name,
          async () => {
            steady++
          },
          { subscriberId: `steady-${name}` }
        )
        await eventBus.emit({ name, data: { id: "retry" } })
        const deadline = Date.now() + 20_000
        while (flaky < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
        expect(flaky).toBe(2)
        await new Promise((r) => setTimeout(r, 500))
        expect(steady).toBe(1)
      })

      it("takes locks in Redis", async () => {
        const locking = getContainer().resolve(Modules.LOCKING)
        const key = `lianxin-test-${Date.now()}-${Math.random().toString(36).slice(2)}`
        let seenInRedis = 0
        await locking.execute(key, async () => {
          seenInRedis = (await redis.keys(`*${key}*`)).length
        })
        expect(seenInRedis).toBe(1)
        expect(await redis.keys(`*${key}*`)).toEqual([])
      })

      it("caches in Redis", async () => {
        const caching = getContainer().resolve(Modules.CACHING)
        const key = `lianxin-test-${Date.now()}-${Math.random().toString(36).slice(2)}`
        await caching.set({ key, data: { hello: "连心" } })
        expect(await caching.get({ key })).toEqual({ hello: "连心" })
        expect((await redis.keys(`*${key}*`)).length).toBeGreaterThan(0)
        await caching.clear({ key })
      })

      it("counts sign-in attempts in Redis (every server sees the same windows), not in PostgreSQL", async () => {
        const throttle = getContainer().resolve("throttle") as { backend: string }
        expect(throttle.backend).toBe("redis")
        const email = `redis-throttle-${Date.now()}@lianxin.test`
        const key = `lianxin:rl:signInAccount:customer:${createHash("sha256").update(email).digest("base64url").slice(0, 32)}`
        for (let i = 0; i < 3; i++) {
          const res = await api
            .post("/auth/customer/emailpass", { email, password: "wrong-password" })
            .catch((e: any) => e.response)
          expect(res.status).toBe(401)
        }
        expect(await redis.get(key)).toBe("3")
        const ttl = await redis.pttl(key)
        expect(ttl).toBeGreaterThan(14 * 60 * 1000)
        expect(ttl).toBeLessThanOrEqual(15 * 60 * 1000)
        const pg = getContainer().resolve("__pg_connection__") as any
        expect((await pg.raw("SELECT count(*)::int AS n FROM rate_limit_counter")).rows[0].n).toBe(0)
        await redis.del(key)
      })

      it("runs workflows on the Redis workflow engine", async () => {
        const engine = getContainer().resolve(Modules.WORKFLOW_ENGINE) as unknown as {
          workflowOrchestratorService_: { redisPublisher?: { options: { host: string; port: number } } }
        }
        const publisher = engine.workflowOrchestratorService_.redisPublisher
        expect(publisher?.options).toMatchObject({ host: "127.0.0.1", port: 6379 })
        // A real workflow runs to completion through it.
        const { result } = await createApiKeysWorkflow(getContainer()).run({
          input: { api_keys: [{ title: "redis", type: "secret", created_by: "test" }] },
        })
        expect(result[0].token).toMatch(/^sk_/)
      })
    },
  })
})
