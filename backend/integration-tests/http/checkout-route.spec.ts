import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seed, E2E } from "@lianxin/seed"
import { createAdminSession } from "../helpers/admin"
import { variantIdByHandle } from "../helpers/checkout"
import { createCycle, createOffice, createPoint } from "../helpers/pickup-network"
import { attempt, createResident, type Headers } from "../helpers/pickup-staff"

/**
 * POST /store/lianxin/checkout: the whole checkout in one request and one
 * workflow (place-pickup-order), as the storefront submits it.
 */
medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer }) => {
    let key: string
    let pub: Headers
    let admin: Headers
    let apple: string
    let region: string
    const ids = { point: "", cycle: "", office: "" }

    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY) as any
    const svc = () => getContainer().resolve("pickup") as any

    beforeAll(async () => {
      const container = getContainer()
      key = (await seed(container, "e2e")).publishableKey
      pub = { "x-publishable-api-key": key }
      admin = (await createAdminSession(api, container)).headers
      apple = await variantIdByHandle(api, key, E2E.products.apple.handle)
      const { data } = await api.get("/store/regions", { headers: pub })
      region = data.regions.find((r: { currency_code: string }) => r.currency_code === "cny").id
      ids.office = await createOffice(api, admin, {
        compound_name: "一键小区",
        city: "杭州市",
        address: "杭州市一键路 9 号 一键小区物业",
      })
      ids.point = await createPoint(api, admin, ids.office, "HZ-YJ-1")
      ids.cycle = await createCycle(api, admin, { name: "一键批次" })
    })

    /** A cart as the storefront makes it: lines only (the add-to-cart form). */
    async function cartWith(headers: Headers = pub, variantId = apple) {
      const { data } = await api.post("/store/carts", { region_id: region }, { headers })
      await api.post(`/store/carts/${data.cart.id}/line-items`, { variant_id: variantId, quantity: 2 }, { headers })
      return data.cart.id as string
    }

    const body = (cart_id: string, extra: Record<string, unknown> = {}) => ({
      cart_id,
      name: "王小明",
      phone: "13800138000",
      pickup_point_id: ids.point,
      order_cycle_id: ids.cycle,
      ...extra,
    })

    it("a guest's whole checkout in one request: order at the point and cycle, office address, pay at pickup, a code to show", async () => {
      const cartId = await cartWith()
      const r = await attempt(
        api.post("/store/lianxin/checkout", body(cartId, { email: "guest@one.test" }), { headers: pub })
      )
      expect(r.status).toBe(200)
      expect(r.data).toMatchObject({
        type: "order",
        order: { id: expect.stringMatching(/^order_/) },
        pickup: {
          point_id: ids.point,
          compound_name: "一键小区",
          address: "杭州市一键路 9 号 一键小区物业",
          order_cycle_id: ids.cycle,
        },
        pickup_code: { code: expect.stringMatching(/^\d{8}$/), qr_token: expect.stringMatching(/^pk1\./) },
      })
      const { data } = await query().graph({
        entity: "order",
        fields: [
          "id",
          "email",
          "total",
          "metadata",
          "shipping_address.first_name",
          "shipping_address.phone",
          "shipping_address.address_1",
          "shipping_address.city",
          "shipping_methods.name",
          "payment_collections.status",
          "payment_collections.payment_sessions.provider_id",
          "pickup_assignment.status",
          "pickup_assignment.pickup_point_id",
          "pickup_assignment.order_cycle_id",
          "pickup_assignment.code_hash",
        ],
        filters: { id: r.data.order.id },
      })
      const order = data[0]
      expect(order.email).toBe("guest@one.test")
      expect(Number(order.total)).toBeCloseTo((E2E.products.apple.priceFen * 2) / 100, 2)
      expect(order.shipping_address).toMatchObject({
        first_name: "王小明",
        phone: "13800138000",
        address_1: "杭州市一键路 9 号 一键小区物业",
        city: "杭州市",
      })
      expect(order.shipping_methods.map((m: any) => m.name)).toEqual([E2E.shippingOption.name])
      expect(order.payment_collections[0].payment_sessions.map((s: any) => s.provider_id)).toEqual([
        "pp_system_default",
      ])
      // The pickup module is the one source of where and when (decision 021): no copy in the order's metadata.
      expect(order.metadata?.lx_pickup).toBeUndefined()
      expect(order.pickup_assignment).toMatchObject({
        status: "placed",
        pickup_point_id: ids.point,
        order_cycle_id: ids.cycle,
      })
      // Only the hash of the code shown is kept, and it is the live one.
      expect(JSON.stringify(order)).not.toContain(r.data.pickup_code.code)

      // A second submit of the same cart (a double tap, or a retry after the answer was lost) places nothing more
      // and names the order the cart became, so the client can show it.
      const again = await attempt(
        api.post("/store/lianxin/checkout", body(cartId, { email: "guest@one.test" }), { headers: pub })
      )
      expect(again.status).toBe(409)
      expect(again.data).toMatchObject({ code: "cart_completed", order_id: r.data.order.id })
    })

    it("a signed-in resident's guest cart becomes theirs; the order carries the account's email", async () => {
      const resident = await createResident(api, key, "li@one.test")
      const cartId = await cartWith()
      const r = await attempt(
        api.post("/store/lianxin/checkout", body(cartId, { email: "someone-else@one.test" }), {
          headers: resident.headers,
        })
      )
      expect(r.status).toBe(200)
      const { data } = await query().graph({
        entity: "order",
        fields: ["email", "customer.email", "customer.has_account"],
        filters: { id: r.data.order.id },
      })
      expect(data[0]).toMatchObject({ email: "li@one.test", customer: { email: "li@one.test", has_account: true } })
      // Someone else's cart does not exist for a guest or another resident.
      const theirs = await cartWith(resident.headers)
      expect((await attempt(api.post("/store/lianxin/checkout", body(theirs), { headers: pub }))).status).toBe(404)
    })

    it("two submits of one cart at the same moment: one order", async () => {
      const cartId = await cartWith()
      const answers = await Promise.all(
        [0, 1].map(() => attempt(api.post("/store/lianxin/checkout", body(cartId), { headers: pub })))
      )
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
      expect(answers.find((a) => a.status === 409)!.data.code).toBe("cart_completed")
      const { data } = await query().graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      expect(data.filter((d: any) => d.order_id)).toHaveLength(1)
    })

    it("a closed cycle is refused (409, the refused and the next cycle) and the cart is left as it was; the next cycle then places it", async () => {
      const cartId = await cartWith()
      const closed = await createCycle(api, admin, { name: "已截单", from: Date.now() - 3 * 3600_000 })
      const state = async () =>
        (
          await query().graph({
            entity: "cart",
            fields: [
              "email",
              "metadata",
              "shipping_address.*",
              "shipping_methods.id",
              "payment_collection.id",
              "pickup_point.id",
              "completed_at",
            ],
            filters: { id: cartId },
          })
        ).data[0]
      const before = await state()
      const r = await attempt(
        api.post("/store/lianxin/checkout", body(cartId, { order_cycle_id: closed }), { headers: pub })
      )
      expect(r.status).toBe(409)
      expect(r.data).toMatchObject({ code: "cutoff_passed", order_cycle_id: closed, order_cycle: { id: closed } })
      expect(r.data.next_order_cycle.id).not.toBe(closed)
      expect(await state()).toEqual(before)
      const next = await attempt(
        api.post("/store/lianxin/checkout", body(cartId, { order_cycle_id: r.data.next_order_cycle.id }), {
          headers: pub,
        })
      )
      expect(next.status).toBe(200)
      expect(next.data.pickup.order_cycle_id).toBe(r.data.next_order_cycle.id)
    })

    it("an online payment: everything but the session and the order (complete: false)", async () => {
      const cartId = await cartWith()
      const r = await attempt(api.post("/store/lianxin/checkout", body(cartId, { complete: false }), { headers: pub }))
      expect(r.status).toBe(200)
      expect(r.data).toMatchObject({
        type: "payment",
        payment_collection_id: expect.stringMatching(/^pay_col_/),
        pickup: { order_cycle_id: ids.cycle },
      })
      const { data } = await query().graph({
        entity: "cart",
        fields: ["completed_at", "shipping_methods.id", "payment_collection.id", "payment_collection.amount"],
        filters: { id: cartId },
      })
      expect(data[0]).toMatchObject({ completed_at: null, payment_collection: { id: r.data.payment_collection_id } })
      expect(Number(data[0].payment_collection.amount)).toBeCloseTo((E2E.products.apple.priceFen * 2) / 100, 2)
      expect(data[0].shipping_methods).toHaveLength(1)
      expect(await svc().listPickupAssignments({ cart_id: cartId })).toEqual([])
    })

    it("bad input is a 400 naming the field; an empty cart a 409 cart_empty", async () => {
      const cartId = await cartWith()
      for (const [field, value] of [
        ["phone", "12345"],
        ["name", ""],
        ["pickup_point_id", "nope"],
        ["email", "not-an-email"],
        ["cart_id", "x"],
      ] as const) {
        const r = await attempt(api.post("/store/lianxin/checkout", body(cartId, { [field]: value }), { headers: pub }))
        expect(r.status, field).toBe(400)
        expect(r.data.message).toMatch(new RegExp(field))
      }
      expect(
        (await attempt(api.post("/store/lianxin/checkout", { ...body(cartId), extra: 1 }, { headers: pub }))).status
      ).toBe(400)
      const { data: empty } = await api.post("/store/carts", { region_id: region }, { headers: pub })
      const r = await attempt(api.post("/store/lianxin/checkout", body(empty.cart.id), { headers: pub }))
      expect(r.status).toBe(409)
      expect(r.data.code).toBe("cart_empty")
    })
  },
})
