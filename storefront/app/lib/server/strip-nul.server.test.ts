import { createElement } from "react"
import { renderToPipeableStream } from "react-dom/server"
import { PassThrough, type Writable } from "node:stream"
import { describe, expect, it } from "vitest"
import { createNulStripper } from "./strip-nul.server"

function render(pad: number, through: (out: Writable) => Writable): Promise<Buffer> {
  return new Promise((resolve) => {
    const element = createElement(
      "div",
      null,
      createElement("p", null, "x".repeat(pad % 3) + "汉".repeat(Math.floor(pad / 3))),
      createElement("nav", { "aria-label": "工作台导航" }, "内容")
    )
    const { pipe } = renderToPipeableStream(element, {
      onAllReady() {
        const sink = new PassThrough()
        const chunks: Buffer[] = []
        sink.on("data", (c: Buffer) => chunks.push(Buffer.from(c)))
        sink.on("end", () => resolve(Buffer.concat(chunks)))
        pipe(through(sink))
      },
    })
  })
}

describe("createNulStripper (React 18 streaming NUL bytes)", () => {
  it("React 18's stream carries NUL bytes where Chinese text meets a 2048-byte boundary; stripped, the text is whole", async () => {
    let corrupted = 0
    for (let pad = 1990; pad < 2050; pad++) {
      const raw = await render(pad, (sink) => sink)
      if (raw.includes(0)) corrupted++
      const fixed = await render(pad, (sink) => {
        const stripper = createNulStripper()
        stripper.pipe(sink)
        return stripper
      })
      expect(fixed.includes(0), `pad ${pad}`).toBe(false)
      expect(fixed.toString("utf8")).toContain('aria-label="工作台导航"')
      expect(fixed.toString("utf8")).toContain("汉".repeat(Math.floor(pad / 3)))
    }
    // If React ever stops producing them, this test says so (and the stripper can go).
    expect(corrupted).toBeGreaterThan(0)
  })
})
