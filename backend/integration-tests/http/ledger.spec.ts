import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seed, E2E } from "@lianxin/seed"
import {
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
import { placeOrder, variantIdByHandle } from "../helpers/checkout"

type Ledger = {
  listLedgerEntries: (f?: object, c?: object) => Promise<any[]>
  listStatements: (f?: object, c?: object) => Promise<any[]>
  listStatementLines: (f?: object, c?: object) => Promise<any[]>
  lineBalances: (orderId: string) => Promise<Array<{ line_item_id: string; account: string; party_type: string | null; party_id: string | null; net: number }>>
  trialBalance: () => Promise<{ debits: number; credits: number; unbalanced_transactions: string[] }>
  updateLedgerEntries: (data: object) => Promise<unknown>
  deleteLedgerEntries: (ids: string[]) => Promise<unknown>
}

const fen = (v: unknown) => Math.round(Number(v) * 100)

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let key: string
    const ledger = () => getContainer().resolve("revenueShare") as Ledger

    let households: { a: string; b: string; coop: string }

    beforeAll(async () => {
      const container = getContainer()
      const result = await seed(container, "e2e")
      key = result.publishableKey
      // Apples come from a cooperative buying 60/40 from two households;
      // oranges from one household alone.
      const { result: [village] } = await createVillagesWorkflow(container).run({
        input: { villages: [{ code: "LT-LG", name: "台账村", township: "台账镇", county: "台账县", province: "云南省" }] },
      })
      const { result: [coop] } = await createCooperativesWorkflow(container).run({
        input: { cooperatives: [{ name: "台账合作社", village_id: village.id }] },
      })
      const { result: hs } = await createHouseholdsWorkflow(container).run({
        input: {
          households: [
            { code: "LT-LG-001", display_name: "甲", village_id: village.id, cooperative_id: coop.id },
            { code: "LT-LG-002", display_name: "乙", village_id: village.id },
          ],
        },
      })
      households = { a: hs[0].id, b: hs[1].id, coop: coop.id }
      const productId = async (handle: string) => {
        const { data } = await api.get(`/store/products?handle=${handle}&fields=id`, { headers: { "x-publishable-api-key": key } })
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
    })

    afterEach(async () => {
      // The double-entry invariant holds after every test.
      const tb = await ledger().trialBalance()
      expect(tb.unbalanced_transactions).toEqual([])
      expect(tb.debits).toBe(tb.credits)
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
      const parties = new Set(entries.filter((e) => e.account === "accrued").map((e) => `${e.party_type}:${e.party_id}`))
      expect(parties).toEqual(
        new Set([
          `household:${households.a}`,
          `household:${households.b}`,
          `cooperative:${households.coop}`,
          "property_office:null",
          "platform:platform",
        ])
      )
      // Apples: 3 × 1280 = 3840 fen at 70/10/10/10 → cooperative 384, households 2688 split 60/40.
      const appleLine = order.items.find((i) => Number(i.quantity) === 3)!
      const credit = (party: string | null) =>
        entries.find((e) => e.line_item_id === appleLine.id && e.account === "accrued" && e.party_id === party)?.amount
      expect([credit(households.a), credit(households.b), credit(households.coop)].map(Number)).toEqual([1613, 1075, 384])
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
        input: { order_id: order.id, reversals: [{ line_item_id: appleLine.id, amount_fen: oneApple }], reference: "shortage_1", reason: "shortage" },
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
        input: { order_id: order.id, reversals: [{ line_item_id: line.id, amount_fen: fen(line.total) + 1 }], reference: "too_much", reason: "refund" },
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
          input: { order_id: order.id, reversals: [{ line_item_id: line.id, amount_fen: 100 }], reference: "refund_replay", reason: "refund" },
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

    it("a new policy version applies to new orders only; old lines keep theirs", async () => {
      const first = await orderWithTwoLines()
      await entriesOf(first.id)
      await createSplitPolicyVersionWorkflow(getContainer()).run({
        input: { name: "测试", scope: "global", household_bp: 8000, cooperative_bp: 500, property_office_bp: 1000, platform_bp: 500 },
      })
      const second = await orderWithTwoLines()
      const secondEntries = await entriesOf(second.id)
      expect(new Set(secondEntries.map((e) => e.policy_version))).toEqual(new Set([2]))
      const firstEntries = await ledger().listLedgerEntries({ order_id: first.id })
      expect(new Set(firstEntries.map((e) => e.policy_version))).toEqual(new Set([1]))
    })

    it("refuses a policy whose shares do not sum to 10 000", async () => {
      const { errors } = await createSplitPolicyVersionWorkflow(getContainer()).run({
        input: { name: "坏", scope: "global", household_bp: 8000, cooperative_bp: 500, property_office_bp: 1000, platform_bp: 600 },
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
      const run = () => generateHouseholdStatementsWorkflow(getContainer()).run({ input: { period_start: start, period_end: end } })
      const { result: ids } = await run()
      expect(ids.length).toBe(2)
      const { result: again } = await run()
      expect(again).toEqual([])

      const statements = await ledger().listStatements({ id: ids })
      const earned = (await ledger().listLedgerEntries({ order_id: order.id, account: "earned", party_type: "household" })).filter(
        (e) => e.party_id
      )
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
        [["earned", "debit", Number(statement.total)], ["paid_out", "credit", Number(statement.total)]].sort()
      )
    })

    it("the ledger refuses updates and deletes", async () => {
      const order = await orderWithTwoLines()
      const [entry] = await entriesOf(order.id)
      await expect(ledger().updateLedgerEntries({ id: entry.id, amount: 1 })).rejects.toThrow(/append-only/)
      await expect(ledger().deleteLedgerEntries([entry.id])).rejects.toThrow(/append-only/)
    })
  },
})
