import { describe, expect, it } from "vitest"
import { DEMO_CATALOG } from "./data/demo"
import { DEMO_SEARCH_RELEVANCE, RELEVANCE_THRESHOLD, formatRelevance, scoreRelevance } from "./data/search-relevance"

describe("the demo relevance set", () => {
  const handles = new Set(DEMO_CATALOG.products.map((p) => p.handle))

  it("asks at least 40 distinct queries of every kind the issue names", () => {
    const queries = DEMO_SEARCH_RELEVANCE.map((c) => c.q)
    expect(queries.length).toBeGreaterThanOrEqual(40)
    expect(queries.filter((q, i) => queries.indexOf(q) !== i)).toEqual([])
    const kinds = new Set(DEMO_SEARCH_RELEVANCE.map((c) => c.kind))
    for (const kind of ["word", "partial", "synonym", "pinyin", "initials", "traditional", "typo", "mixed"]) {
      expect(kinds.has(kind as never), kind).toBe(true)
    }
    expect(queries).toEqual(expect.arrayContaining(["富士", "蛋", "pingguo", "土鸡蛋"]))
  })

  it("expects only demo products, at most five per query, never one it also forbids", () => {
    for (const c of DEMO_SEARCH_RELEVANCE) {
      expect(c.top5.length, c.q).toBeGreaterThan(0)
      expect(c.top5.length, c.q).toBeLessThanOrEqual(5)
      expect(
        [...c.top5, ...(c.never ?? [])].filter((h) => !handles.has(h)),
        c.q
      ).toEqual([])
      expect(
        c.top5.filter((h) => c.never?.includes(h)),
        c.q
      ).toEqual([])
    }
  })

  it("holds the threshold between 0.95 and 1", () => {
    expect(RELEVANCE_THRESHOLD).toBeGreaterThanOrEqual(0.95)
    expect(RELEVANCE_THRESHOLD).toBeLessThanOrEqual(1)
  })
})

describe("scoreRelevance", () => {
  const cases = [
    { q: "苹果", kind: "word" as const, top5: ["apple"] },
    { q: "蛋", kind: "partial" as const, top5: ["egg-a", "egg-b"], never: ["honey"] },
  ]

  it("counts expected products in the first five only", () => {
    const score = scoreRelevance(cases, [["apple"], ["x1", "x2", "x3", "x4", "egg-a", "egg-b"]])
    expect(score).toMatchObject({ found: 2, expected: 3, queries: 2, perfect: 1 })
    expect(score.recallAt5).toBeCloseTo(2 / 3)
    expect(score.misses).toEqual([expect.objectContaining({ q: "蛋", missing: ["egg-b"] })])
    expect(formatRelevance(score)).toMatch(/recall@5 0\.667[\s\S]*miss {2}"蛋" \(partial\): missing egg-b/)
  })

  it("reports a forbidden product anywhere in the answer, even with full recall", () => {
    const score = scoreRelevance(cases, [["apple"], ["egg-a", "egg-b", "x", "y", "z", "honey"]])
    expect(score.recallAt5).toBe(1)
    expect(score.perfect).toBe(1)
    expect(score.violations).toEqual([expect.objectContaining({ q: "蛋", unwanted: ["honey"] })])
  })

  it("refuses answers that do not line up with the cases", () => {
    expect(() => scoreRelevance(cases, [["apple"]])).toThrow(/2 cases but 1 answers/)
  })
})
