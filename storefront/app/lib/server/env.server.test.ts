import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { EnvError, findRepoRoot, parseEnv } from "./env.server"

const repoRoot = "/srv/lianxin"

describe("parseEnv", () => {
  it("has working defaults for a local run", () => {
    expect(parseEnv({}, { repoRoot })).toEqual({
      nodeEnv: "development",
      backendUrl: "http://localhost:9000",
      publishableKey: { kind: "file", path: "/srv/lianxin/.data/publishable-key" },
      port: 3000,
      stripePublishableKey: null,
      sessionSecret: { kind: "file", path: "/srv/lianxin/.data/storefront-session-secret" },
    })
  })

  it("takes a Stripe publishable key for the card form, never a secret key", () => {
    expect(parseEnv({ STRIPE_PUBLISHABLE_KEY: "pk_test_abc123" }, { repoRoot }).stripePublishableKey).toBe(
      "pk_test_abc123"
    )
    expect(() => parseEnv({ STRIPE_PUBLISHABLE_KEY: "sk_test_abc123" }, { repoRoot })).toThrow(
      /STRIPE_PUBLISHABLE_KEY must be a Stripe publishable key/
    )
  })

  it("takes a session secret from the environment only when it is long enough", () => {
    const secret = "s".repeat(32)
    expect(parseEnv({ SESSION_SECRET: secret }, { repoRoot }).sessionSecret).toEqual({ kind: "value", value: secret })
    expect(() => parseEnv({ SESSION_SECRET: "short" }, { repoRoot })).toThrow(/SESSION_SECRET must be at least 32/)
  })

  it("prefers a key given in the environment", () => {
    const env = parseEnv({ MEDUSA_PUBLISHABLE_KEY: "pk_abc123", LIANXIN_PUBLISHABLE_KEY_FILE: "/x" }, { repoRoot })
    expect(env.publishableKey).toEqual({ kind: "value", value: "pk_abc123" })
  })

  it("resolves key files against the repository, following LIANXIN_DATA_DIR like the backend", () => {
    expect(parseEnv({ LIANXIN_PUBLISHABLE_KEY_FILE: "tmp/key" }, { repoRoot }).publishableKey).toEqual({
      kind: "file",
      path: "/srv/lianxin/tmp/key",
    })
    expect(parseEnv({ LIANXIN_DATA_DIR: "/tmp/data" }, { repoRoot }).publishableKey).toEqual({
      kind: "file",
      path: "/tmp/data/publishable-key",
    })
  })

  it("reads PORT and MEDUSA_BACKEND_URL, trimming a trailing slash", () => {
    const env = parseEnv({ PORT: "8080", MEDUSA_BACKEND_URL: "https://api.example.cn/" }, { repoRoot })
    expect(env.port).toBe(8080)
    expect(env.backendUrl).toBe("https://api.example.cn")
  })

  it("treats empty strings as unset", () => {
    expect(parseEnv({ PORT: "", MEDUSA_PUBLISHABLE_KEY: " " }, { repoRoot }).port).toBe(3000)
  })

  it.each([
    [{ PORT: "abc" }, /PORT must be a port number \(got "abc"\)/],
    [{ PORT: "70000" }, /PORT must be between 1 and 65535/],
    [{ PORT: "80.5" }, /PORT must be a whole number/],
    [{ MEDUSA_BACKEND_URL: "localhost:9000" }, /MEDUSA_BACKEND_URL must be an http\(s\) URL/],
    [{ MEDUSA_BACKEND_URL: "ftp://files.example" }, /MEDUSA_BACKEND_URL must be an http\(s\) URL/],
    [{ MEDUSA_PUBLISHABLE_KEY: "secret" }, /MEDUSA_PUBLISHABLE_KEY must be a Medusa publishable key/],
    [{ NODE_ENV: "prod" }, /NODE_ENV/],
  ])("names the bad variable: %j", (raw, message) => {
    expect(() => parseEnv(raw, { repoRoot })).toThrow(EnvError)
    expect(() => parseEnv(raw, { repoRoot })).toThrow(message)
  })

  it("reports every problem at once", () => {
    try {
      parseEnv({ PORT: "x", MEDUSA_BACKEND_URL: "nope" }, { repoRoot })
      expect.unreachable()
    } catch (error) {
      expect((error as EnvError).problems).toHaveLength(2)
    }
  })
})

describe("findRepoRoot", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sf-root-"))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it("finds the workspace root above a package", () => {
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ workspaces: ["storefront"] }))
    fs.mkdirSync(path.join(dir, "storefront", "app"), { recursive: true })
    fs.writeFileSync(path.join(dir, "storefront", "package.json"), JSON.stringify({ name: "sf" }))
    expect(findRepoRoot(path.join(dir, "storefront", "app"))).toBe(dir)
  })

  it("finds this repository from the storefront", () => {
    expect(fs.existsSync(path.join(findRepoRoot(process.cwd()), "storefront", "package.json"))).toBe(true)
  })
})
