import { describe, expect, it } from "vitest"
import { segmentsFromMarked, segmentsFromTerms } from "./search"

const hits = (segments: { text: string; hit: boolean }[]) => segments.filter((s) => s.hit).map((s) => s.text)
const spelled = (segments: { text: string }[]) => segments.map((s) => s.text).join("")

describe("title segments", () => {
  it("turns the engine's marks into pieces that spell the title", () => {
    const segments = segmentsFromMarked("塬上红富士\u0002苹果\u0003")
    expect(spelled(segments)).toBe("塬上红富士苹果")
    expect(hits(segments)).toEqual(["苹果"])
  })

  it("marks a word found inside a longer one, which the engine leaves unmarked", () => {
    const segments = segmentsFromTerms("坡地土鸡蛋", ["蛋"])
    expect(spelled(segments)).toBe("坡地土鸡蛋")
    expect(hits(segments)).toEqual(["蛋"])
  })

  it("prefers the longest term and matches Latin letters regardless of case", () => {
    expect(hits(segmentsFromTerms("土鸡蛋 30枚", ["鸡", "鸡蛋"]))).toEqual(["鸡蛋"])
    expect(hits(segmentsFromTerms("Honey 土蜂蜜", ["honey"]))).toEqual(["Honey"])
  })

  it("treats the query's special characters as text", () => {
    expect(hits(segmentsFromTerms("a.b (c)", [".", "(c)"]))).toEqual([".", "(c)"])
    expect(segmentsFromTerms("苹果", [])).toEqual([{ text: "苹果", hit: false }])
  })
})
