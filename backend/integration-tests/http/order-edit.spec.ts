import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { seed, E2E } from "@lianxin/seed"
import { startStripeTestServer } from "@lianxin/plugin/testing/stripe-test-server.mjs"
import { createAdminSession } from "../helpers/admin"
import { placeOrder, variantIdByHandle } from "../helpers/checkout"
import { createHouseholdOwning } from "../helpers/households"
import { expectLedgerBalanced } from "../helpers/ledger"
import { cartReadyToPay, choosePayment, PROVIDERS } from "../helpers/payments"
import { createCycle, createOffice, createPoint } from "../helpers/pickup-network"
import { attempt, createResident, placePickupOrder, type Headers } from "../helpers/pickup-staff"
import { trackSubscribers, until } from "../helpers/wait"

/**
 * Order edit before the cutoff (issue 18, decision 024): POST
 * /store/lianxin/orders/:id/edit. After every edit the order, its inventory
 * reservations, its pickup lines and total, its payment and the ledger agree
 * with the new quantities; refusals change nothing.
 */
const API_KEY = "sk_test_lianxin_order_edit"
const WEBHOOK_SECRET = "whsec_lianxin_order_edit"
const stripe = await startStripeTestServer({ apiKey: API_KEY })
Object.assign(process.env, {
  STRIPE_API_KEY: API_KEY,
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_API_HOST: stripe.url,
  STRIPE_WEBHOOK_DELAY_MS: "1",
})
afterAll(() => stripe.close())

const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")
const { lineParties } = nodeRequire("@lianxin/plugin/utils/ledger-postings")
const { toSnapshot } = nodeRequire("@lianxin/plugin/utils/policy-resolution")
const searchSync = nodeRequire("@lianxin/plugin/subscribers/search-sync")
const fen = (v: unknown) => Math.round(Number(v) * 100)
const MINUTE = 60_000

medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer }) => {
    afterEach(async () => {
      await subscribers.idle()
      await expectLedgerBalanced(getContainer())
    })

    let key: string
    let pub: Headers
    let residentA: { email: string; headers: Headers }
    let residentB: { email: string; headers: Headers }
    const ids = { point: "", cycle: "" }
    const v = { apple: "", orange: "", millet: "" }
    let subscribers: ReturnType<typeof trackSubscribers>

    const svc = () => getContainer().resolve("pickup") as any
    const ledger = () => getContainer().resolve("revenueShare") as any
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY) as any

    beforeAll(async () => {
      const container = getContainer()
      subscribers = trackSubscribers(container)
      key = (await seed(container, "e2e")).publishableKey
      pub = { "x-publishable-api-key": key }
      const admin = (await createAdminSession(api, container)).headers
      await createHouseholdOwning(container, api, key, {
        village: { code: "EDIT-BJ", name: "编辑村", township: "编辑镇", county: "编辑县", province: "浙江省" },
        household: { code: "EDIT-BJ-001", display_name: "丁" },
        handles: [E2E.products.apple.handle, E2E.products.orange.handle],
      })
      v.apple = await variantIdByHandle(api, key, E2E.products.apple.handle)
      v.orange = await variantIdByHandle(api, key, E2E.products.orange.handle)
      v.millet = await variantIdByHandle(api, key, E2E.products.millet.handle)
      const office = await createOffice(api, admin, {
        compound_name: "编辑小区",
        city: "杭州市",
        address: "杭州市编辑路 2 号",
      })
      ids.point = await createPoint(api, admin, office, "HZ-BJ-1", { chilled: 20, ambient: 20 })
      ids.cycle = await createCycle(api, admin, { name: "编辑测试批次" })
      residentA = await createResident(api, key, "editor-a@orders.test")
      residentB = await createResident(api, key, "editor-b@orders.test")
      await wf.enableOnlinePaymentsWorkflow(container).run({
        input: { provider_ids: [PROVIDERS.wechat, PROVIDERS.alipay, PROVIDERS.card] },
      })
      stripe.addWebhook({ url: `${api.defaults.baseURL}/hooks/payment/stripe_stripe`, secret: WEBHOOK_SECRET })
    })

    const choice = () => ({ pickup_point_id: ids.point, order_cycle_id: ids.cycle })
    const edit = (orderId: string, body: unknown, headers: Headers = residentA.headers) =>
      attempt(api.post(`/store/lianxin/orders/${orderId}/edit`, body, { headers: { ...pub, ...headers } }))

    async function readOrder(orderId: string) {
      const { data } = await query().graph({
        entity: "order",
        fields: [
          "id",
          "version",
          "status",
          "total",
          "items.id",
          "items.quantity",
          "items.total",
          "items.variant_id",
          "payment_collections.status",
          "payment_collections.amount",
          "payment_collections.payments.id",
          "payment_collections.payments.amount",
          "payment_collections.payments.canceled_at",
          "payment_collections.payments.provider_id",
          "payment_collections.payments.captures.amount",
          "payment_collections.payments.refunds.amount",
        ],
        filters: { id: orderId },
      })
      return data[0]
    }
    const lineOf = (order: any, variantId: string) => order.items.find((i: any) => i.variant_id === variantId)

    async function placed(lines: Array<{ variant_id: string; quantity: number }>, who = residentA) {
      const r = await placePickupOrder(api, who.headers, lines, choice())
      // The accrual on order.placed, so the edit starts from a known ledger.
      await until(
        () => ledger().listLedgerEntries({ order_id: r.order.id, kind: "accrual" }),
        (e: any[]) => e.length > 0
      )
      await subscribers.idle()
      return readOrder(r.order.id)
    }

    async function reservedByLine(order: any) {
      const inventory = getContainer().resolve(Modules.INVENTORY) as any
      const rows = await inventory.listReservationItems({ line_item_id: order.items.map((i: any) => i.id) })
      const byLine = new Map<string, number>()
      for (const r of rows) byLine.set(r.line_item_id, (byLine.get(r.line_item_id) ?? 0) + Number(r.quantity))
      return byLine
    }

    /**
     * The order's ledger agrees with its lines: per line, resident_payments
     * holds the line total and each party holds its largest-remainder share of
     * it under the line's policy (households included).
     */
    async function expectLedgerMatches(order: any) {
      const balances = (await ledger().lineBalances(order.id)) as any[]
      const accruals = (await ledger().listLedgerEntries(
        { order_id: order.id, kind: "accrual" },
        { take: 1000 }
      )) as any[]
      const [assignment] = await svc().listPickupAssignments({ order_id: order.id }, { take: 1 })
      for (const item of order.items) {
        const mine = balances.filter((b) => b.line_item_id === item.id)
        const resident = mine.find((b) => b.account === "resident_payments")?.net ?? 0
        expect(resident).toBe(fen(item.total))
        const policyId = accruals.find((a) => a.line_item_id === item.id)?.policy_id
        const [policy] = await ledger().listSplitPolicies({ id: policyId })
        const { data: products } = await query().graph({
          entity: "product",
          fields: [
            "id",
            "attribution.cooperative_id",
            "attribution.shares.household_id",
            "attribution.shares.share_bp",
          ],
          filters: {
            id: (await query().graph({ entity: "order_line_item", fields: ["product_id"], filters: { id: item.id } }))
              .data[0]?.product_id,
          },
        })
        const a = products[0]?.attribution
        const attribution = a
          ? {
              cooperative_id: a.cooperative_id ?? null,
              households: (a.shares ?? [])
                .map((s: any) => ({ household_id: s.household_id, share_bp: Number(s.share_bp) }))
                .sort((x: any, y: any) => x.household_id.localeCompare(y.household_id)),
            }
          : null
        const expected = lineParties(
          fen(item.total),
          toSnapshot(policy).shares,
          attribution,
          assignment.property_office_id
        )
        for (const party of expected) {
          const held = mine
            .filter(
              (b) => b.account === "accrued" && b.party_type === party.party_type && b.party_id === party.party_id
            )
            .reduce((s, b) => s - b.net, 0)
          expect({ line: item.id, party: `${party.party_type}:${party.party_id}`, held }).toEqual({
            line: item.id,
            party: `${party.party_type}:${party.party_id}`,
            held: party.amount,
          })
        }
        const heldTotal = mine.filter((b) => b.account === "accrued").reduce((s, b) => s - b.net, 0)
        expect(heldTotal).toBe(fen(item.total))
      }
      // And the household totals are non-trivial: some household holds a share (the fixture's products are attributed).
      expect(
        balances.some((b) => b.account === "accrued" && b.party_type === "household" && b.party_id && b.net < 0)
      ).toBe(true)
    }

    async function expectPickupMatches(order: any) {
      const [a] = await svc().listPickupAssignments({ order_id: order.id }, { take: 1, relations: ["lines"] })
      expect(Number(a.order_total_fen)).toBe(fen(order.total))
      for (const item of order.items) {
        const line = a.lines.find((l: any) => l.line_item_id === item.id)
        // A removed line leaves the bag: no live pickup line, so manifests and the counter do not list it.
        if (Number(item.quantity) === 0) {
          expect(line).toBeUndefined()
          continue
        }
        expect({ q: Number(line.quantity), fen: Number(line.amount_fen) }).toEqual({
          q: Number(item.quantity),
          fen: fen(item.total),
        })
      }
      return a
    }

    /** Pay at pickup: one live, authorized payment for exactly the order total (what the counter collects). */
    function expectPickupPaymentDue(order: any) {
      const live = order.payment_collections.flatMap((pc: any) => pc.payments ?? []).filter((p: any) => !p.canceled_at)
      expect(live).toHaveLength(1)
      expect(live[0].provider_id).toBe(PROVIDERS.pickup)
      expect(fen(live[0].amount)).toBe(fen(order.total))
      expect(order.payment_collections.some((pc: any) => pc.status === "authorized")).toBe(true)
    }

    it("decreases a quantity: order, reservations, pickup lines, amount due and ledger follow; the code and place stay", async () => {
      const order = await placed([
        { variant_id: v.apple, quantity: 3 },
        { variant_id: v.orange, quantity: 2 },
      ])
      const apple = lineOf(order, v.apple)
      const before = await svc().listPickupAssignments({ order_id: order.id }, { take: 1 })
      const [batchBefore] = await svc().listPickupBatches({ point_id: ids.point, cycle_id: ids.cycle })

      const res = await edit(order.id, { version: order.version, items: [{ id: apple.id, quantity: 1 }] })
      expect(res.status).toBe(200)
      expect(res.data.order_edit).toMatchObject({
        order_id: order.id,
        previous_total_fen: 3 * E2E.products.apple.priceFen + 2 * E2E.products.orange.priceFen,
        total_fen: 1 * E2E.products.apple.priceFen + 2 * E2E.products.orange.priceFen,
      })

      const after = await readOrder(order.id)
      expect(Number(after.version)).toBeGreaterThan(Number(order.version))
      expect(Number(lineOf(after, v.apple).quantity)).toBe(1)
      expect(fen(after.total)).toBe(E2E.products.apple.priceFen + 2 * E2E.products.orange.priceFen)
      const reserved = await reservedByLine(after)
      expect(reserved.get(apple.id)).toBe(1)
      expect(reserved.get(lineOf(after, v.orange).id)).toBe(2)
      const a = await expectPickupMatches(after)
      expect(a.code_hash).toBe(before[0].code_hash)
      expect(a.bag_number).toBe(before[0].bag_number)
      const [batchAfter] = await svc().listPickupBatches({ point_id: ids.point, cycle_id: ids.cycle })
      expect(batchAfter.reserved_chilled + batchAfter.reserved_ambient).toBe(
        batchBefore.reserved_chilled + batchBefore.reserved_ambient
      )
      expectPickupPaymentDue(after)
      await expectLedgerMatches(after)
      const edits = (await ledger().listLedgerEntries({ order_id: order.id, reason: "order_edit" })) as any[]
      const removed = edits
        .filter((e) => e.account === "resident_payments")
        .reduce((s, e) => s + (e.direction === "credit" ? Number(e.amount) : -Number(e.amount)), 0)
      expect(removed).toBe(2 * E2E.products.apple.priceFen)

      // The order page's figure (what the order sends to households, decision 023) is that of the edited order.
      const householdHeld = ((await ledger().lineBalances(order.id)) as any[])
        .filter((b) => b.account === "accrued" && b.party_type === "household")
        .reduce((s, b) => s - b.net, 0)
      const { data: trace } = await api.get(`/store/lianxin/orders/${order.id}/trace`, {
        headers: { ...pub, ...residentA.headers },
      })
      expect(trace.trace.households).toMatchObject({ status: "posted", households: 1, amount_fen: householdHeld })

      // The edit's event reaches the search outbox subscriber, which refreshes both products' sold counts.
      expect(searchSync.config.event).toContain("lianxin.order.edited")
      expect(
        (await searchSync.affectedProducts(getContainer(), "lianxin.order.edited", { id: order.id })).sort()
      ).toEqual(
        [
          (await query().graph({ entity: "product_variant", fields: ["product_id"], filters: { id: v.apple } })).data[0]
            .product_id,
          (await query().graph({ entity: "product_variant", fields: ["product_id"], filters: { id: v.orange } }))
            .data[0].product_id,
        ].sort()
      )

      // order.placed delivered again after the edit (a replay, or a subscriber that ran late) accrues nothing more.
      const count = (await ledger().listLedgerEntries({ order_id: order.id }, { take: 1000 })).length
      await wf.accrueOrderRevenueWorkflow(getContainer()).run({ input: { order_id: order.id } })
      expect(await ledger().listLedgerEntries({ order_id: order.id }, { take: 1000 })).toHaveLength(count)
      await expectLedgerMatches(after)
    })

    it("an edit that fails keeps the accrual it caught up for a lost order.placed; the next edit posts on it", async () => {
      // The order's own accrual is lost (its subscriber's posting fails), and the first edit fails at its last
      // ledger post (a database fault). Before, the edit's catch-up accrual was undone with the edit (a mirror under
      // the same keys), leaving the order's lines with nothing accrued and keys no retry could post again.
      const service = ledger() as { postTransactions: (t: any[], ...rest: unknown[]) => Promise<unknown> }
      const original = service.postTransactions
      let lostOrder: string | null = null
      let editFaults = 0
      service.postTransactions = async function (transactions: any[], ...rest: unknown[]) {
        const subscriber = transactions.find((t) => t.kind === "accrual" && t.source === "order.placed")
        if (subscriber && !lostOrder) {
          lostOrder = subscriber.postings[0].order_id
          throw new Error("connection terminated unexpectedly (injected)")
        }
        if (editFaults === 0 && transactions.some((t) => String(t.transaction_key).startsWith("edit:"))) {
          editFaults++
          throw new Error("connection terminated unexpectedly (injected)")
        }
        return original.call(this, transactions, ...rest)
      }
      let order: any
      try {
        const r = await placePickupOrder(api, residentA.headers, [{ variant_id: v.apple, quantity: 3 }], choice())
        await until(
          async () => lostOrder,
          (id) => id === r.order.id
        )
        await subscribers.idle()
        order = await readOrder(r.order.id)
        expect(await ledger().listLedgerEntries({ order_id: order.id })).toEqual([])
        const apple = lineOf(order, v.apple)
        const failed = await edit(order.id, { version: order.version, items: [{ id: apple.id, quantity: 2 }] })
        expect(failed.status).toBeGreaterThanOrEqual(400)
        expect(editFaults).toBe(1)
      } finally {
        service.postTransactions = original
      }
      // The accrual of the order as placed stands: resident_payments holds what was paid for the line.
      const placedBalances = (await ledger().lineBalances(order.id)) as any[]
      const paid = placedBalances.find((b) => b.account === "resident_payments")?.net ?? 0
      expect(paid).toBe(fen(order.total))
      const now = await readOrder(order.id)
      expect(Number(lineOf(now, v.apple).quantity)).toBe(3)
      await expectLedgerMatches(now)

      const again = await edit(order.id, {
        version: now.version,
        items: [{ id: lineOf(now, v.apple).id, quantity: 2 }],
      })
      expect(again.status).toBe(200)
      const edited = await readOrder(order.id)
      expect(Number(lineOf(edited, v.apple).quantity)).toBe(2)
      await expectLedgerMatches(edited)
    })

    it("removes a line (quantity 0) and then increases another; removing every line is refused (cancel instead)", async () => {
      const order = await placed([
        { variant_id: v.apple, quantity: 1 },
        { variant_id: v.orange, quantity: 1 },
      ])
      const orange = lineOf(order, v.orange)
      const apple = lineOf(order, v.apple)
      const removed = await edit(order.id, { version: order.version, items: [{ id: orange.id, quantity: 0 }] })
      expect(removed.status).toBe(200)
      let after = await readOrder(order.id)
      expect(fen(after.total)).toBe(E2E.products.apple.priceFen)
      expect((await reservedByLine(after)).get(orange.id) ?? 0).toBe(0)
      await expectPickupMatches(after)
      expectPickupPaymentDue(after)
      await expectLedgerMatches(after)

      const empty = await edit(order.id, { version: after.version, items: [{ id: apple.id, quantity: 0 }] })
      expect(empty.status).toBe(409)
      expect(empty.data.code).toBe("would_empty")

      const grown = await edit(order.id, { version: after.version, items: [{ id: apple.id, quantity: 4 }] })
      expect(grown.status).toBe(200)
      after = await readOrder(order.id)
      expect(fen(after.total)).toBe(4 * E2E.products.apple.priceFen)
      expect((await reservedByLine(after)).get(apple.id)).toBe(4)
      await expectPickupMatches(after)
      expectPickupPaymentDue(after)
      await expectLedgerMatches(after)
    })

    it("an increase beyond stock is refused with 409 and changes nothing", async () => {
      const order = await placed([{ variant_id: v.millet, quantity: 1 }])
      const millet = lineOf(order, v.millet)
      const res = await edit(order.id, { version: order.version, items: [{ id: millet.id, quantity: 5 }] })
      expect(res.status).toBe(409)
      expect(res.data.code).toBe("insufficient_stock")
      const after = await readOrder(order.id)
      expect(after.version).toBe(order.version)
      expect(Number(lineOf(after, v.millet).quantity)).toBe(1)
      expect((await reservedByLine(after)).get(millet.id)).toBe(1)
      await expectPickupMatches(after)
      await expectLedgerMatches(after)
      expect(await ledger().listLedgerEntries({ order_id: order.id, reason: "order_edit" })).toHaveLength(0)
      // The one unit left can still be added.
      expect((await edit(order.id, { version: order.version, items: [{ id: millet.id, quantity: 2 }] })).status).toBe(
        200
      )
    })

    it("bad input is a 400 naming the field; another resident and a wrong cart get 404; nobody 401", async () => {
      const order = await placed([{ variant_id: v.apple, quantity: 2 }])
      const apple = lineOf(order, v.apple)
      const cases: Array<[unknown, RegExp]> = [
        [{ items: [{ id: apple.id, quantity: 1 }] }, /version/],
        [{ version: order.version, items: [] }, /items/],
        [{ version: order.version, items: [{ id: apple.id, quantity: -1 }] }, /items\.0\.quantity/],
        [{ version: order.version, items: [{ id: apple.id, quantity: 1.5 }] }, /items\.0\.quantity/],
        [{ version: order.version, items: [{ id: "nope", quantity: 1 }] }, /items\.0\.id/],
        [{ version: order.version, items: [{ id: "ordli_01NOTALINEOFTHISORDER00", quantity: 1 }] }, /items\.0\.id/],
        [{ version: order.version, items: [{ id: apple.id, quantity: 1 }], extra: 1 }, /extra/],
      ]
      for (const [body, field] of cases) {
        const res = await edit(order.id, body)
        expect({ body, status: res.status }).toEqual({ body, status: 400 })
        expect(res.data.message).toMatch(field)
      }
      const body = { version: order.version, items: [{ id: apple.id, quantity: 1 }] }
      expect((await edit(order.id, body, residentB.headers)).status).toBe(404)
      expect((await edit(order.id, body, {})).status).toBe(401)
      const guestCart = await placeOrder(api, key, [{ variant_id: v.apple, quantity: 1 }], {
        email: "edit-guest@orders.test",
        ...choice(),
      })
      expect((await edit(order.id, { ...body, cart_id: guestCart.cart_id }, {})).status).toBe(404)
      const unchanged = await readOrder(order.id)
      expect(unchanged.version).toBe(order.version)
      expect(Number(lineOf(unchanged, v.apple).quantity)).toBe(2)

      // The guest edits their own order with the cart it came from.
      const guestOrder = await readOrder(guestCart.id)
      const g = await edit(
        guestOrder.id,
        {
          cart_id: guestCart.cart_id,
          version: guestOrder.version,
          items: [{ id: guestOrder.items[0].id, quantity: 2 }],
        },
        {}
      )
      expect(g.status).toBe(200)
    })

    it("two edits of the same order at once: one wins, the other is refused, the ledger posts once", async () => {
      const order = await placed([{ variant_id: v.apple, quantity: 5 }])
      const apple = lineOf(order, v.apple)
      const [x, y] = await Promise.all([
        edit(order.id, { version: order.version, items: [{ id: apple.id, quantity: 2 }] }),
        edit(order.id, { version: order.version, items: [{ id: apple.id, quantity: 3 }] }),
      ])
      expect([x.status, y.status].sort()).toEqual([200, 409])
      const loser = x.status === 409 ? x : y
      expect(["order_changed", "edit_in_progress"]).toContain(loser.data.code)
      const winnerQty = x.status === 200 ? 2 : 3
      const after = await readOrder(order.id)
      expect(Number(lineOf(after, v.apple).quantity)).toBe(winnerQty)
      expect((await reservedByLine(after)).get(apple.id)).toBe(winnerQty)
      await expectPickupMatches(after)
      await expectLedgerMatches(after)
      const edits = (await ledger().listLedgerEntries({ order_id: order.id, reason: "order_edit" })) as any[]
      expect(new Set(edits.map((e) => e.transaction_key)).size).toBe(1)
      // The stale version is refused afterwards too.
      const stale = await edit(order.id, { version: order.version, items: [{ id: apple.id, quantity: 1 }] })
      expect(stale.status).toBe(409)
      expect(stale.data.code).toBe("order_changed")
    })

    it("paid online (WeChat Pay, captured): a decrease is refunded through Stripe for exactly the difference; an increase is refused", async () => {
      const { cartId, collectionId } = await cartReadyToPay(
        api,
        residentA.headers,
        [{ variant_id: v.apple, quantity: 3 }],
        choice()
      )
      const session = await choosePayment(api, residentA.headers, collectionId, PROVIDERS.wechat)
      stripe.succeed(session.data.id)
      const [link] = await until(
        async () =>
          (await query().graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })).data,
        (l: any[]) => l.length > 0
      )
      await stripe.settled()
      await until(
        () => ledger().listLedgerEntries({ order_id: link.order_id, kind: "accrual" }),
        (e: any[]) => e.length > 0
      )
      await subscribers.idle()
      const order = await readOrder(link.order_id)
      const apple = lineOf(order, v.apple)

      const more = await edit(order.id, { version: order.version, items: [{ id: apple.id, quantity: 4 }] })
      expect(more.status).toBe(409)
      expect(more.data.code).toBe("online_paid_increase")

      const less = await edit(order.id, { version: order.version, items: [{ id: apple.id, quantity: 1 }] })
      expect(less.status).toBe(200)
      const diff = 2 * E2E.products.apple.priceFen
      const refunds = [...stripe.state.refunds.values()]
        .filter((r: any) => r.payment_intent === session.data.id)
        .map((r: any) => r.amount)
      expect(refunds).toEqual([diff])
      const after = await readOrder(order.id)
      const payments = after.payment_collections.flatMap((pc: any) => pc.payments ?? [])
      const sum = (xs: any[]) => xs.reduce((s: number, x: any) => s + fen(x.amount), 0)
      expect(sum(payments.flatMap((p: any) => p.refunds ?? []))).toBe(diff)
      expect(sum(payments.flatMap((p: any) => p.captures ?? [])) - diff).toBe(fen(after.total))
      expect((await reservedByLine(after)).get(apple.id)).toBe(1)
      await expectPickupMatches(after)
      await expectLedgerMatches(after)
      await stripe.settled()
    })

    it("after the resident cutoff an edit is refused (409 cutoff_passed) and nothing changes", async () => {
      const order = await placed([{ variant_id: v.apple, quantity: 2 }])
      const apple = lineOf(order, v.apple)
      const past = new Date(Date.now() - MINUTE)
      await svc().updateOrderCycles({ id: ids.cycle, producer_cutoff_at: past, resident_cutoff_at: past })
      const res = await edit(order.id, { version: order.version, items: [{ id: apple.id, quantity: 1 }] })
      expect(res.status).toBe(409)
      expect(res.data.code).toBe("cutoff_passed")
      expect(res.data.message).toMatch(/截单/)
      const after = await readOrder(order.id)
      expect(after.version).toBe(order.version)
      expect((await reservedByLine(after)).get(apple.id)).toBe(2)
      await expectPickupMatches(after)
      await expectLedgerMatches(after)
    })
  },
})
