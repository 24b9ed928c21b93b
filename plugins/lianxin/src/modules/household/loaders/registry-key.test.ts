import { describe, expect, it, vi } from "vitest"
import registryKeyLoader, { REGISTRY_KEYRING } from "./registry-key"

function fakeContainer() {
  const registered: Record<string, unknown> = {}
  return {
    registered,
    container: {
      register: (key: string, resolver: { resolve: () => unknown }) => {
        registered[key] = resolver.resolve()
      },
    },
  }
}

const run = (options: Record<string, unknown>) => {
  const { container, registered } = fakeContainer()
  const logger = { warn: vi.fn() }
  const promise = registryKeyLoader({ container, options, logger } as never)
  return { promise, registered, logger }
}

describe("registryKeyLoader", () => {
  it("refuses to load in production without a key, so the app does not start", async () => {
    const { promise, registered } = run({ production: true })
    await expect(promise).rejects.toThrow(/LIANXIN_REGISTRY_KEY is required in production/)
    expect(registered[REGISTRY_KEYRING]).toBeUndefined()
  })

  it("refuses a malformed key in any mode, without echoing it", async () => {
    const { promise } = run({ production: false, registryKey: "hunter2-is-not-a-key" })
    await expect(promise).rejects.toThrow(/must be 32 bytes/)
    await expect(run({ registryKey: "hunter2-is-not-a-key" }).promise).rejects.not.toThrow(/hunter2/)
  })

  it("warns loudly and uses the development key outside production", async () => {
    const { promise, registered, logger } = run({ production: false })
    await promise
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining("DEVELOPMENT-ONLY"))
    expect(registered[REGISTRY_KEYRING]).toMatchObject({ currentVersion: "dev" })
  })

  it("registers the configured key quietly", async () => {
    const { promise, registered, logger } = run({ production: true, registryKey: "ab".repeat(32) })
    await promise
    expect(logger.warn).not.toHaveBeenCalled()
    expect(registered[REGISTRY_KEYRING]).toMatchObject({ currentVersion: "v1" })
  })
})
