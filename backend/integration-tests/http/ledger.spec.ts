import fs from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seed, E2E } from "@lianxin/seed"
import {
  accrueMissedOrdersWorkflow,
  accrueOrderRevenueWorkflow,
  attributeProductWorkflow,
  createCooperativesWorkflow,
  createHouseholdsWorkflow,
  createVillagesWorkflow,
  createSplitPolicyVersionWorkflow,
  earnOrderRevenueWorkflow,
  generateHouseholdStatementsWorkflow,
  markStatementPaidWorkflow,
  reverseOrderRevenueWorkflow,
} from "@lianxin/plugin/workflows"
import { createAdminSession } from "../helpers/admin"
import { expectLedgerBalanced } from "../helpers/ledger"
import { placeOrder, variantIdByHandle } from "../helpers/checkout"

type Ledger = {
  listLedgerEntries: (f?: object, c?: object) => Promise<any[]>
  listStatements: (f?: object, c?: object) => Promise<any[]>
  listStatementLines: (f?: object, c?: object) => Promise<any[]>
  lineBalances: (
    orderId: string
  ) => Promise<
    Array<{ line_item_id: string; account: string; party_type: string | null; party_id: string | null; net: number }>
  >
  trialBalance: () => Promise<{ debits: number; credits: number; unbalanced_transactions: string[] }>
  updateLedgerEntries: (data: object) => Promise<unknown>
  deleteLedgerEntries: (ids: string[]) => Promise<unknown>
}

const fen = (v: unknown) => Math.round(Number(v) * 100)

medusaIntegrationTestRunner({
  inApp: true,
  seeded: "e2e",
  testSuite: ({ api, getContainer }) => {
    let key: string
    const ledger = () => getContainer().resolve("revenueShare") as Ledger

    let households: { a: string; b: string; c: string; d: string; e: string; coop: string }

    beforeAll(async () => {
      const container = getContainer()
      const result = await seed(container, "e2e")
      key = result.publishableKey
      // Apples come from a cooperative buying 60/40 from two households;
      // oranges from one household alone.
      const {
        result: [village],
      } = await createVillagesWorkflow(container).run({
        input: {
          villages: [{ code: "LT-LG", name: "台账村", township: "台账镇", county: "台账县", province: "云南省" }],
        },
      })
      const {
        result: [coop],
      } = await createCooperativesWorkflow(container).run({
        input: { cooperatives: [{ name: "台账合作社", village_id: village.id }] },
      })
      const { result: hs } = await createHouseholdsWorkflow(container).run({
        input: {
          households: [
            { code: "LT-LG-001", display_name: "甲", village_id: village.id, cooperative_id: coop.id },
            { code: "LT-LG-002", display_name: "乙", village_id: village.id },
            { code: "LT-LG-003", display_name: "丙", village_id: village.id },
            { code: "LT-LG-004", display_name: "丁", village_id: village.id },
            { code: "LT-LG-005", display_name: "戊", village_id: village.id },
          ],
        },
      })
      households = { a: hs[0].id, b: hs[1].id, c: hs[2].id, d: hs[3].id, e: hs[4].id, coop: coop.id }
      const productId = async (handle: string) => {
        const { data } = await api.get(`/store/products?handle=${handle}&fields=id`, {
          headers: { "x-publishable-api-key": key },
        })
        return data.products[0].id as string
      }
      await attributeProductWorkflow(container).run({
        input: {
          product_id: await productId(E2E.products.apple.handle),
          cooperative_id: coop.id,
          shares: [
            { household_id: households.a, share_bp: 6000 },
            { household_id: households.b, share_bp: 4000 },
          ],
        },
      })
      await attributeProductWorkflow(container).run({
        input: {
          product_id: await productId(E2E.products.orange.handle),
          cooperative_id: null,
          shares: [{ household_id: households.b, share_bp: 10000 }],
        },
      })
      await attributeProductWorkflow(container).run({
        input: {
          product_id: await productId(E2E.products.rice.handle),
          shares: [{ household_id: households.c, share_bp: 10000 }],
        },
      })
      await attributeProductWorkflow(container).run({
        input: {
          product_id: await productId(E2E.products.millet.handle),
          cooperative_id: coop.id,
          shares: [
            { household_id: households.d, share_bp: 5000 },
            { household_id: households.e, share_bp: 5000 },
          ],
        },
      })
    })

    // The double-entry invariant holds after every test, and the precomputed household totals the impact page
    // reads (ledger_household_total, kept by a trigger) equal the same totals summed from every posting.
    afterEach(async () => {
      await expectLedgerBalanced(getContainer())
      const service = ledger() as unknown as Record<string, () => Promise<Array<Record<string, unknown>>>>
      const norm = (rows: Array<Record<string, unknown>>) =>
        rows.map((r) => ({
          household_id: r.household_id,
          earned_fen: Number(r.earned_fen),
          paid_fen: Number(r.paid_fen),
        }))
      expect(norm(await service.householdTotals())).toEqual(norm(await service.householdTotalsFromLedger()))
    })

    async function entriesOf(orderId: string, minimum = 1) {
      const deadline = Date.now() + 20_000
      for (;;) {
        const entries = await ledger().listLedgerEntries({ order_id: orderId }, { take: 1000 })
        if (entries.length >= minimum || Date.now() > deadline) return entries
        await new Promise((r) => setTimeout(r, 200))
      }
    }

    async function orderWithTwoLines() {
      const apple = await variantIdByHandle(api, key, E2E.products.apple.handle)
      const orange = await variantIdByHandle(api, key, E2E.products.orange.handle)
      return placeOrder(api, key, [
        { variant_id: apple, quantity: 3 },
        { variant_id: orange, quantity: 1 },
      ])
    }

    const net = (balances: Awaited<ReturnType<Ledger["lineBalances"]>>, account: string, lineId?: string) =>
      balances
        .filter((b) => b.account === account && (!lineId || b.line_item_id === lineId))
        .reduce((s, b) => s + b.net, 0)

    it("placing an order accrues every line, summing exactly to what the resident paid", async () => {
      const order = await orderWithTwoLines()
      const entries = await entriesOf(order.id)
      expect(entries.length).toBeGreaterThan(0)
      const orderTotal = fen(order.total)
      expect(orderTotal).toBe(3 * E2E.products.apple.priceFen + E2E.products.orange.priceFen)

      const paid = entries.filter((e) => e.account === "resident_payments" && e.direction === "debit")
      expect(paid.reduce((s, e) => s + Number(e.amount), 0)).toBe(orderTotal)
      for (const item of order.items) {
        const lineEntries = entries.filter((e) => e.line_item_id === item.id)
        const debit = lineEntries.filter((e) => e.direction === "debit").reduce((s, e) => s + Number(e.amount), 0)
        const credit = lineEntries.filter((e) => e.direction === "credit").reduce((s, e) => s + Number(e.amount), 0)
        expect(debit).toBe(fen(item.total))
        expect(credit).toBe(fen(item.total))
        expect(new Set(lineEntries.map((e) => e.policy_version))).toEqual(new Set([1]))
      }
      const parties = new Set(
        entries.filter((e) => e.account === "accrued").map((e) => `${e.party_type}:${e.party_id}`)
      )
      // The property office share goes to the office of the order's pickup point (the seeded E2E point).
      const office = [...parties].find((p) => p.startsWith("property_office:"))
      expect(office).toMatch(/^property_office:poff_/)
      expect(parties).toEqual(
        new Set([
          `household:${households.a}`,
          `household:${households.b}`,
          `cooperative:${households.coop}`,
          office,
          "platform:platform",
        ])
      )
      // Apples: 3 × 1280 = 3840 fen at 70/10/10/10 → cooperative 384, households 2688 split 60/40.
      const appleLine = order.items.find((i) => Number(i.quantity) === 3)!
      const credit = (party: string | null) =>
        entries.find((e) => e.line_item_id === appleLine.id && e.account === "accrued" && e.party_id === party)?.amount
      expect([credit(households.a), credit(households.b), credit(households.coop)].map(Number)).toEqual([
        1613, 1075, 384,
      ])
    })

    it("handover earns the accrued shares; refunding one line reverses only that line", async () => {
      const order = await orderWithTwoLines()
      await entriesOf(order.id)
      await earnOrderRevenueWorkflow(getContainer()).run({ input: { order_id: order.id } })
      let balances = await ledger().lineBalances(order.id)
      expect(net(balances, "accrued")).toBe(0)
      expect(-net(balances, "earned")).toBe(fen(order.total))

      const [appleLine, orangeLine] = order.items.sort((a, b) => Number(b.quantity) - Number(a.quantity))
      await reverseOrderRevenueWorkflow(getContainer()).run({
        input: {
          order_id: order.id,
          reversals: [{ line_item_id: orangeLine.id, amount_fen: fen(orangeLine.total) }],
          reference: "refund_test_1",
          reason: "refund",
        },
      })
      balances = await ledger().lineBalances(order.id)
      expect(net(balances, "earned", orangeLine.id)).toBe(0)
      expect(net(balances, "resident_payments", orangeLine.id)).toBe(0)
      expect(-net(balances, "earned", appleLine.id)).toBe(fen(appleLine.total))
      const reversal = await ledger().listLedgerEntries({ kind: "reversal", order_id: order.id })
      expect(reversal.every((e) => e.line_item_id === orangeLine.id && e.reason === "refund")).toBe(true)
    })

    it("a shortage reverses only what was not delivered, pro rata to the paid amount", async () => {
      const order = await orderWithTwoLines()
      await entriesOf(order.id)
      const appleLine = order.items.find((i) => Number(i.quantity) === 3)!
      const oneApple = fen(appleLine.total) / 3
      await reverseOrderRevenueWorkflow(getContainer()).run({
        input: {
          order_id: order.id,
          reversals: [{ line_item_id: appleLine.id, amount_fen: oneApple }],
          reference: "shortage_1",
          reason: "shortage",
        },
      })
      const balances = await ledger().lineBalances(order.id)
      expect(net(balances, "resident_payments", appleLine.id)).toBe(2 * oneApple)
      expect(-net(balances, "accrued", appleLine.id)).toBe(2 * oneApple)
    })

    it("refuses to reverse more than was paid, naming the line", async () => {
      const order = await orderWithTwoLines()
      await entriesOf(order.id)
      const line = order.items[0]
      const { errors } = await reverseOrderRevenueWorkflow(getContainer()).run({
        input: {
          order_id: order.id,
          reversals: [{ line_item_id: line.id, amount_fen: fen(line.total) + 1 }],
          reference: "too_much",
          reason: "refund",
        },
        throwOnError: false,
      })
      expect(errors[0].error.message).toMatch(new RegExp(`exceeds .* ${line.id}`))
      expect(await ledger().listLedgerEntries({ order_id: order.id, kind: "reversal" })).toEqual([])
    })

    it("replaying every event, even concurrently, changes nothing", async () => {
      const order = await orderWithTwoLines()
      await entriesOf(order.id)
      await earnOrderRevenueWorkflow(getContainer()).run({ input: { order_id: order.id } })
      const line = order.items[0]
      const reverse = () =>
        reverseOrderRevenueWorkflow(getContainer()).run({
          input: {
            order_id: order.id,
            reversals: [{ line_item_id: line.id, amount_fen: 100 }],
            reference: "refund_replay",
            reason: "refund",
          },
        })
      await reverse()
      const before = (await ledger().listLedgerEntries({ order_id: order.id }, { take: 1000 })).length

      await Promise.all([
        accrueOrderRevenueWorkflow(getContainer()).run({ input: { order_id: order.id } }),
        accrueOrderRevenueWorkflow(getContainer()).run({ input: { order_id: order.id } }),
        earnOrderRevenueWorkflow(getContainer()).run({ input: { order_id: order.id } }),
      ])
      await reverse()
      const after = await ledger().listLedgerEntries({ order_id: order.id }, { take: 1000 })
      expect(after.length).toBe(before)
    })

    it("an order whose order.placed accrual was lost is accrued at handover or by the hourly job, never twice", async () => {
      // The subscriber's posting fails for these orders (a database fault, a process stopped between the completion
      // and the subscriber): the ledger has nothing for them. Only the subscriber's source fails; catch-ups post.
      const service = ledger() as unknown as { postTransactions: (t: any[], ...rest: unknown[]) => Promise<unknown> }
      const original = service.postTransactions
      const lost = new Set<string>()
      service.postTransactions = async function (transactions: any[], ...rest: unknown[]) {
        const subscriber = transactions.find((t) => t.kind === "accrual" && t.source === "order.placed")
        if (subscriber) {
          lost.add(subscriber.postings[0].order_id)
          throw new Error("connection terminated unexpectedly (injected)")
        }
        return original.call(this, transactions, ...rest)
      }
      let handedOver: Awaited<ReturnType<typeof orderWithTwoLines>>
      let leftAlone: Awaited<ReturnType<typeof orderWithTwoLines>>
      try {
        handedOver = await orderWithTwoLines()
        leftAlone = await orderWithTwoLines()
        const deadline = Date.now() + 20_000
        while (!(lost.has(handedOver.id) && lost.has(leftAlone.id)) && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 100))
        }
        expect([...lost].sort()).toEqual([handedOver.id, leftAlone.id].sort())
      } finally {
        service.postTransactions = original
      }
      expect(await ledger().listLedgerEntries({ order_id: [handedOver.id, leftAlone.id] })).toEqual([])

      // The counter is not blocked: the handover accrues the missing lines, then earns them.
      await earnOrderRevenueWorkflow(getContainer()).run({ input: { order_id: handedOver.id } })
      const handed = await ledger().lineBalances(handedOver.id)
      expect(net(handed, "accrued")).toBe(0)
      expect(-net(handed, "earned")).toBe(fen(handedOver.total))

      // The hourly job finds the other one (the window starts 5 minutes back: an order's own subscriber goes first).
      const job = (now: Date) => accrueMissedOrdersWorkflow(getContainer()).run({ input: { now } })
      const { result: early } = await job(new Date())
      expect(early.accrued).toEqual([])
      const later = new Date(Date.now() + 10 * 60_000)
      const { result: first } = await job(later)
      expect(first.accrued).toEqual([leftAlone.id])
      const accrued = await ledger().listLedgerEntries({ order_id: leftAlone.id }, { take: 1000 })
      const paid = accrued.filter((e) => e.account === "resident_payments" && e.direction === "debit")
      expect(paid.reduce((sum, e) => sum + Number(e.amount), 0)).toBe(fen(leftAlone.total))
      expect(new Set(accrued.map((e) => e.line_item_id))).toEqual(new Set(leftAlone.items.map((i) => i.id)))

      // Run again, and the late subscriber's replay: nothing more is posted.
      const { result: second } = await job(later)
      expect(second.accrued).toEqual([])
      await accrueOrderRevenueWorkflow(getContainer()).run({ input: { order_id: leftAlone.id } })
      expect(await ledger().listLedgerEntries({ order_id: leftAlone.id }, { take: 1000 })).toHaveLength(accrued.length)
    })

    it("a new policy version applies to new orders only; old lines keep theirs", async () => {
      const first = await orderWithTwoLines()
      await entriesOf(first.id)
      await createSplitPolicyVersionWorkflow(getContainer()).run({
        input: {
          name: "测试",
          scope: "global",
          household_bp: 8000,
          cooperative_bp: 500,
          property_office_bp: 1000,
          platform_bp: 500,
        },
      })
      const second = await orderWithTwoLines()
      const secondEntries = await entriesOf(second.id)
      expect(new Set(secondEntries.map((e) => e.policy_version))).toEqual(new Set([2]))
      const firstEntries = await ledger().listLedgerEntries({ order_id: first.id })
      expect(new Set(firstEntries.map((e) => e.policy_version))).toEqual(new Set([1]))
    })

    it("refuses a policy whose shares do not sum to 10 000", async () => {
      const { errors } = await createSplitPolicyVersionWorkflow(getContainer()).run({
        input: {
          name: "坏",
          scope: "global",
          household_bp: 8000,
          cooperative_bp: 500,
          property_office_bp: 1000,
          platform_bp: 600,
        },
        throwOnError: false,
      })
      expect(errors[0].error.message).toMatch(/sum to 10000/)
    })

    it("statements list every earned line, reconcile to the fen, and settle once", async () => {
      const start = new Date(Date.now() - 60_000)
      const order = await orderWithTwoLines()
      await entriesOf(order.id)
      await earnOrderRevenueWorkflow(getContainer()).run({ input: { order_id: order.id } })
      const end = new Date()
      const run = () =>
        generateHouseholdStatementsWorkflow(getContainer()).run({ input: { period_start: start, period_end: end } })
      const { result: ids } = await run()
      expect(ids.length).toBe(2)
      const { result: again } = await run()
      expect(again).toEqual([])

      const statements = await ledger().listStatements({ id: ids })
      const earned = (
        await ledger().listLedgerEntries({ order_id: order.id, account: "earned", party_type: "household" })
      ).filter((e) => e.party_id)
      for (const statement of statements) {
        const lines = await ledger().listStatementLines({ statement_id: statement.id })
        const mine = earned.filter((e) => e.party_id === statement.household_id)
        expect(lines.map((l) => l.ledger_entry_id).sort()).toEqual(mine.map((e) => e.id).sort())
        expect(Number(statement.total)).toBe(mine.reduce((s, e) => s + Number(e.amount), 0))
        expect(Number(statement.total)).toBe(lines.reduce((s, l) => s + Number(l.amount), 0))
      }

      const statement = statements[0]
      await markStatementPaidWorkflow(getContainer()).run({
        input: { statement_id: statement.id, method: "wechat", reference: "WX-0001" },
      })
      const { errors } = await markStatementPaidWorkflow(getContainer()).run({
        input: { statement_id: statement.id, method: "cash", reference: "again" },
        throwOnError: false,
      })
      expect(errors[0].error.message).toMatch(/already marked paid/)
      const settlement = await ledger().listLedgerEntries({ kind: "settlement" })
      expect(settlement.map((e) => [e.account, e.direction, Number(e.amount)]).sort()).toEqual(
        [
          ["earned", "debit", Number(statement.total)],
          ["paid_out", "credit", Number(statement.total)],
        ].sort()
      )
    })

    it("the ledger refuses updates and deletes", async () => {
      const order = await orderWithTwoLines()
      const [entry] = await entriesOf(order.id)
      await expect(ledger().updateLedgerEntries({ id: entry.id, amount: 1 })).rejects.toThrow(/append-only/)
      await expect(ledger().deleteLedgerEntries([entry.id])).rejects.toThrow(/append-only/)
    })
    describe("admin and store routes", () => {
      let admin: { headers: { authorization: string } }
      beforeEach(async () => {
        admin = await createAdminSession(api, getContainer())
      })
      const post = (url: string, body: object, headers: object = admin.headers) =>
        api.post(url, body, { headers }).catch((e: any) => e.response)
      const get = (url: string, headers: object = admin.headers) =>
        api.get(url, { headers }).catch((e: any) => e.response)

      it("refuse anonymous callers", async () => {
        expect((await get("/admin/statements", {})).status).toBe(401)
        expect((await get("/admin/ledger/trial-balance", {})).status).toBe(401)
        expect((await post("/admin/split-policies", {}, {})).status).toBe(401)
      })

      it("split policies: 400 naming the field, then a new version", async () => {
        const bad = await post("/admin/split-policies", {
          name: "坏",
          scope: "global",
          household_bp: 7000,
          cooperative_bp: 1000,
          property_office_bp: 1000,
          platform_bp: 999,
        })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/platform_bp.*sum to 10000/)
        const noScope = await post("/admin/split-policies", {
          name: "品类",
          scope: "category",
          household_bp: 7000,
          cooperative_bp: 1000,
          property_office_bp: 1000,
          platform_bp: 1000,
        })
        expect(noScope.status).toBe(400)
        expect(noScope.data.message).toContain("scope_id")
        const ok = await post("/admin/split-policies", {
          name: "新全局",
          scope: "global",
          household_bp: 7500,
          cooperative_bp: 1000,
          property_office_bp: 1000,
          platform_bp: 500,
        })
        expect(ok.status).toBe(201)
        expect(ok.data.split_policy).toMatchObject({ version: 2, household_bp: 7500 })
        const current = await get("/admin/split-policies")
        expect(current.data.split_policies.filter((p: { scope: string }) => p.scope === "global")).toHaveLength(1)
        const history = await get("/admin/split-policies?history=true&scope=global")
        expect(history.data.split_policies.map((p: { version: number }) => p.version)).toEqual([2, 1])
      })

      it("earn and reverse through the admin API, with bad input refused", async () => {
        const order = await orderWithTwoLines()
        await entriesOf(order.id)
        const line = order.items[0]
        expect(
          (
            await post(`/admin/ledger/orders/${order.id}/reversals`, {
              reversals: [{ line_item_id: line.id, amount_fen: 0 }],
              reason: "refund",
              reference: "r1",
            })
          ).data.message
        ).toContain("amount_fen")
        expect(
          (
            await post(`/admin/ledger/orders/${order.id}/reversals`, {
              reversals: [{ line_item_id: line.id, amount_fen: 1.5 }],
              reason: "refund",
              reference: "r1",
            })
          ).status
        ).toBe(400)
        expect(
          (
            await post(`/admin/ledger/orders/${order.id}/reversals`, {
              reversals: [{ line_item_id: line.id, amount_fen: 10 }],
              reason: "oops",
              reference: "r1",
            })
          ).data.message
        ).toContain("reason")
        expect(
          (
            await post(`/admin/ledger/orders/${order.id}/reversals`, {
              reversals: [{ line_item_id: line.id, amount_fen: 10 }],
              reason: "refund",
              reference: "bad ref",
            })
          ).data.message
        ).toContain("reference")
        expect((await post(`/admin/ledger/orders/${order.id}/earn`, { line_item_ids: [] })).status).toBe(400)

        expect((await post(`/admin/ledger/orders/${order.id}/earn`, {})).status).toBe(200)
        const reversed = await post(`/admin/ledger/orders/${order.id}/reversals`, {
          reversals: [{ line_item_id: line.id, amount_fen: 100 }],
          reason: "refund",
          reference: "RF-1",
        })
        expect(reversed.status).toBe(200)
        const view = await get(`/admin/ledger/orders/${order.id}`)
        expect(view.data.entries.filter((e: { kind: string }) => e.kind === "reversal").length).toBeGreaterThan(1)
        const tb = await get("/admin/ledger/trial-balance")
        expect(tb.data.trial_balance.debits).toBe(tb.data.trial_balance.credits)
      })

      it("statements: generate, read, export as CSV that reconciles, pay once", async () => {
        expect(
          (await post("/admin/statements/generate", { period_start: "2026-11-02T00:00:00Z" })).data.message
        ).toContain("period_end")
        expect(
          (
            await post("/admin/statements/generate", {
              period_start: "2026-11-09T00:00:00Z",
              period_end: "2026-11-02T00:00:00Z",
            })
          ).status
        ).toBe(400)
        const start = new Date(Date.now() - 60_000).toISOString()
        const order = await orderWithTwoLines()
        await entriesOf(order.id)
        await post(`/admin/ledger/orders/${order.id}/earn`, {})
        const future = await post("/admin/statements/generate", {
          period_start: start,
          period_end: new Date(Date.now() + 86_400_000).toISOString(),
        })
        expect(future.status).toBe(400)
        const gen = await post("/admin/statements/generate", {
          period_start: start,
          period_end: new Date().toISOString(),
        })
        expect(gen.data.statement_ids).toHaveLength(2)
        const list = await get("/admin/statements")
        expect(list.data.count).toBe(2)
        expect(list.data.statements.map((x: { household: { code: string } }) => x.household.code).sort()).toEqual([
          "LT-LG-001",
          "LT-LG-002",
        ])
        const id = gen.data.statement_ids[0]
        const detail = (await get(`/admin/statements/${id}`)).data.statement
        expect(detail.household.code).toMatch(/^LT-LG-00[12]$/)
        // Each line names its order by the number operators know (#display_id), not only by its id.
        const displayId = (await get(`/admin/orders/${order.id}?fields=id,display_id`)).data.order.display_id
        expect(displayId).toBeGreaterThan(0)
        expect(detail.lines.length).toBeGreaterThan(0)
        expect(detail.lines.map((l: { order_display_id: number }) => l.order_display_id)).toEqual(
          detail.lines.map(() => displayId)
        )
        const csv = await get(`/admin/statements/${id}/export`)
        expect(csv.headers["content-type"]).toContain("text/csv")
        const rows = String(csv.data)
          .replace(/^\uFEFF/, "")
          .trim()
          .split("\r\n")
        expect(rows[0]).toContain("农户编号")
        expect(rows).toHaveLength(1 + detail.lines.length)
        const yuan = rows.slice(1).map((r: string) => Math.round(Number(r.split(",")[7]) * 100))
        expect(yuan.reduce((a: number, b: number) => a + b, 0)).toBe(detail.total)

        expect(
          (await post(`/admin/statements/${id}/payment`, { method: "alipay", reference: "x" })).data.message
        ).toContain("method")
        const paid = await post(`/admin/statements/${id}/payment`, { method: "bank_transfer", reference: "BANK-778" })
        expect(paid.data.statement.payment).toMatchObject({ method: "bank_transfer", reference: "BANK-778" })
        expect((await post(`/admin/statements/${id}/payment`, { method: "cash", reference: "again" })).status).toBe(409)
        const earnings = (await get(`/admin/households/${detail.household_id}/earnings`)).data.earnings
        expect(earnings).toMatchObject({ paid_out_fen: detail.total, earned_unpaid_fen: 0, accrued_fen: 0 })
        expect(earnings.statements.map((x: { id: string }) => x.id)).toEqual([id])
        expect((await get("/admin/statements/stmt_nope")).status).toBe(404)
      })

      it("GET /store/impact comes from the ledger and never describes fewer than five households", async () => {
        const headers = { "x-publishable-api-key": key }
        const before = await get("/store/impact", headers)
        expect(before.data.impact).toEqual({ suppressed: true, minimum_households: 5, currency_code: "cny" })
        expect((await get("/store/impact?group_by=planet", headers)).data.message).toContain("group_by")

        // An order of apples and oranges reaches households a and b only: still suppressed.
        const small = await orderWithTwoLines()
        await entriesOf(small.id)
        await post(`/admin/ledger/orders/${small.id}/earn`, {})
        expect((await get("/store/impact", headers)).data.impact.suppressed).toBe(true)

        const variants = await Promise.all(
          [E2E.products.rice.handle, E2E.products.millet.handle].map((h) => variantIdByHandle(api, key, h))
        )
        const big = await placeOrder(
          api,
          key,
          variants.map((variant_id) => ({ variant_id, quantity: 1 }))
        )
        await entriesOf(big.id)
        await post(`/admin/ledger/orders/${big.id}/earn`, {})
        const impact = (await get("/store/impact?group_by=province", headers)).data.impact
        const earned = (
          await ledger().listLedgerEntries({ account: "earned", party_type: "household" }, { take: 1000 })
        )
          .filter((e) => e.party_id)
          .reduce((s, e) => s + (e.direction === "credit" ? Number(e.amount) : -Number(e.amount)), 0)
        expect(impact).toMatchObject({
          suppressed: false,
          households: 5,
          villages: 1,
          earned_by_households_fen: earned,
          paid_to_households_fen: 0,
        })
        expect(impact.groups).toEqual([{ key: "云南省", households: 5, earned_fen: earned, paid_fen: 0 }])
        // The SQL published in docs/ledger.md reproduces the public figures.
        const doc = fs.readFileSync(path.resolve(__dirname, "../../../docs/ledger.md"), "utf8")
        const sql = doc.slice(
          doc.indexOf("WITH per_household"),
          doc.indexOf("WHERE p.earned_fen > 0;") + "WHERE p.earned_fen > 0".length
        )
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as {
          raw: (q: string) => Promise<{ rows: any[] }>
        }
        const [row] = (await pg.raw(sql)).rows
        expect(Number(row.households)).toBe(impact.households)
        expect(Number(row.villages)).toBe(impact.villages)
        expect(Number(row.earned_by_households_fen)).toBe(impact.earned_by_households_fen)
        expect(Number(row.paid_to_households_fen)).toBe(impact.paid_to_households_fen)
        const json = JSON.stringify(impact)
        for (const id of Object.values(households)) expect(json).not.toContain(id)
      })
    })
  },
})
