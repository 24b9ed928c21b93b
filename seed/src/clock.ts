import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * Seed time. A seed runs "at" an instant (`now`, the real time unless a test
 * pins it); past orders are placed at instants before it, through the
 * plugin's clock seam (a container scope whose clock says that instant), so
 * the checkout rules see the time the order was placed at.
 */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** YYYY-MM-DD in Asia/Shanghai (UTC+8 all year). */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** The instant of HH:mm Asia/Shanghai on the day `days` after the Shanghai day of `at`. */
export function shanghaiAt(at: Date, days: number, hhmm: string): Date {
  const [h, m] = hhmm.split(":").map(Number)
  const midnightUtc = Date.parse(`${shanghaiDay(at)}T00:00:00Z`) - SHANGHAI_OFFSET_MS
  return new Date(midnightUtc + days * DAY_MS + (h * 60 + m) * 60_000)
}

/** The plugin's clock seam (utils/clock): a scope of the container whose "now" is `at`. */
export function containerAt(container: MedusaContainer, at: Date): MedusaContainer {
  const { withClock } = require("@lianxin/plugin/utils/clock") as {
    withClock: (container: MedusaContainer, at: Date) => MedusaContainer
  }
  return withClock(container, at)
}
