import type { LoaderOptions } from "@medusajs/framework/types"
import { WorkflowManager, WorkflowScheduler } from "@medusajs/framework/orchestration"

const EVERY_MS = 60_000

type RepeatableQueue = { getRepeatableJobs: () => Promise<Array<{ key: string }>> }
type SchedulerStorage = { jobQueue?: RepeatableQueue }

/**
 * Medusa registers the schedules of jobs in Redis once, when a worker starts (BullMQ repeatable jobs). A Redis
 * that comes back empty (a restart without persistence, a failover to an empty replica, a FLUSHALL) leaves every
 * scheduled job silent until a worker restarts. On a worker with Redis, this checks each minute that every job
 * schedule is still there and registers the missing ones again, the way Medusa did at start-up (a schedule with
 * the same key replaces itself, so registering twice never doubles a tick). Keeps no state: Redis is asked.
 */
export default async function keepSchedulesLoader({ container }: LoaderOptions) {
  const mode = process.env.MEDUSA_WORKER_MODE ?? "shared"
  if (!process.env.REDIS_URL || mode === "server") return
  const logger = container.resolve("logger")
  const timer = setInterval(() => {
    restoreMissingSchedules().then(
      (restored) => {
        if (restored.length)
          logger.warn(
            `[jobs] ${restored.length} job schedules were missing from Redis (emptied or replaced?): registered again: ${restored.join(", ")}`
          )
      },
      (error) => logger.warn(`[jobs] could not check the job schedules in Redis: ${error?.message ?? error}`)
    )
  }, EVERY_MS)
  timer.unref()
}

/** Registers every scheduled workflow whose repeatable job is missing; returns their ids. */
export async function restoreMissingSchedules(): Promise<string[]> {
  const storage = (WorkflowScheduler as unknown as { storage?: SchedulerStorage }).storage
  const queue = storage?.jobQueue
  if (!queue) return []
  const present = new Set((await queue.getRepeatableJobs()).map((job) => job.key))
  const scheduler = (WorkflowManager as { scheduler: { scheduleWorkflow: (wf: unknown) => Promise<void> } }).scheduler
  const restored: string[] = []
  for (const [id, workflow] of WorkflowManager.getWorkflows() as Map<string, { options?: { schedule?: unknown } }>) {
    if (!workflow.options?.schedule || present.has(`schedule_${id}`)) continue
    // A job that was to run a fixed number of times (the start-up ones) is not brought back.
    const schedule = workflow.options.schedule as { numberOfExecutions?: number }
    if (typeof schedule === "object" && schedule.numberOfExecutions) continue
    await scheduler.scheduleWorkflow(workflow)
    restored.push(id)
  }
  return restored
}
