import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * The ledger's invariant, checked after every test of a suite that writes
 * postings: Σ debits = Σ credits, and no transaction out of balance.
 */
export async function expectLedgerBalanced(container: MedusaContainer) {
  const ledger = container.resolve("revenueShare") as {
    trialBalance: () => Promise<{ debits: number; credits: number; unbalanced_transactions: string[] }>
  }
  const tb = await ledger.trialBalance()
  expect(tb.unbalanced_transactions).toEqual([])
  expect(tb.debits).toBe(tb.credits)
}
