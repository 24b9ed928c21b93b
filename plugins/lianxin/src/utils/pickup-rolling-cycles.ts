import { dailyCycle, shanghaiYmd, type CycleTimes, type DailyRule } from "./pickup-cycle"

const DAY_MS = 24 * 60 * 60 * 1000

/** The default daily rhythm: producers by 20:00, residents by 22:00, collect the next day 16:00–20:00. */
export const DEFAULT_DAILY_RULE: DailyRule = {
  producer_cutoff: "20:00",
  resident_cutoff: "22:00",
  pickup_start: "16:00",
  pickup_end: "20:00",
}

export type PlannedCycle = CycleTimes & { key: string; name: string; rhythm: "daily" }

/**
 * The daily cycles residents should be able to order into from `now`: one per
 * order day for `days` days, skipping any whose resident cutoff has passed.
 * Each carries a stable key (`daily:YYYY-MM-DD`) so planning twice is harmless.
 */
export function plannedDailyCycles(now: Date, days: number, rule: DailyRule = DEFAULT_DAILY_RULE): PlannedCycle[] {
  if (!Number.isInteger(days) || days < 1 || days > 31) {
    throw new RangeError("days must be an integer from 1 to 31")
  }
  const planned: PlannedCycle[] = []
  for (let i = 0; i <= days; i++) {
    const orderDay = shanghaiYmd(new Date(now.getTime() + i * DAY_MS))
    const times = dailyCycle(orderDay, rule)
    if (times.resident_cutoff_at.getTime() <= now.getTime()) continue
    const [, m, d] = orderDay.split("-")
    planned.push({ ...times, key: `daily:${orderDay}`, name: `每日订单 ${Number(m)}月${Number(d)}日`, rhythm: "daily" })
    if (planned.length === days) break
  }
  return planned
}
