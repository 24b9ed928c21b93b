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

/** Node's longest timer (about 24.8 days): a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1
const DAY_MS = 24 * 3600_000

/**
 * The most days from one day with a tick to the next over the coming four years, counting from today. Read
 * from the expression's fields, not by stepping through its ticks (cron-parser takes about a millisecond per tick).
 * Medusa's in-memory scheduler (no REDIS_URL) sets one timer to the next tick; a wait beyond Node's longest timer fires
 * at once, and it then keeps firing, a year further each time, without stop (measured: a yearly schedule ran its job
 * about 20 times a second in a test, 2026-12-06).
 */
export function longestDayGap(expression: string, from = new Date()): number {
  const { dayOfMonth, month, dayOfWeek } = cronParser.parseExpression(expression).fields
  const numbers = (list: readonly unknown[]) => new Set(list.filter((v): v is number => typeof v === "number"))
  const months = numbers(month)
  const doms = numbers(dayOfMonth)
  const dows = new Set([...numbers(dayOfWeek)].map((d) => d % 7))
  const anyDom = doms.size === 31
  const anyDow = dows.size === 7
  // Cron's rule: a day field left as "*" defers to the other; with both restricted, a day matching either runs.
  const runs = (d: Date) =>
    months.has(d.getMonth() + 1) &&
    (anyDom ? dows.has(d.getDay()) : anyDow ? doms.has(d.getDate()) : doms.has(d.getDate()) || dows.has(d.getDay()))
  // Measured from today (the first wait) to the horizon (a schedule that stops running counts as a long gap).
  const horizon = 4 * 366
  const start = new Date(from.getFullYear(), from.getMonth(), from.getDate())
  let last = 0
  let longest = 0
  for (let day = 1; day <= horizon; day++) {
    const d = new Date(start.getFullYear(), start.getMonth(), start.getDate() + day)
    if (!runs(d)) continue
    longest = Math.max(longest, day - last)
    last = day
  }
  return Math.max(longest, horizon - last)
}

/** Why a cron expression cannot be a job's schedule, or null when it can. */
export function scheduleProblem(expression: string): string | null {
  let gap: number
  try {
    gap = longestDayGap(expression) // parses it: throws on an invalid expression
  } catch {
    return "not a valid cron expression"
  }
  // Two ticks n days apart are less than n + 1 days apart.
  if ((gap + 1) * DAY_MS > MAX_TIMER_MS)
    return 'days with a tick more than 23 days apart: Medusa\'s in-memory scheduler cannot wait that long (use "off")'
  return null
}

/** LIANXIN_JOB_SCHEDULES's value that turns a job off (tests that drive a job's work themselves). */
export const OFF = "off"

const CRON_SHAPE = /^(\S+\s+){4,5}\S+$/
const overridesSchema = z.record(
  z.string().regex(/^[a-z0-9-]+$/, "a job name"),
  z.string().superRefine((value, ctx) => {
    if (value === OFF) return
    const problem = CRON_SHAPE.test(value) ? scheduleProblem(value) : 'a cron expression of 5 or 6 fields, or "off"'
    if (problem) ctx.addIssue({ code: "custom", message: problem })
  })
)

/**
 * A job's schedule: its default, or the one LIANXIN_JOB_SCHEDULES (JSON: {"pickup-holds": "*\/5 * * * *"}) sets
 * for it, or "off". Operators move a job without a release; the scale-out test runs every job each minute. A malformed
 * value stops the process at start-up with the reason.
 */
export function jobSchedule(name: string, fallback: string): string {
  const raw = process.env.LIANXIN_JOB_SCHEDULES
  if (!raw) return fallback
  return overrides(raw)[name] ?? fallback
}

let checked: { raw: string; schedules: Record<string, string> } | undefined
/** The overrides, checked once per value (every job file asks). */
function overrides(raw: string): Record<string, string> {
  if (checked?.raw === raw) return checked.schedules
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
  checked = { raw, schedules: parsed.data }
  return parsed.data
}

/** A job's own schedule, checked where it is written: a job file with one Medusa cannot keep fails at start-up. */
export function defaultSchedule(name: string, expression: string): string {
  const problem = scheduleProblem(expression)
  if (problem) throw new Error(`job ${name}: schedule ${expression}: ${problem}`)
  return expression
}
