import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import LedgerEntry from "./models/ledger-entry"
import SplitPolicy from "./models/split-policy"
import Statement from "./models/statement"
import StatementLine from "./models/statement-line"
import StatementPayment from "./models/statement-payment"
import type { LedgerTransactionInput, PostResult } from "../../types/ledger"
import { validateShares } from "../../utils/revenue-split"
import {
  GENERATE_STATEMENTS_SQL,
  HOUSEHOLD_TOTALS_FROM_LEDGER_SQL,
  HOUSEHOLD_TOTALS_SQL,
  HOUSEHOLD_TOTALS_VERSION_SQL,
  generateStatementsBindings,
} from "./sql"

export type SplitPolicyScope = "global" | "category" | "cooperative" | "household"

export type LineBalance = {
  line_item_id: string
  account: string
  party_type: string | null
  party_id: string | null
  net: number
}

const toInt = (v: unknown) => Number(v ?? 0)

/** 18 bound values a posting: 1,000 postings stay far below PostgreSQL's 65,535 parameters. */
const POSTINGS_PER_STATEMENT = 1000

export type StoredPolicyRow = {
  id: string
  name: string
  scope: SplitPolicyScope
  scope_id: string | null
  version: number
  household_bp: number
  cooperative_bp: number
  property_office_bp: number
  platform_bp: number
  created_by: string | null
  note: string | null
  created_at: Date
}

/**
 * The revenue-share ledger. Postings are only ever inserted (the table refuses
 * UPDATE and DELETE), each idempotent on its key, each transaction balanced.
 * The generated update/delete methods for ledger entries exist on the class
 * because MedusaService generates them; the database refuses them.
 */
class RevenueShareModuleService extends MedusaService({
  SplitPolicy,
  LedgerEntry,
  Statement,
  StatementLine,
  StatementPayment,
}) {
  /**
   * Writes balanced transactions atomically. A posting whose idempotency key
   * exists already is skipped, so replaying an event changes nothing.
   */
  @InjectTransactionManager()
  async postTransactions(
    transactions: LedgerTransactionInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PostResult> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows: unknown[][] = []
    for (const txn of transactions) {
      assertBalanced(txn)
      const occurredAt = txn.occurred_at ?? new Date()
      for (const p of txn.postings) {
        rows.push([
          generateEntityId(undefined, "le"),
          txn.transaction_key,
          p.idempotency_key,
          txn.kind,
          p.account,
          p.direction,
          p.amount,
          p.party_type ?? null,
          p.party_id ?? null,
          p.order_id ?? null,
          p.line_item_id ?? null,
          p.product_id ?? null,
          p.policy_id ?? null,
          p.policy_version ?? null,
          txn.source,
          p.reason ?? null,
          occurredAt,
          p.metadata ? JSON.stringify(p.metadata) : null,
        ])
      }
    }
    // One statement per chunk rather than per posting: fewer round trips, and the household totals trigger
    // (ledger_household_total) locks the chunk's households once, in id order, so two postings never deadlock.
    let inserted = 0
    for (let i = 0; i < rows.length; i += POSTINGS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + POSTINGS_PER_STATEMENT)
      const returned = await manager.execute(
        `INSERT INTO ledger_entry (id, transaction_key, idempotency_key, kind, account, direction, amount,
           currency_code, party_type, party_id, order_id, line_item_id, product_id, policy_id, policy_version,
           source, reason, occurred_at, metadata, created_at, updated_at)
         VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, 'cny', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())").join(", ")}
         ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
         RETURNING id`,
        chunk.flat()
      )
      inserted += returned.length
    }
    return { inserted, skipped: rows.length - inserted, transaction_keys: transactions.map((t) => t.transaction_key) }
  }

  /** Net amount (debit − credit) per line, account and party for an order. */
  @InjectManager()
  async lineBalances(orderId: string, @MedusaContext() sharedContext: Context = {}): Promise<LineBalance[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows = await manager.execute(
      `SELECT line_item_id, account, party_type, party_id,
              SUM(CASE direction WHEN 'debit' THEN amount ELSE -amount END)::bigint AS net
         FROM ledger_entry
        WHERE order_id = ? AND deleted_at IS NULL
        GROUP BY line_item_id, account, party_type, party_id
        ORDER BY line_item_id, account, party_type, party_id`,
      [orderId]
    )
    return rows.map((r: Record<string, unknown>) => ({
      line_item_id: r.line_item_id as string,
      account: r.account as string,
      party_type: (r.party_type as string | null) ?? null,
      party_id: (r.party_id as string | null) ?? null,
      net: toInt(r.net),
    }))
  }

  /** Σ debits and Σ credits over the whole ledger, and any transaction that does not balance. */
  @InjectManager()
  async trialBalance(@MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    const [totals] = await manager.execute(
      `SELECT COALESCE(SUM(amount) FILTER (WHERE direction = 'debit'), 0)::bigint AS debits,
              COALESCE(SUM(amount) FILTER (WHERE direction = 'credit'), 0)::bigint AS credits,
              COUNT(*)::bigint AS postings
         FROM ledger_entry WHERE deleted_at IS NULL`
    )
    const unbalanced = await manager.execute(
      `SELECT transaction_key FROM ledger_entry WHERE deleted_at IS NULL GROUP BY transaction_key
       HAVING SUM(CASE direction WHEN 'debit' THEN amount ELSE -amount END) <> 0`
    )
    return {
      debits: toInt(totals.debits),
      credits: toInt(totals.credits),
      postings: toInt(totals.postings),
      unbalanced_transactions: unbalanced.map((r) => String(r.transaction_key)),
    }
  }

  /** The policy version in force for each scope, newest version per scope. */
  @InjectManager()
  async currentPolicies(@MedusaContext() sharedContext: Context = {}): Promise<StoredPolicyRow[]> {
    const manager = sharedContext.manager as SqlEntityManager
    return manager.execute<StoredPolicyRow[]>(
      `SELECT DISTINCT ON (scope, COALESCE(scope_id, '')) *
         FROM split_policy WHERE deleted_at IS NULL
        ORDER BY scope, COALESCE(scope_id, ''), version DESC`
    )
  }

  /**
   * Writes the next version of the policy for a scope. Versions are numbered
   * per scope; a concurrent writer of the same scope loses on the unique index
   * and gets a conflict error instead of a silent overwrite.
   */
  @InjectTransactionManager()
  async createPolicyVersion(
    input: {
      name: string
      scope: SplitPolicyScope
      scope_id?: string | null
      household_bp: number
      cooperative_bp: number
      property_office_bp: number
      platform_bp: number
      created_by?: string | null
      note?: string | null
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const problems = validateShares({
      household: input.household_bp,
      cooperative: input.cooperative_bp,
      property_office: input.property_office_bp,
      platform: input.platform_bp,
    })
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
    }
    if ((input.scope === "global") !== !input.scope_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        input.scope === "global"
          ? "scope_id must be empty for the global policy"
          : "scope_id is required for this scope"
      )
    }
    const manager = sharedContext.transactionManager as SqlEntityManager
    const scopeId = input.scope_id ?? null
    const id = generateEntityId(undefined, "spol")
    try {
      const [row] = await manager.execute(
        `INSERT INTO split_policy (id, name, scope, scope_id, version, household_bp, cooperative_bp,
            property_office_bp, platform_bp, created_by, note, created_at, updated_at)
         SELECT ?, ?, ?, ?, COALESCE(MAX(version), 0) + 1, ?, ?, ?, ?, ?, ?, now(), now()
           FROM split_policy WHERE scope = ? AND scope_id IS NOT DISTINCT FROM ?
         RETURNING *`,
        [
          id,
          input.name,
          input.scope,
          scopeId,
          input.household_bp,
          input.cooperative_bp,
          input.property_office_bp,
          input.platform_bp,
          input.created_by ?? null,
          input.note ?? null,
          input.scope,
          scopeId,
        ]
      )
      return row
    } catch (error) {
      if (String((error as Error).message).includes("IDX_split_policy_scope_version_unique")) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          "another change to this policy was saved at the same time; retry"
        )
      }
      throw error
    }
  }

  /**
   * One statement per household with earned postings in [start, end) that are
   * on no statement yet. Idempotent: a household that already has a statement
   * for the period is skipped, and a posting can sit on one statement only.
   * Returns the ids of the statements it created.
   */
  @InjectTransactionManager()
  async generateStatements(
    period: { start: Date; end: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    if (period.end.getTime() > Date.now()) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "a statement can only be generated for a period that has ended"
      )
    }
    const manager = sharedContext.transactionManager as SqlEntityManager
    // One SQL statement, one snapshot: a statement's total counts exactly the lines written for it (sql.ts).
    const created = await manager.execute<Array<{ id: string }>>(
      GENERATE_STATEMENTS_SQL,
      generateStatementsBindings(period)
    )
    return created.map((r) => r.id)
  }

  /** One household's balances: accrued (sold, not yet delivered), earned (payable), paid out. */
  @InjectManager()
  async householdBalances(householdId: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    const rows = await manager.execute<Array<{ account: string; net: string | number }>>(
      `SELECT account, SUM(CASE direction WHEN 'credit' THEN amount ELSE -amount END)::bigint AS net
         FROM ledger_entry
        WHERE party_type = 'household' AND party_id = ? AND deleted_at IS NULL
        GROUP BY account`,
      [householdId]
    )
    const of = (account: string) => Number(rows.find((r) => r.account === account)?.net ?? 0)
    return { accrued_fen: of("accrued"), earned_unpaid_fen: of("earned"), paid_out_fen: of("paid_out") }
  }

  /**
   * Public impact totals per household (docs/ledger.md has the SQL that defines them): read from
   * `ledger_household_total`, which a trigger adds to in the transaction of every posting, so the page costs the
   * same at a million ledger lines as at a hundred. `householdTotalsFromLedger` computes the same from the postings.
   */
  @InjectManager()
  async householdTotals(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Array<{ household_id: string; earned_fen: string | number; paid_fen: string | number }>> {
    const manager = sharedContext.manager as SqlEntityManager
    return manager.execute<Array<{ household_id: string; earned_fen: string | number; paid_fen: string | number }>>(
      HOUSEHOLD_TOTALS_SQL
    )
  }

  /** A string that changes whenever any household's totals change: the impact route's cache key. */
  @InjectManager()
  async householdTotalsVersion(@MedusaContext() sharedContext: Context = {}): Promise<string> {
    const manager = sharedContext.manager as SqlEntityManager
    const [row] = await manager.execute<Array<Record<string, unknown>>>(HOUSEHOLD_TOTALS_VERSION_SQL)
    const at = row?.updated_at ? new Date(row.updated_at as string).toISOString() : ""
    return `${row?.households ?? 0}:${row?.earned_fen ?? 0}:${row?.paid_fen ?? 0}:${at}`
  }

  /** The same totals summed from every posting (the documented SQL); for checks, not for pages. */
  @InjectManager()
  async householdTotalsFromLedger(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Array<{ household_id: string; earned_fen: string | number; paid_fen: string | number }>> {
    const manager = sharedContext.manager as SqlEntityManager
    return manager.execute<Array<{ household_id: string; earned_fen: string | number; paid_fen: string | number }>>(
      HOUSEHOLD_TOTALS_FROM_LEDGER_SQL
    )
  }
}

function assertBalanced(txn: LedgerTransactionInput) {
  let debit = 0
  let credit = 0
  for (const p of txn.postings) {
    if (!Number.isSafeInteger(p.amount) || p.amount <= 0) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `posting ${p.idempotency_key}: amount must be a positive integer of fen, got ${p.amount}`
      )
    }
    if (p.direction === "debit") debit += p.amount
    else credit += p.amount
  }
  if (debit !== credit || txn.postings.length === 0) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `ledger transaction ${txn.transaction_key} does not balance: debit ${debit} ≠ credit ${credit}`
    )
  }
}

export default RevenueShareModuleService
