import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seed, E2E } from "@lianxin/seed"
import { createAdminSession } from "../helpers/admin"
import { placeOrder, variantIdByHandle } from "../helpers/checkout"
import { createCycle, createOffice, createPoint } from "../helpers/pickup-network"
import { attempt, createResident, type Headers } from "../helpers/pickup-staff"

const nodeRequire = createRequire(import.meta.url)
const { readOutbox } = nodeRequire("@lianxin/plugin/utils/notify-outbox") as {
  readOutbox: (dir: string, channel: string) => Promise<{ to: string; text: string; template: string }[]>
}

// SMS and email (no SMTP host) go to this file's outbox; set before the app reads its configuration.
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-identity-outbox-"))
Object.assign(process.env, { LIANXIN_OUTBOX_DIR: outbox, LIANXIN_SMS_ADAPTER: "outbox", LIANXIN_QUIET_HOURS: "off" })
delete process.env.LIANXIN_SMTP_HOST

/**
 * Issue 11, identity: ownership is proven, never assumed. The takeover by a
 * pre-registered email, orders and carts read by strangers, sign-in with
 * mobile number and SMS code, and claiming guest orders with proof.
 */
medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer, dbConnection }) => {
    let key: string
    let pub: Headers
    let apple: string
    let region: string
    const ids = { point: "", cycle: "" }
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY) as any
    const sql = async <T = any>(text: string, params: unknown[] = []) =>
      (await dbConnection.raw(text, params)).rows as T[]

    beforeAll(async () => {
      const container = getContainer()
      key = (await seed(container, "e2e")).publishableKey
      pub = { "x-publishable-api-key": key }
      const admin = (await createAdminSession(api, container)).headers
      apple = await variantIdByHandle(api, key, E2E.products.apple.handle)
      const { data } = await api.get("/store/regions", { headers: pub })
      region = data.regions.find((r: { currency_code: string }) => r.currency_code === "cny").id
      const office = await createOffice(api, admin, {
        compound_name: "连心小区",
        city: "杭州市",
        address: "杭州市连心路 1 号 连心小区物业",
      })
      ids.point = await createPoint(api, admin, office, "HZ-LX-1")
      ids.cycle = await createCycle(api, admin, { name: "连心批次" })
    })

    afterAll(() => fs.rmSync(outbox, { recursive: true, force: true }))
    beforeEach(() => {
      for (const f of ["sms.jsonl", "email.jsonl"]) fs.rmSync(path.join(outbox, f), { force: true })
    })

    /** The storefront's checkout: a cart with lines, then one POST /store/lianxin/checkout. */
    async function checkout(headers: Headers, extra: Record<string, unknown> = {}) {
      const { data } = await api.post("/store/carts", { region_id: region }, { headers })
      const cartId = data.cart.id as string
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: apple, quantity: 1 }, { headers })
      const r = await attempt(
        api.post(
          "/store/lianxin/checkout",
          {
            cart_id: cartId,
            name: "王小红",
            phone: "13912345678",
            pickup_point_id: ids.point,
            order_cycle_id: ids.cycle,
            ...extra,
          },
          { headers }
        )
      )
      return { ...r, cart_id: cartId }
    }

    /** The newest code in the outbox for an address (what the resident reads on their phone or in their mail). */
    async function codeSentTo(channel: "sms" | "email", to: string) {
      // Only the one-time-code messages: the same number also gets its orders' notices, whose
      // texts carry other digits (pickup codes, dates) and may be written after the code's.
      const sent = (await readOutbox(outbox, channel)).filter((m) => m.to === to && m.template.startsWith("otp_"))
      const match = /(\d{6})/.exec(sent.at(-1)?.text ?? "")
      if (!match) throw new Error(`no code was sent to ${to} by ${channel}`)
      return match[1]
    }

    const requestCode = (phone: string, headers: Headers = pub) =>
      attempt(api.post("/store/lianxin/sign-in/phone/code", { phone }, { headers }))
    const signIn = (phone: string, code: string) =>
      attempt(api.post("/store/lianxin/sign-in/phone", { phone, code }, { headers: pub }))
    const bearer = (token: string): Headers => ({ ...pub, authorization: `Bearer ${token}` })

    describe("takeover by a pre-registered email", () => {
      it("the victim's guest checkout works and stays a guest order the attacker can neither see, re-code nor claim", async () => {
        const attacker = await createResident(api, key, "victim@takeover.test")
        const placed = await checkout(pub, { email: "victim@takeover.test" })
        expect(placed.status).toBe(200)
        const orderId = placed.data.order.id as string
        const { data } = await query().graph({
          entity: "order",
          fields: ["id", "email", "customer_id", "customer.has_account"],
          filters: { id: orderId },
        })
        expect(data[0].email).toBe("victim@takeover.test")
        expect(data[0].customer.has_account).toBe(false)
        const { data: me } = await api.get("/store/customers/me", { headers: attacker.headers })
        expect(data[0].customer_id).not.toBe(me.customer.id)

        // Not in the attacker's orders, not readable, no new pickup code (which would kill the victim's), not claimable.
        const { data: list } = await api.get("/store/orders?fields=id", { headers: attacker.headers })
        expect(list.orders.map((o: any) => o.id)).not.toContain(orderId)
        expect((await attempt(api.get(`/store/orders/${orderId}`, { headers: attacker.headers }))).status).toBe(404)
        expect((await attempt(api.get(`/store/lianxin/orders/${orderId}`, { headers: attacker.headers }))).status).toBe(
          404
        )
        expect(
          (await attempt(api.post(`/store/pickup-orders/${orderId}/code`, {}, { headers: attacker.headers }))).status
        ).toBe(404)
        const claim = await attempt(
          api.post(
            "/store/lianxin/orders/claim",
            { orders: [{ id: orderId, cart_id: "cart_01JZZZZZZZZZZZZZZZZZZZZZZZ" }] },
            { headers: attacker.headers }
          )
        )
        expect(claim.data).toEqual({ claimed: [] })
        // The old claim by ids alone (ownership assumed from the account's email) is refused.
        expect(
          (
            await attempt(
              api.post("/store/lianxin/orders/claim", { order_ids: [orderId] }, { headers: attacker.headers })
            )
          ).status
        ).toBe(400)
        // Medusa's order transfer would hand the order out too: not offered.
        expect(
          (await attempt(api.post(`/store/orders/${orderId}/transfer/request`, {}, { headers: attacker.headers })))
            .status
        ).toBe(404)
        // A code to the email is sent to the email, which the attacker does not read: claiming by contact needs it.
        expect(
          (
            await attempt(
              api.post(
                "/store/lianxin/orders/claim/code",
                { channel: "email", to: "victim@takeover.test" },
                { headers: attacker.headers }
              )
            )
          ).status
        ).toBe(202)
        const guess = await attempt(
          api.post(
            "/store/lianxin/orders/claim/contact",
            { channel: "email", to: "victim@takeover.test", code: "000000" },
            { headers: attacker.headers }
          )
        )
        expect(guess.status).toBe(401)
        expect(
          (await query().graph({ entity: "order", fields: ["customer_id"], filters: { id: orderId } })).data[0]
            .customer_id
        ).toBe(data[0].customer_id)

        // The victim, with the cart the order came from, still has everything.
        const own = await attempt(
          api.get(`/store/lianxin/orders/${orderId}?cart_id=${placed.cart_id}`, { headers: pub })
        )
        expect(own.status).toBe(200)
        expect(own.data.order).toMatchObject({
          id: orderId,
          email: "victim@takeover.test",
          shipping_address: { first_name: "王小红", phone: "13912345678" },
        })
        expect(
          (
            await attempt(
              api.post(`/store/pickup-orders/${orderId}/code`, { cart_id: placed.cart_id }, { headers: pub })
            )
          ).status
        ).toBe(201)
      })

      it("through Medusa's own cart routes too: an email given to a guest cart makes a guest order", async () => {
        const attacker = await createResident(api, key, "second@takeover.test")
        const order = await placeOrder(api, key, [{ variant_id: apple, quantity: 1 }], {
          email: "second@takeover.test",
          pickup_point_id: ids.point,
          order_cycle_id: ids.cycle,
        })
        const { data } = await query().graph({
          entity: "order",
          fields: ["customer_id", "customer.has_account"],
          filters: { id: order.id },
        })
        expect(data[0].customer.has_account).toBe(false)
        const { data: list } = await api.get("/store/orders?fields=id", { headers: attacker.headers })
        expect(list.orders.map((o: any) => o.id)).not.toContain(order.id)
        // A new cart takes no email without a signed-in customer (Medusa would attach it by the email).
        const refused = await attempt(
          api.post("/store/carts", { region_id: region, email: "second@takeover.test" }, { headers: pub })
        )
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/email/)
      })
    })

    describe("reads of orders and carts", () => {
      it("GET /store/orders/:id answers only the signed-in owner; a guest reads through our route with the cart", async () => {
        const owner = await createResident(api, key, "owner@reads.test")
        const stranger = await createResident(api, key, "stranger@reads.test")
        const mine = await checkout(owner.headers)
        const guest = await checkout(pub, { email: "guest@reads.test" })
        const other = await checkout(pub, { email: "other@reads.test" })
        for (const [id, headers] of [
          [mine.data.order.id, pub],
          [mine.data.order.id, stranger.headers],
          [guest.data.order.id, pub],
          [guest.data.order.id, stranger.headers],
        ] as const) {
          const r = await attempt(api.get(`/store/orders/${id}?fields=email,*shipping_address`, { headers }))
          expect(r.status).toBe(404)
          expect(JSON.stringify(r.data)).not.toMatch(/13912345678|@reads\.test/)
        }
        expect(
          (await api.get(`/store/orders/${mine.data.order.id}`, { headers: owner.headers })).data.order.email
        ).toBe("owner@reads.test")

        const read = (id: string, q: string, headers: Headers = pub) =>
          attempt(api.get(`/store/lianxin/orders/${id}${q}`, { headers }))
        expect((await read(guest.data.order.id, "")).status).toBe(401)
        expect((await read(guest.data.order.id, `?cart_id=${other.cart_id}`)).status).toBe(404)
        expect((await read(guest.data.order.id, "?cart_id=nope")).status).toBe(400)
        const ok = await read(guest.data.order.id, `?cart_id=${guest.cart_id}`)
        expect(ok.status).toBe(200)
        expect(ok.data.order).toMatchObject({
          id: guest.data.order.id,
          email: "guest@reads.test",
          items: [expect.objectContaining({ quantity: 1 })],
        })
        expect(Number(ok.data.order.total)).toBeCloseTo(E2E.products.apple.priceFen / 100, 2)
        expect((await read(mine.data.order.id, "", owner.headers)).status).toBe(200)
        expect((await read(mine.data.order.id, "", stranger.headers)).status).toBe(404)
      })

      it("a cart of an account is that account's only; a guest cart is its id holder's", async () => {
        const owner = await createResident(api, key, "cart-owner@reads.test")
        const stranger = await createResident(api, key, "cart-stranger@reads.test")
        const { data } = await api.post("/store/carts", { region_id: region }, { headers: owner.headers })
        const cartId = data.cart.id
        await api.post(
          `/store/carts/${cartId}`,
          { shipping_address: { first_name: "王", phone: "13900001111", country_code: "cn" } },
          { headers: owner.headers }
        )
        for (const headers of [pub, stranger.headers]) {
          const r = await attempt(api.get(`/store/carts/${cartId}`, { headers }))
          expect(r.status).toBe(404)
          expect(JSON.stringify(r.data)).not.toMatch(/cart-owner|13900001111/)
          expect(
            (
              await attempt(
                api.post(`/store/carts/${cartId}/line-items`, { variant_id: apple, quantity: 1 }, { headers })
              )
            ).status
          ).toBe(404)
          expect((await attempt(api.post("/store/payment-collections", { cart_id: cartId }, { headers }))).status).toBe(
            404
          )
        }
        expect((await api.get(`/store/carts/${cartId}`, { headers: owner.headers })).data.cart.email).toBe(
          "cart-owner@reads.test"
        )
        const { data: guestCart } = await api.post("/store/carts", { region_id: region }, { headers: pub })
        expect((await attempt(api.get(`/store/carts/${guestCart.cart.id}`, { headers: pub }))).status).toBe(200)
      })
    })

    describe("sign-in with mobile number and SMS code", () => {
      it("first sign-in creates the customer and takes the number's guest orders; later sign-ins find it; codes are kept hashed", async () => {
        const guestOrder = await checkout(pub)
        expect(guestOrder.status).toBe(200)
        const asked = await requestCode("+86 139-1234-5678")
        expect(asked.status).toBe(202)
        expect(asked.data).toMatchObject({ sent: true, resend_after: 60 })
        const code = await codeSentTo("sms", "13912345678")
        const stored = JSON.stringify(await sql(`SELECT row_to_json(c) AS r FROM one_time_code c`))
        expect(stored).not.toContain(code)
        expect(stored).not.toContain("13912345678")

        const first = await signIn("13912345678", code)
        expect(first.status).toBe(200)
        expect(first.data).toMatchObject({ created: true, claimed: [guestOrder.data.order.id] })
        const { data: me } = await api.get("/store/customers/me", { headers: bearer(first.data.token) })
        expect(me.customer).toMatchObject({
          id: first.data.customer_id,
          phone: "13912345678",
          email: null,
          has_account: true,
        })
        const { data: list } = await api.get("/store/orders?fields=id", { headers: bearer(first.data.token) })
        expect(list.orders.map((o: any) => o.id)).toEqual([guestOrder.data.order.id])

        // The code works once.
        const reuse = await signIn("13912345678", code)
        expect(reuse.status).toBe(401)
        expect(reuse.data.code).toBe("code_no_code")

        // Next time (after the resend minute): the same customer.
        await sql(
          `UPDATE rate_limit_counter SET reset_at = now() - interval '1 second' WHERE key LIKE 'oneTimeCodeResend:%'`
        )
        expect((await requestCode("13912345678")).status).toBe(202)
        const again = await signIn("13912345678", await codeSentTo("sms", "13912345678"))
        expect(again.data).toMatchObject({ created: false, customer_id: first.data.customer_id })
      })

      it("a number that an email account merely lists in its profile is not that account", async () => {
        const holder = await createResident(api, key, "listed@phone.test")
        await api.post("/store/customers/me", { phone: "13700001111" }, { headers: holder.headers })
        await requestCode("13700001111")
        const r = await signIn("13700001111", await codeSentTo("sms", "13700001111"))
        const { data: me } = await api.get("/store/customers/me", { headers: holder.headers })
        expect(r.data.customer_id).not.toBe(me.customer.id)
      })

      it("wrong, expired and locked codes; bad input is a 400 naming the field", async () => {
        await requestCode("13600001111")
        const code = await codeSentTo("sms", "13600001111")
        const wrong = await signIn("13600001111", code === "000000" ? "000001" : "000000")
        expect(wrong.status).toBe(401)
        expect(wrong.data).toMatchObject({ code: "code_wrong", attempts_left: 4 })
        await sql(`UPDATE one_time_code SET expires_at = now() - interval '1 second'`)
        const expired = await signIn("13600001111", code)
        expect(expired.status).toBe(401)
        expect(expired.data.code).toBe("code_expired")

        const bad = await attempt(
          api.post("/store/lianxin/sign-in/phone", { phone: "12345", code: "12" }, { headers: pub })
        )
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/phone/)
        expect(bad.data.message).toMatch(/code/)
        expect(
          (
            await attempt(
              api.post("/store/lianxin/sign-in/phone/code", { phone: "13600001111", extra: 1 }, { headers: pub })
            )
          ).status
        ).toBe(400)
      })

      it("rate limits: one code a minute per number (429 + Retry-After), five tries per code, then 429 for the number", async () => {
        expect((await requestCode("13500001111")).status).toBe(202)
        const soon = await api
          .post("/store/lianxin/sign-in/phone/code", { phone: "13500001111" }, { headers: pub })
          .catch((e: any) => e.response)
        expect(soon.status).toBe(429)
        expect(Number(soon.headers["retry-after"])).toBeGreaterThan(0)
        expect(Number(soon.headers["retry-after"])).toBeLessThanOrEqual(60)
        expect(soon.data.code).toBe("rate_limited")
        // Another number from the same address is not held up by it.
        expect((await requestCode("13500002222")).status).toBe(202)

        const code = await codeSentTo("sms", "13500001111")
        const wrongCode = code === "999999" ? "999998" : "999999"
        const answers = []
        for (let i = 0; i < 6; i++) answers.push(await signIn("13500001111", wrongCode))
        expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429])
        expect(answers[4].data.code).toBe("code_locked")
        // Even the right code no longer works: it locked, and the number is over its tries.
        expect((await signIn("13500001111", code)).status).toBe(429)
      })
    })

    describe("claim with proof", () => {
      it("the cart the order came from moves it onto the account; a wrong cart moves nothing; idempotent", async () => {
        const resident = await createResident(api, key, "claimer@proof.test")
        const mine = await checkout(pub, { email: "elsewhere@proof.test" })
        const other = await checkout(pub)
        const claim = (orders: unknown) =>
          attempt(api.post("/store/lianxin/orders/claim", { orders }, { headers: resident.headers }))
        expect((await claim([{ id: other.data.order.id, cart_id: mine.cart_id }])).data).toEqual({ claimed: [] })
        const first = await claim([
          { id: mine.data.order.id, cart_id: mine.cart_id },
          { id: other.data.order.id, cart_id: "cart_01JZZZZZZZZZZZZZZZZZZZZZZZ" },
        ])
        expect(first.data).toEqual({ claimed: [mine.data.order.id] })
        expect((await claim([{ id: mine.data.order.id, cart_id: mine.cart_id }])).data).toEqual({
          claimed: [mine.data.order.id],
        })
        const { data: list } = await api.get("/store/orders?fields=id", { headers: resident.headers })
        expect(list.orders.map((o: any) => o.id)).toEqual([mine.data.order.id])
        expect(
          (
            await attempt(
              api.post(
                "/store/lianxin/orders/claim",
                { orders: [{ id: mine.data.order.id, cart_id: mine.cart_id }] },
                { headers: pub }
              )
            )
          ).status
        ).toBe(401)
      })

      it("a code to the email the orders were placed with, for this account only, takes them all", async () => {
        const resident = await createResident(api, key, "new-address@proof.test")
        const someoneElse = await createResident(api, key, "someone@proof.test")
        const a = await checkout(pub, { email: "Old.Address@proof.test" })
        const b = await checkout(pub, { email: "old.address@proof.test" })
        const c = await checkout(pub, { email: "old_address@proof.test" })
        const ask = await attempt(
          api.post(
            "/store/lianxin/orders/claim/code",
            { channel: "email", to: "old.address@proof.test", locale: "en" },
            { headers: resident.headers }
          )
        )
        expect(ask.status).toBe(202)
        const code = await codeSentTo("email", "old.address@proof.test")
        // The code is this account's: another account cannot use it.
        const theirs = await attempt(
          api.post(
            "/store/lianxin/orders/claim/contact",
            { channel: "email", to: "old.address@proof.test", code },
            { headers: someoneElse.headers }
          )
        )
        expect(theirs.status).toBe(401)
        const done = await attempt(
          api.post(
            "/store/lianxin/orders/claim/contact",
            { channel: "email", to: "old.address@proof.test", code },
            { headers: resident.headers }
          )
        )
        expect(done.status).toBe(200)
        expect([...done.data.claimed].sort()).toEqual([a.data.order.id, b.data.order.id].sort())
        expect(done.data.claimed).not.toContain(c.data.order.id)
      })
    })
  },
})
