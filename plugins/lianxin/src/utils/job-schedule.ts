import cronParser from "cron-parser"
import { z } from "@medusajs/framework/zod"

/** A job picked up up to this much before its time (clocks of Redis and workers differ) still counts as that tick. */
const EARLY_MS = 5_000

/** The tick of `cron` that a run starting at `at` belongs to: the latest one at or before `at` (+ a little). */
export function tickOf(cron: string, at: Date): Date {
  return cronParser
    .parseExpression(cron, { currentDate: new Date(at.getTime() + EARLY_MS) })
    .prev()
    .toDate()
}

const cron = z.string().regex(/^(\S+\s+){4,5}\S+$/, "a cron expression of 5 or 6 fields")
const overridesSchema = z.record(
  z.string().regex(/^[a-z0-9-]+$/, "a job name"),
  cron.refine(
    (expression) => {
      try {
        cronParser.parseExpression(expression)
        return true
      } catch {
        return false
      }
    },
    { message: "not a valid cron expression" }
  )
)

/**
 * A job's schedule: its default, or the one LIANXIN_JOB_SCHEDULES (JSON: {"pickup-holds": "*\/5 * * * *"}) sets
 * for it. Operators move a job without a release; the scale-out test runs every job each minute. A malformed value
 * stops the process at start-up with the reason.
 */
export function jobSchedule(name: string, fallback: string): string {
  const raw = process.env.LIANXIN_JOB_SCHEDULES
  if (!raw) return fallback
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw new Error("LIANXIN_JOB_SCHEDULES: not JSON (expected an object of job name → cron expression)")
  }
  const parsed = overridesSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new Error(`LIANXIN_JOB_SCHEDULES: ${issue.path.join(".") || "(root)"}: ${issue.message}`)
  }
  return parsed.data[name] ?? fallback
}
