import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { afterFailure, lockedUntil } from "./pickup-lockout"

const policy = { failures: 5, minutes: 15 }
const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 2, 0) + minute * 60_000)

describe("pickup lockout rules", () => {
  it("locks on the fifth failure within the window, for fifteen minutes, and starts counting again", () => {
    let row = { failures: 0, window_started_at: at(0) as Date | string }
    for (let i = 1; i <= 4; i++) {
      const next = afterFailure(row, at(i), policy)
      expect(next).toEqual({ failures: i, window_started_at: at(0), locked_until: null })
      row = next
    }
    expect(afterFailure(row, at(5), policy)).toEqual({ failures: 0, window_started_at: at(5), locked_until: at(20) })
  })

  it("forgets failures older than the window", () => {
    expect(afterFailure({ failures: 4, window_started_at: at(0) }, at(15), policy)).toEqual({
      failures: 1,
      window_started_at: at(15),
      locked_until: null,
    })
  })

  it("reads the latest lock still in force, ignoring expired ones", () => {
    expect(lockedUntil([{ locked_until: at(10) }, { locked_until: null }], at(10))).toBeNull()
    expect(lockedUntil([{ locked_until: at(20) }, { locked_until: at(30).toISOString() }], at(10))).toEqual(at(30))
  })

  it("never locks before the limit and always locks at it, whatever the spacing within the window", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }), (gaps) => {
        let row: { failures: number; window_started_at: Date } = { failures: 0, window_started_at: at(0) }
        let minute = 0
        const locks: Array<Date | null> = []
        for (const gap of gaps) {
          minute += gap
          const next = afterFailure(row, at(minute), policy)
          locks.push(next.locked_until)
          row = next
        }
        return locks.slice(0, 4).every((l) => l === null) && locks[4]?.getTime() === at(minute + 15).getTime()
      })
    )
  })
})
