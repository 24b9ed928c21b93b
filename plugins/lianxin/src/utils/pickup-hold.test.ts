import { describe, expect, it } from "vitest"
import { holdExpiresAt, holdState, orderPerishability, reminderDueAt } from "./pickup-hold"

const policy = { hold_hours_chilled: 24, hold_hours_ambient: 72, reminder_hours_before: 4 }
const ready = new Date("2026-03-02T08:00:00Z")

describe("hold expiry", () => {
  it("chilled holds 24 h, ambient 72 h", () => {
    expect(holdExpiresAt(ready, "chilled", policy).toISOString()).toBe("2026-03-03T08:00:00.000Z")
    expect(holdExpiresAt(ready, "ambient", policy).toISOString()).toBe("2026-03-05T08:00:00.000Z")
  })

  it("reminds 4 h before, never before ready", () => {
    const expires = holdExpiresAt(ready, "chilled", policy)
    expect(reminderDueAt(ready, expires, policy).toISOString()).toBe("2026-03-03T04:00:00.000Z")
    expect(reminderDueAt(ready, new Date(ready.getTime() + 3600_000), policy)).toEqual(ready)
  })

  it("holding → remind → expired as the clock moves; a sent reminder is not due again", () => {
    const a = { ready_at: ready, hold_expires_at: holdExpiresAt(ready, "chilled", policy) }
    expect(holdState(a, policy, new Date("2026-03-03T03:59:59Z"))).toBe("holding")
    expect(holdState(a, policy, new Date("2026-03-03T04:00:00Z"))).toBe("remind")
    expect(holdState({ ...a, reminder_sent_at: new Date() }, policy, new Date("2026-03-03T05:00:00Z"))).toBe("holding")
    expect(holdState(a, policy, new Date("2026-03-03T08:00:00Z"))).toBe("expired")
  })

  it("an order with any chilled product is chilled", () => {
    expect(orderPerishability([{ metadata: null }, { metadata: { perishability: "chilled" } }])).toBe("chilled")
    expect(orderPerishability([{ metadata: {} }, null])).toBe("ambient")
  })
})
