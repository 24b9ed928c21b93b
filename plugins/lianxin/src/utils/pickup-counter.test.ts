import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  amountToCollectFen,
  declinedFen,
  harvestManifest,
  mattersToday,
  planHandoverLines,
  shanghaiDay,
  sortByUrgency,
} from "./pickup-counter"
import { shortRefundFen } from "./pickup-shortage"

const line = (id: string, quantity: number, short = 0, amount_fen = quantity * 500) => ({
  id: `plin_${id}`,
  line_item_id: `ordli_${id}`,
  quantity,
  short_quantity: short,
  amount_fen,
})

describe("planHandoverLines", () => {
  it("takes everything that arrived when no lines are given", () => {
    const plan = planHandoverLines([line("a", 3, 1), line("b", 2)])
    expect(plan.map((p) => [p.quantity, p.declined_quantity, p.damaged_quantity, p.short_quantity])).toEqual([
      [2, 0, 0, 1],
      [2, 0, 0, 0],
    ])
  })

  it("untaken units are declined by default, damaged when the reason says so; unnamed lines are declined", () => {
    const plan = planHandoverLines(
      [line("a", 3), line("b", 2), line("c", 1)],
      [
        { line_item_id: "ordli_a", quantity: 1, reason: "damaged" },
        { line_item_id: "ordli_b", quantity: 1 },
      ]
    )
    expect(plan.map((p) => [p.quantity, p.declined_quantity, p.damaged_quantity, p.short_quantity])).toEqual([
      [1, 0, 2, 2],
      [1, 1, 0, 0],
      [0, 1, 0, 0],
    ])
  })

  it("names the field for a line that is not in the order, listed twice or more than arrived", () => {
    expect(() => planHandoverLines([line("a", 1)], [{ line_item_id: "ordli_x", quantity: 1 }])).toThrow(
      /lines\.0\.line_item_id/
    )
    expect(() =>
      planHandoverLines(
        [line("a", 2)],
        [
          { line_item_id: "ordli_a", quantity: 1 },
          { line_item_id: "ordli_a", quantity: 1 },
        ]
      )
    ).toThrow(/lines\.1\.line_item_id is listed twice/)
    expect(() => planHandoverLines([line("a", 3, 2)], [{ line_item_id: "ordli_a", quantity: 2 }])).toThrow(
      /lines\.0\.quantity/
    )
  })

  it("always accounts for every unit: taken + declined + short = ordered", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ q: fc.integer({ min: 1, max: 20 }), s: fc.nat(20), t: fc.nat(20), damaged: fc.boolean() }),
          {
            minLength: 1,
            maxLength: 6,
          }
        ),
        (specs) => {
          const lines = specs.map((x, i) => line(String(i), x.q, Math.min(x.s, x.q)))
          const requested = specs.map((x, i) => ({
            line_item_id: `ordli_${i}`,
            quantity: Math.min(x.t, lines[i].quantity - lines[i].short_quantity),
            reason: x.damaged ? ("damaged" as const) : undefined,
          }))
          for (const p of planHandoverLines(lines, requested)) {
            expect(p.quantity + p.declined_quantity + p.short_quantity).toBe(p.ordered)
            expect(p.declined_quantity * p.damaged_quantity).toBe(0)
          }
        }
      )
    )
  })
})

describe("amounts at the counter", () => {
  it("declined units are valued by the same largest-remainder rule as shortages", () => {
    const lines = [line("a", 3, 0, 1000)]
    const plan = planHandoverLines(lines, [{ line_item_id: "ordli_a", quantity: 1 }])
    expect(declinedFen(lines, plan)).toBe(shortRefundFen(1000, 3, 2))
    // With a shortage first, the declined units are what lies between short and short + declined.
    const shortLines = [line("b", 3, 1, 1000)]
    const shortPlan = planHandoverLines(shortLines, [{ line_item_id: "ordli_b", quantity: 1 }])
    expect(declinedFen(shortLines, shortPlan)).toBe(shortRefundFen(1000, 3, 2) - shortRefundFen(1000, 3, 1))
  })

  it("collects the total less reductions, refunds, payments and declined units, never below 0", () => {
    expect(
      amountToCollectFen({
        order_total_fen: 5000,
        collect_reduction_fen: 500,
        refunded_fen: 0,
        paid_fen: 0,
        declined_fen: 1000,
      })
    ).toBe(3500)
    expect(
      amountToCollectFen({
        order_total_fen: 5000,
        collect_reduction_fen: 0,
        refunded_fen: 500,
        paid_fen: 4500,
        declined_fen: 1000,
      })
    ).toBe(0)
  })
})

describe("harvest manifest", () => {
  const row = (variant_id: string, quantity: number) => ({
    producer: "household:hh_1",
    household_ids: "hh_1",
    cooperative_id: "",
    product_id: "prod_1",
    variant_id,
    title: variant_id,
    quantity,
  })
  it("before the freeze: the live list; after: the frozen rows unchanged, then late additions", () => {
    expect(harvestManifest(null, [row("v1", 2)], []).map((r) => r.section)).toEqual(["live"])
    const snapshot = { frozen_at: "2026-11-29T12:00:00.000Z", assignment_ids: ["pasg_1"], rows: [row("v1", 2)] }
    expect(harvestManifest(snapshot, [row("v1", 5)], [row("v1", 3)]).map((r) => [r.section, r.quantity])).toEqual([
      ["frozen", 2],
      ["late", 3],
    ])
  })
})

describe("today at the counter (Asia/Shanghai)", () => {
  it("a Shanghai day starts at 16:00 UTC the day before", () => {
    const { start, end } = shanghaiDay(new Date("2026-11-29T17:30:00Z"))
    expect(start.toISOString()).toBe("2026-11-29T16:00:00.000Z")
    expect(end.toISOString()).toBe("2026-11-30T16:00:00.000Z")
    expect(shanghaiDay(new Date("2026-11-29T15:59:59Z")).start.toISOString()).toBe("2026-11-28T16:00:00.000Z")
  })

  const now = new Date("2026-11-29T02:00:00Z") // 10:00 in Shanghai
  const at = (h: number) => new Date(now.getTime() + h * 3600_000)
  it("keeps today's window, upcoming unarrived batches within 48 h, and ready batches still holding orders", () => {
    expect(
      mattersToday({ status: "ready", pickup_starts_at: at(6), pickup_ends_at: at(10), ready_count: 0 }, now)
    ).toBe(true)
    expect(
      mattersToday({ status: "open", pickup_starts_at: at(40), pickup_ends_at: at(44), ready_count: 0 }, now)
    ).toBe(true)
    expect(
      mattersToday({ status: "open", pickup_starts_at: at(50), pickup_ends_at: at(54), ready_count: 0 }, now)
    ).toBe(false)
    expect(
      mattersToday({ status: "ready", pickup_starts_at: at(-72), pickup_ends_at: at(-68), ready_count: 2 }, now)
    ).toBe(true)
    expect(
      mattersToday({ status: "ready", pickup_starts_at: at(-72), pickup_ends_at: at(-68), ready_count: 0 }, now)
    ).toBe(false)
  })

  it("orders the pickup window open now first, then batches to receive, then the rest", () => {
    const batches = [
      { name: "old ready", status: "ready", pickup_starts_at: at(-30), pickup_ends_at: at(-26), ready_count: 1 },
      { name: "tomorrow", status: "open", pickup_starts_at: at(30), pickup_ends_at: at(34), ready_count: 0 },
      {
        name: "arriving today",
        status: "harvest_frozen",
        pickup_starts_at: at(6),
        pickup_ends_at: at(10),
        ready_count: 0,
      },
      { name: "open now", status: "ready", pickup_starts_at: at(-1), pickup_ends_at: at(3), ready_count: 4 },
    ]
    expect(sortByUrgency(batches, now).map((b) => b.name)).toEqual([
      "open now",
      "arriving today",
      "tomorrow",
      "old ready",
    ])
  })
})
