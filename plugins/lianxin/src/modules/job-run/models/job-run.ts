import { model } from "@medusajs/framework/utils"

/**
 * One run of a scheduled job for one tick of its schedule. The (job, scheduled_for) pair is unique: the first
 * process to claim a tick runs it, any other process that is handed the same tick (a second worker, a redelivered
 * queue job after a crash or a Redis failover) finds the claim and skips. Also the operators' record of when each
 * job last ran, where, how long and with what outcome.
 */
const JobRun = model
  .define("job_run", {
    id: model.id({ prefix: "jobrun" }).primaryKey(),
    job: model.text(),
    scheduled_for: model.dateTime(),
    /** Which process ran it: LIANXIN_INSTANCE (the cluster's part name) or host:pid. */
    runner: model.text(),
    started_at: model.dateTime(),
    finished_at: model.dateTime().nullable(),
    outcome: model.enum(["running", "done", "failed"]).default("running"),
    error: model.text().nullable(),
  })
  .indexes([{ on: ["job", "scheduled_for"], unique: true }, { on: ["started_at"] }])

export default JobRun
