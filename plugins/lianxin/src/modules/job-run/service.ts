import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService, generateEntityId } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import JobRun from "./models/job-run"

/** A tick claimed by this process, or the run that already holds it. */
export type JobClaim =
  | { claimed: true; id: string }
  | { claimed: false; holder: { id: string; runner: string; outcome: string; started_at: Date } }

/**
 * Claims on the ticks of scheduled jobs (one row per job and tick). The claim is one INSERT … ON CONFLICT DO
 * NOTHING on the unique (job, scheduled_for) index, so whichever process gets there first runs the tick, on any
 * number of workers, with or without Redis.
 */
export default class JobRunModuleService extends MedusaService({ JobRun }) {
  @InjectTransactionManager()
  async claim(
    job: string,
    scheduledFor: Date,
    runner: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<JobClaim> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const inserted = await manager.execute(
      `INSERT INTO job_run (id, job, scheduled_for, runner, started_at, outcome, created_at, updated_at)
       VALUES (?, ?, ?, ?, now(), 'running', now(), now())
       ON CONFLICT (job, scheduled_for) DO NOTHING
       RETURNING id`,
      [generateEntityId(undefined, "jobrun"), job, scheduledFor, runner]
    )
    if (inserted.length) return { claimed: true, id: inserted[0].id as string }
    const [holder] = await manager.execute(
      `SELECT id, runner, outcome, started_at FROM job_run WHERE job = ? AND scheduled_for = ?`,
      [job, scheduledFor]
    )
    return {
      claimed: false,
      holder: {
        id: String(holder.id),
        runner: String(holder.runner),
        outcome: String(holder.outcome),
        started_at: new Date(holder.started_at),
      },
    }
  }

  /** Takes a claim back (the compensation of a claim whose workflow failed after it). */
  @InjectTransactionManager()
  async release(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(`DELETE FROM job_run WHERE id = ? AND outcome = 'running'`, [id])
  }

  /** Records how a claimed run ended (`running` again: the compensation of a finish). */
  @InjectTransactionManager()
  async finish(
    id: string,
    outcome: "done" | "failed" | "running",
    error: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(
      `UPDATE job_run SET outcome = ?, error = ?, finished_at = CASE WHEN ? = 'running' THEN NULL ELSE now() END,
         updated_at = now() WHERE id = ?`,
      [outcome, error, outcome, id]
    )
  }

  /** Deletes the record of runs that started before `before` (kept 14 days by the job-run-purge job). */
  @InjectTransactionManager()
  async purgeBefore(before: Date, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows = await manager.execute(`DELETE FROM job_run WHERE started_at < ? RETURNING id`, [before])
    return rows.length
  }
}
