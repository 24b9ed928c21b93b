import os from "node:os"
import type { MedusaContainer } from "@medusajs/framework/types"
import { claimJobRunWorkflow, finishJobRunWorkflow } from "../workflows/job-run"
import { defaultSchedule, jobSchedule, MAX_TIMER_MS, OFF, tickOf } from "./job-schedule"

/**
 * Every scheduled job of ours is `scheduledJob(name, schedule, work)`: before its work it claims the tick
 * (job, scheduled_for) in PostgreSQL, so a tick runs exactly once however many workers are handed it, and records how
 * the run ended (modules/job-run, decision 025). The tick is the schedule's own time (12:10:00 for a job due at
 * 12:10, even if a worker picks it up at 12:10:00.3 or, behind a backlog, at 12:10:40), found from the cron
 * expression: Medusa's `scheduledFor` is when the queue entry was made, which can be the previous tick's time.
 */
type JobContext = { scheduledFor?: Date }
type Schedule = string | { interval: number; numberOfExecutions?: number }

/** The process that ran a tick, as operators read it: the cluster's part name, else host:pid. */
export const runnerName = () => process.env.LIANXIN_INSTANCE || `${os.hostname()}:${process.pid}`

export function scheduledJob(name: string, fallback: Schedule, work: (container: MedusaContainer) => Promise<void>) {
  const schedule = typeof fallback === "string" ? jobSchedule(name, defaultSchedule(name, fallback)) : fallback
  // Off: Medusa needs a schedule, so the longest timer Node has; should it fire, the run does nothing.
  const off = schedule === OFF
  async function run(container: MedusaContainer, context?: JobContext) {
    const logger = container.resolve("logger")
    if (off) {
      logger.info(`[jobs] ${name} is off (LIANXIN_JOB_SCHEDULES): skipped`)
      return
    }
    const scheduledFor =
      typeof schedule === "string" ? tickOf(schedule, new Date()) : (context?.scheduledFor ?? new Date())
    const { result: claim } = await claimJobRunWorkflow(container).run({
      input: { job: name, scheduled_for: scheduledFor, runner: runnerName() },
    })
    if (!claim.claimed) {
      logger.info(
        `[jobs] ${name} for ${scheduledFor.toISOString()} already claimed by ${claim.holder.runner} (${claim.holder.outcome}): skipped`
      )
      return
    }
    try {
      await work(container)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await finishJobRunWorkflow(container).run({ input: { id: claim.id, outcome: "failed", error: message } })
      throw error
    }
    await finishJobRunWorkflow(container).run({ input: { id: claim.id, outcome: "done" } })
  }
  return { run, config: { name, schedule: off ? { interval: MAX_TIMER_MS } : schedule } }
}
