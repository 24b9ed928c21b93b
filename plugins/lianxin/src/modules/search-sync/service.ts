import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { SearchOutbox } from "./models"

export type OutboxClaim = { id: string; product_id: string; version: number; attempts: number }

export type EnqueuedRow = { id: string; product_id: string; version: number; inserted: boolean }

export type OutboxStats = {
  pending: number
  due: number
  failing: number
  oldest_at: Date | null
  max_attempts: number
}

/** Backoff after a failed attempt: 5 s, 10 s, 20 s … capped at 10 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 600_000)
}

/** The search outbox (decision 012). Raw SQL: each operation is one statement. */
class SearchSyncModuleService extends MedusaService({ SearchOutbox }) {
  /**
   * One row per product; a product already waiting gets a new version and is
   * due now, even while a drain holds the older version: that drain may have
   * read the product before this change, so the next one must not wait for its
   * lease to run out.
   */
  @InjectTransactionManager()
  async enqueue(
    productIds: string[],
    reason: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<EnqueuedRow[]> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const ids = [...new Set(productIds.filter(Boolean))].sort()
    const rows: EnqueuedRow[] = []
    for (const productId of ids) {
      const [row] = await manager.execute(
        `INSERT INTO search_outbox (id, product_id, version, reason, attempts, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, 1, ?, 0, now(), now(), now())
         ON CONFLICT (product_id) WHERE deleted_at IS NULL DO UPDATE
           SET version = search_outbox.version + 1, reason = EXCLUDED.reason, attempts = 0,
               next_attempt_at = now(), leased_until = NULL, updated_at = now()
         RETURNING id, product_id, version, (xmax = 0) AS inserted`,
        [generateEntityId(undefined, "sobx"), productId, reason.slice(0, 200)]
      )
      rows.push({ id: row.id, product_id: row.product_id, version: Number(row.version), inserted: !!row.inserted })
    }
    return rows
  }

  /** Compensation of enqueue: removes the rows that call inserted, unless a later change bumped them. */
  @InjectTransactionManager()
  async unqueue(rows: EnqueuedRow[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    for (const row of rows.filter((r) => r.inserted)) {
      await manager.execute(`DELETE FROM search_outbox WHERE id = ? AND version = ?`, [row.id, row.version])
    }
  }

  /**
   * Leases up to `limit` due rows for `leaseMs`. SKIP LOCKED plus the lease let
   * several drains run at once (servers, worker) without taking the same row.
   */
  @InjectTransactionManager()
  async claim(limit: number, leaseMs: number, @MedusaContext() sharedContext: Context = {}): Promise<OutboxClaim[]> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows = await manager.execute(
      `UPDATE search_outbox SET leased_until = now() + (? * interval '1 millisecond'), updated_at = now()
        WHERE id IN (
          SELECT id FROM search_outbox
           WHERE deleted_at IS NULL AND next_attempt_at <= now()
             AND (leased_until IS NULL OR leased_until < now())
           ORDER BY next_attempt_at, id
           LIMIT ?
           FOR UPDATE SKIP LOCKED)
        RETURNING id, product_id, version, attempts`,
      [leaseMs, limit]
    )
    return (rows as OutboxClaim[]).map((r) => ({ ...r, version: Number(r.version), attempts: Number(r.attempts) }))
  }

  /**
   * Marks what was applied (soft delete: `npm run reindex` re-applies products
   * changed while it built the new index, which went to the old one). A claim
   * whose row changed since (a newer version, or already applied by a drain
   * that applied that newer version) is made due again: this drain's write,
   * from an older read, may have reached the index after the newer one, so the
   * product is applied once more. Returns how many rows were applied; the rest
   * are due again.
   */
  @InjectTransactionManager()
  async acknowledge(claims: OutboxClaim[], @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    let removed = 0
    const stale: OutboxClaim[] = []
    for (const claim of claims) {
      const deleted = await manager.execute(
        `UPDATE search_outbox SET deleted_at = now(), leased_until = NULL, updated_at = now()
          WHERE id = ? AND version = ? AND deleted_at IS NULL RETURNING id`,
        [claim.id, claim.version]
      )
      if (deleted.length) removed++
      else stale.push(claim)
    }
    if (stale.length)
      await this.enqueue(
        stale.map((c) => c.product_id),
        "applied concurrently; applying again",
        sharedContext
      )
    return removed
  }

  /** Records a failed attempt and schedules the next one with backoff. */
  @InjectTransactionManager()
  async fail(claims: OutboxClaim[], error: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    for (const claim of claims) {
      await manager.execute(
        `UPDATE search_outbox
            SET attempts = attempts + 1, leased_until = NULL, last_error = ?, updated_at = now(),
                next_attempt_at = now() + (? * interval '1 millisecond')
          WHERE id = ?`,
        [error.slice(0, 1000), backoffMs(claim.attempts + 1), claim.id]
      )
    }
  }

  /** Makes every waiting row due now (after Meilisearch came back, or from `npm run reindex`). */
  @InjectTransactionManager()
  async retryNow(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows = await manager.execute(
      `UPDATE search_outbox SET next_attempt_at = now() WHERE deleted_at IS NULL AND next_attempt_at > now() RETURNING id`
    )
    return rows.length
  }

  /** The database's clock: outbox times are the database's, whatever the clock of the process asking. */
  @InjectManager()
  async clock(@MedusaContext() sharedContext: Context = {}): Promise<Date> {
    const manager = sharedContext.manager as SqlEntityManager
    const [row] = await manager.execute(`SELECT now() AS now`)
    return new Date(row.now)
  }

  /** Products enqueued or applied at or after `since` (by the database's clock), waiting or not. */
  @InjectManager()
  async touchedSince(since: Date, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows = await manager.execute(`SELECT DISTINCT product_id FROM search_outbox WHERE updated_at >= ?`, [since])
    return (rows as { product_id: string }[]).map((r) => r.product_id)
  }

  /** Forgets rows applied before `before`; returns how many. */
  @InjectTransactionManager()
  async purgeApplied(before: Date, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows = await manager.execute(
      `DELETE FROM search_outbox WHERE deleted_at IS NOT NULL AND deleted_at < ? RETURNING id`,
      [before]
    )
    return rows.length
  }

  @InjectManager()
  async stats(@MedusaContext() sharedContext: Context = {}): Promise<OutboxStats> {
    const manager = sharedContext.manager as SqlEntityManager
    const [row] = await manager.execute(
      `SELECT count(*)::int AS pending,
              count(*) FILTER (WHERE next_attempt_at <= now())::int AS due,
              count(*) FILTER (WHERE attempts > 0)::int AS failing,
              min(created_at) AS oldest_at,
              coalesce(max(attempts), 0)::int AS max_attempts
         FROM search_outbox WHERE deleted_at IS NULL`
    )
    return {
      pending: Number(row.pending),
      due: Number(row.due),
      failing: Number(row.failing),
      oldest_at: row.oldest_at ? new Date(row.oldest_at) : null,
      max_attempts: Number(row.max_attempts),
    }
  }
}

export default SearchSyncModuleService
