/**
 * The job-run module on its own against real PostgreSQL: a tick of a scheduled job is claimed by exactly one of
 * many concurrent callers (as several workers handed the same tick would call), and the record of a run keeps its
 * outcome. Each concurrent claim runs in a transaction of its own on the module's pool.
 */
import { createRequire } from "node:module"
import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { RUN_ID_ENV } from "../support/databases"

const nodeRequire = createRequire(import.meta.url)
const moduleDir = path.dirname(nodeRequire.resolve("@lianxin/plugin/modules/job-run"))

type Service = Record<string, any>

const TICK = new Date("2026-12-05T12:00:00.000Z")

moduleIntegrationTestRunner<Service>({
  moduleName: "job_run",
  resolve: moduleDir,
  pathToMigrations: path.join(moduleDir, "migrations"),
  dbName: `lianxin_it_${process.env[RUN_ID_ENV] ?? `local_${process.pid}`}_job_run_module`,
  testSuite: ({ service }) => {
    it("twelve workers claiming the same tick at once: exactly one runs it, the others are told who holds it", async () => {
      const claims = await Promise.all(
        Array.from({ length: 12 }, (_, k) => service.claim("pickup-holds", TICK, `worker-${k + 1}`))
      )
      const winners = claims.filter((c: any) => c.claimed)
      expect(winners).toHaveLength(1)
      const [row] = await service.listJobRuns({ job: "pickup-holds" })
      expect(row.id).toBe(winners[0].id)
      for (const loser of claims.filter((c: any) => !c.claimed)) {
        expect(loser.holder).toMatchObject({ id: row.id, runner: row.runner, outcome: "running" })
      }
      // The next tick and another job's same tick are claims of their own.
      expect((await service.claim("pickup-holds", new Date(TICK.getTime() + 60_000), "worker-2")).claimed).toBe(true)
      expect((await service.claim("notify-deliver", TICK, "worker-2")).claimed).toBe(true)
    })

    it("a finished run keeps its outcome and is never claimed again; release takes back only a running claim", async () => {
      const first = await service.claim("payments-reconcile", TICK, "worker-1")
      await service.finish(first.id, "failed", "Stripe timed out")
      const again = await service.claim("payments-reconcile", TICK, "worker-2")
      expect(again).toMatchObject({ claimed: false, holder: { runner: "worker-1", outcome: "failed" } })
      await service.release(first.id)
      const [kept] = await service.listJobRuns({ id: first.id })
      expect(kept).toMatchObject({ outcome: "failed", error: "Stripe timed out" })
      expect(kept.finished_at).toBeInstanceOf(Date)

      const second = await service.claim("payments-reconcile", new Date(TICK.getTime() + 600_000), "worker-1")
      await service.release(second.id)
      expect(await service.listJobRuns({ id: second.id })).toEqual([])
    })

    it("purge removes only runs that started before the cut-off", async () => {
      const old = await service.claim("throttle-purge", new Date("2026-11-01T00:17:00Z"), "worker-1")
      await service.finish(old.id, "done", null)
      const recent = await service.claim("throttle-purge", TICK, "worker-1")
      // started_at is the database's now(); cut off one second into the future: both started before it.
      expect(await service.purgeBefore(new Date(Date.now() - 3_600_000))).toBe(0)
      expect(await service.purgeBefore(new Date(Date.now() + 1_000))).toBeGreaterThanOrEqual(2)
      expect(await service.listJobRuns({ id: [old.id, recent.id] })).toEqual([])
    })
  },
})
