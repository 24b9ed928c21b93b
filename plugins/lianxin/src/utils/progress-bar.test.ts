import { describe, expect, it } from "vitest"
import { ProgressPrinter, formatDuration, formatProgress } from "./progress-bar"

describe("formatProgress", () => {
  it("shows the bar, count of total, batches, rate and ETA", () => {
    const line = formatProgress({ label: "products", done: 15_000, total: 50_000, batches: 60, elapsedMs: 6_000 })
    expect(line).toBe("products ██████░░░░░░░░░░░░░░ 15,000/50,000  30% · 60 batches · 2,500/s · ETA 0:14")
  })
  it("says how long it took once done, and ? before any rate", () => {
    expect(formatProgress({ label: "p", done: 24, total: 24, batches: 1, elapsedMs: 61_000 })).toMatch(
      /24\/24 100% · 1 batch · 0\/s · took 1:01$/
    )
    expect(formatProgress({ label: "p", done: 0, total: 10, batches: 0, elapsedMs: 0 })).toMatch(/ETA \?$/)
  })
  it("never overflows when more arrive than the total announced", () => {
    expect(formatProgress({ label: "p", done: 12, total: 10, batches: 2, elapsedMs: 1000 }, 10)).toContain(
      "██████████ 12/12 100%"
    )
  })
  it("formats durations with hours only when needed", () => {
    expect(formatDuration(75)).toBe("1:15")
    expect(formatDuration(3725)).toBe("1:02:05")
  })
})

describe("ProgressPrinter", () => {
  const sink = (isTTY: boolean) => {
    const out: string[] = []
    return { out, stream: { isTTY, write: (t: string) => out.push(t) } }
  }

  it("redraws one line on a terminal, at most every 100 ms, and always the last update", () => {
    let now = 0
    const { out, stream } = sink(true)
    const printer = new ProgressPrinter(stream, "p", () => now)
    printer.update(1, 100, 1)
    now = 50
    printer.update(2, 100, 2)
    now = 120
    printer.update(3, 100, 3)
    printer.update(100, 100, 4)
    printer.finish()
    expect(out).toHaveLength(4)
    expect(out.slice(0, 3).every((l) => l.startsWith("\r\x1b[2K"))).toBe(true)
    expect(out[2]).toContain("100/100")
    expect(out[3]).toBe("\n")
  })

  it("writes whole lines elsewhere: each 10 % step, or after 10 s without one", () => {
    let now = 0
    const { out, stream } = sink(false)
    const printer = new ProgressPrinter(stream, "p", () => now)
    for (let done = 1; done <= 100; done++) {
      now += 10
      printer.update(done, 100, done)
    }
    expect(out.map((l) => l.match(/ (\d+)\/100/)?.[1])).toEqual([
      "1",
      "10",
      "20",
      "30",
      "40",
      "50",
      "60",
      "70",
      "80",
      "90",
      "100",
    ])
    expect(out.every((l) => l.endsWith("\n") && !l.includes("\r"))).toBe(true)
    now += 11_000
    printer.update(100, 100, 100)
    expect(out).toHaveLength(12)
  })
})
