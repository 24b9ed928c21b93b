import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>

    beforeEach(async () => {
      const container = getContainer()
      const salesChannels = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({})
      const { result } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "test", type: "publishable", created_by: "test" }] },
      })
      await linkSalesChannelsToApiKeyWorkflow(container).run({
        input: { id: result[0].id, add: salesChannels.map((s) => s.id) },
      })
      headers = { "x-publishable-api-key": result[0].token }
    })

    describe("GET /store/lianxin/status (a route that lives in the plugin)", () => {
      it("answers in Chinese by default", async () => {
        const res = await api.get("/store/lianxin/status", { headers })
        expect(res.status).toBe(200)
        expect(res.data.status).toEqual({
          plugin: "@lianxin/plugin",
          lang: "zh-CN",
          greeting: expect.stringContaining("连心市集"),
        })
      })

      it("answers in English when asked", async () => {
        const res = await api.get("/store/lianxin/status?lang=en", { headers })
        expect(res.data.status.lang).toBe("en")
        expect(res.data.status.greeting).toMatch(/^Lianxin Market/)
      })

      it("rejects an unknown language with 400 naming the field", async () => {
        const res = await api.get("/store/lianxin/status?lang=fr", { headers }).catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toContain("lang")
      })

      it("rejects unknown query fields with 400", async () => {
        const res = await api.get("/store/lianxin/status?bogus=1", { headers }).catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toContain("bogus")
      })

      it("requires a publishable key like every store route", async () => {
        const res = await api.get("/store/lianxin/status").catch((e: any) => e.response)
        expect(res.status).toBe(400)
      })
    })

    it("loads the plugin into the container", async () => {
      const config = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE)
      expect(config.plugins.map((p) => (typeof p === "string" ? p : p.resolve))).toContain("@lianxin/plugin")
    })
  },
})
