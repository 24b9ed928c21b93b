import { Module } from "@medusajs/framework/utils"
import keepSchedulesLoader from "./loaders/keep-schedules"
import JobRunModuleService from "./service"

export const JOB_RUN_MODULE = "job_run"

export default Module(JOB_RUN_MODULE, { service: JobRunModuleService, loaders: [keepSchedulesLoader] })

export { JobRunModuleService }
export type { JobClaim } from "./service"
