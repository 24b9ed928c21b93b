import { describe, expect, it } from "vitest"
import { parseBackendEnv } from "./env"
import { buildMedusaConfig, type infrastructureModules } from "./medusa"

const resolves = (modules: ReturnType<typeof infrastructureModules>) =>
  modules.map((m) => ("resolve" in m ? m.resolve : undefined))

describe("buildMedusaConfig", () => {
  it("uses Medusa's in-memory infrastructure without REDIS_URL", () => {
    const config = buildMedusaConfig(parseBackendEnv({ DATABASE_URL: "postgres://localhost/x" }))
    expect(resolves(config.modules!)).toEqual(["@medusajs/medusa/file"])
    expect(config.projectConfig?.redisUrl).toBeUndefined()
    expect(config.featureFlags).toEqual({})
  })

  it("configures Redis event bus, workflow engine, locking and caching with REDIS_URL", () => {
    const redisUrl = "redis://127.0.0.1:6379"
    const config = buildMedusaConfig(
      parseBackendEnv({ DATABASE_URL: "postgres://localhost/x", REDIS_URL: redisUrl })
    )
    expect(config.projectConfig?.redisUrl).toBe(redisUrl)
    expect(resolves(config.modules!)).toEqual([
      "@medusajs/medusa/file",
      "@medusajs/medusa/event-bus-redis",
      "@medusajs/medusa/workflow-engine-redis",
      "@medusajs/medusa/cache-redis",
      "@medusajs/medusa/locking",
      "@medusajs/medusa/caching",
    ])
    expect(JSON.stringify(config.modules)).not.toContain("undefined")
    expect(config.featureFlags).toEqual({ caching: true })
  })

  it("loads our plugin and serves the admin at /app", () => {
    const config = buildMedusaConfig(parseBackendEnv({ DATABASE_URL: "postgres://localhost/x" }))
    expect(config.plugins).toEqual([
      { resolve: "@lianxin/plugin", options: { registryKey: undefined, pickupKey: undefined, production: false } },
    ])
    expect(config.admin?.path).toBe("/app")
    // Same origin unless told otherwise: one dashboard build works on any host and port.
    expect(config.admin?.backendUrl).toBe("")
    const hosted = buildMedusaConfig(
      parseBackendEnv({ DATABASE_URL: "postgres://localhost/x", MEDUSA_ADMIN_BACKEND_URL: "https://api.example.cn" })
    )
    expect(hosted.admin?.backendUrl).toBe("https://api.example.cn")
  })

  it("serves local files under this backend's own public URL", () => {
    const config = buildMedusaConfig(
      parseBackendEnv({ DATABASE_URL: "postgres://localhost/x", MEDUSA_BACKEND_URL: "http://localhost:9123/" })
    )
    expect(JSON.stringify(config.modules)).toContain('"backend_url":"http://localhost:9123/static"')
  })

  it("leaves the session cookie to Medusa unless told, and can relax Secure for local http", () => {
    const base = { DATABASE_URL: "postgres://localhost/x" }
    expect(buildMedusaConfig(parseBackendEnv(base)).projectConfig?.cookieOptions).toBeUndefined()
    expect(
      buildMedusaConfig(parseBackendEnv({ ...base, SESSION_COOKIE_SECURE: "false" })).projectConfig?.cookieOptions
    ).toEqual({ secure: false })
  })

  it("passes the worker mode through for server/worker deployments", () => {
    const config = buildMedusaConfig(
      parseBackendEnv({ DATABASE_URL: "postgres://localhost/x", MEDUSA_WORKER_MODE: "worker" })
    )
    expect(config.projectConfig?.workerMode).toBe("worker")
  })

  it("registers our Meilisearch provider as the Search Module's default only with MEILISEARCH_HOST", () => {
    const base = { DATABASE_URL: "postgres://localhost/x" }
    expect(JSON.stringify(buildMedusaConfig(parseBackendEnv(base)).modules)).not.toContain("search")
    const config = buildMedusaConfig(
      parseBackendEnv({
        ...base,
        MEILISEARCH_HOST: "http://127.0.0.1:7700",
        MEILISEARCH_API_KEY: "0123456789abcdef0123",
        MEILISEARCH_INDEX_PREFIX: "it_1",
      })
    )
    const search = config.modules!.find((m) => "resolve" in m && m.resolve === "@medusajs/medusa/search")
    expect(search).toMatchObject({
      options: {
        default_provider: "meilisearch",
        index_prefix: "it_1",
        providers: [
          { id: "postgres" },
          {
            resolve: "@lianxin/plugin/providers/meilisearch",
            options: { host: "http://127.0.0.1:7700", apiKey: "0123456789abcdef0123" },
          },
        ],
      },
    })
  })

  it("refuses MEILISEARCH_HOST without a key and a malformed host", () => {
    expect(() =>
      parseBackendEnv({ DATABASE_URL: "postgres://localhost/x", MEILISEARCH_HOST: "http://127.0.0.1:7700" })
    ).toThrow(/MEILISEARCH_API_KEY is required with MEILISEARCH_HOST/)
    expect(() =>
      parseBackendEnv({ DATABASE_URL: "postgres://localhost/x", MEILISEARCH_HOST: "127.0.0.1", MEILISEARCH_API_KEY: "0123456789abcdef" })
    ).toThrow(/MEILISEARCH_HOST must be a URL/)
  })
})
