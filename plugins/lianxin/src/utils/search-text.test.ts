import { describe, expect, it } from "vitest"
import {
  SYNONYM_GROUPS,
  normalizeQuery,
  pinyinTerms,
  priceBand,
  queryPinyin,
  shortPlaceName,
  synonymMap,
  titleGrams,
} from "./search-text"

describe("normalizeQuery", () => {
  it("simplifies traditional characters, half-widths, lower-cases and trims", () => {
    expect(normalizeQuery("  蘋果　ＰＩＮＧ  雞蛋 ")).toBe("苹果 ping 鸡蛋")
    expect(normalizeQuery("綠茶")).toBe("绿茶")
  })
  it("caps the length and leaves nothing for blanks", () => {
    expect(Array.from(normalizeQuery("蛋".repeat(500)))).toHaveLength(100)
    expect(normalizeQuery(" \u3000 ")).toBe("")
  })
})

describe("pinyinTerms", () => {
  const terms = pinyinTerms("塬上红富士苹果").split(" ")
  it("holds the whole title, every 2–4 character window, in full and as initials", () => {
    for (const t of ["yuanshanghongfushipingguo", "pingguo", "hongfushi", "fushi", "pg", "hfs", "yshfspg"]) {
      expect(terms).toContain(t)
    }
  })
  it("does not join across non-Chinese text nor invent syllables", () => {
    const mixed = pinyinTerms("椴木香菇（干）").split(" ")
    expect(mixed).toContain("xianggu")
    expect(mixed).toContain("gan")
    expect(mixed.some((t) => t.includes("gugan"))).toBe(false)
    expect(pinyinTerms("500g")).toBe("")
  })
  it("gives the query's pinyin for the homophone retry", () => {
    expect(queryPinyin("平果")).toBe("pingguo")
    expect(queryPinyin("土鸡 蛋")).toBe("tuji dan")
  })

  it("keeps the words that are not Chinese, so the retry cannot drop them", () => {
    expect(queryPinyin("苹果 xyzqw")).toBe("pingguo xyzqw")
    expect(queryPinyin("苹果5斤")).toBe("pingguo 5 jin")
    expect(queryPinyin("xyzqw")).toBe("xyzqw")
  })
})

describe("titleGrams", () => {
  it("holds single characters and bigrams of the title only", () => {
    const grams = titleGrams("坡地土鸡蛋").split(" ")
    expect(grams).toEqual(expect.arrayContaining(["蛋", "鸡蛋", "土鸡", "坡地"]))
    expect(grams).not.toContain("土鸡蛋")
    expect(titleGrams("洋槐蜜").split(" ")).not.toContain("蜂蜜")
  })
})

describe("synonymMap", () => {
  it("declares every group in both directions", () => {
    const map = synonymMap()
    for (const group of SYNONYM_GROUPS) {
      for (const a of group) for (const b of group) if (a !== b) expect(map[a]).toContain(b)
    }
    expect(map.土豆).toContain("马铃薯")
    expect(map.马铃薯).toContain("土豆")
    expect(map.西红柿).toContain("番茄")
    expect(map.猕猴桃).toContain("奇异果")
  })
  it("never makes a term its own synonym", () => {
    for (const [term, others] of Object.entries(synonymMap())) expect(others).not.toContain(term)
  })
})

describe("priceBand", () => {
  it("puts each fen amount in exactly one band, edges included", () => {
    expect(priceBand(0)).toBe("0-20")
    expect(priceBand(1999)).toBe("0-20")
    expect(priceBand(2000)).toBe("20-50")
    expect(priceBand(4999)).toBe("20-50")
    expect(priceBand(5000)).toBe("50-100")
    expect(priceBand(10000)).toBe("100+")
    expect(priceBand(12800)).toBe("100+")
  })
})

describe("shortPlaceName", () => {
  it("drops administrative suffixes and the peoples of autonomous areas", () => {
    expect(shortPlaceName("洛川县")).toBe("洛川")
    expect(shortPlaceName("陕西省")).toBe("陕西")
    expect(shortPlaceName("广西壮族自治区")).toBe("广西")
    expect(shortPlaceName("双江拉祜族佤族布朗族傣族自治县")).toBe("双江")
    expect(shortPlaceName("黔东南苗族侗族自治州")).toBe("黔东南")
    expect(shortPlaceName("勐库镇")).toBe("勐库")
  })
  it("keeps villages whole and never leaves a single character", () => {
    expect(shortPlaceName("南岗村")).toBeUndefined()
    expect(shortPlaceName("沙县")).toBeUndefined()
    expect(shortPlaceName("北京")).toBeUndefined()
  })
})
