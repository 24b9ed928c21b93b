import { describe, expect, it } from "vitest"
import type { BaseSetup } from "./base"
import { SCENARIOS } from "./scenarios"

describe("scenarios", () => {
  it("offers base (production's first start), demo and e2e", () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(["base", "demo", "e2e"])
  })

  it("base adds nothing to the base setup: it resolves no module, so it writes no catalogue and no admin", async () => {
    const resolved: string[] = []
    const container = {
      resolve: (key: string) => {
        resolved.push(key)
        throw new Error(`base resolved ${key}`)
      },
    }
    const base: BaseSetup = { storeId: "store_1", salesChannelId: "sc_1", regionId: "reg_1", publishableKey: "pk_1" }
    await SCENARIOS.base(container as never, base, new Date())
    expect(resolved).toEqual([])
  })
})
