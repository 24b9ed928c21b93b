import { pinyin } from "pinyin-pro"

/**
 * Text helpers of product search (decision 012). Meilisearch segments Chinese
 * with jieba, which leaves gaps our residents hit every day: no infix matches
 * (富士 inside 红富士, 蛋 inside 鸡蛋), no pinyin, no traditional characters and
 * no typo tolerance on 2–4 character words. These fill them, deterministically
 * and without a dictionary download.
 */

const HAN = /\p{Script=Han}/u
const HAN_RUN = /\p{Script=Han}+/gu
const MAX_QUERY_LENGTH = 100

/** Longest window of title characters turned into one pinyin term. */
const MAX_WINDOW = 4

type OpenCCModule = { Converter(options: { from: string; to: string }): (text: string) => string }
let toSimplified: ((text: string) => string) | undefined

/** 蘋果 → 苹果 (Taiwan and Hong Kong forms to mainland simplified). */
export function traditionalToSimplified(text: string): string {
  if (!HAN.test(text)) return text
  if (!toSimplified) {
    // opencc-js ships a CommonJS build for require() but declares its types as ESM only;
    // loaded on first use because its tables are large.
    const OpenCC = require("opencc-js") as OpenCCModule
    toSimplified = OpenCC.Converter({ from: "tw", to: "cn" })
  }
  return toSimplified(text)
}

/** Full-width ASCII (ｐｉｎｇｇｕｏ, ＡＢＣ) to half-width; ideographic space to a space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ")
}

/**
 * What the engine is asked: trimmed, half-width, simplified, lower-case, runs of
 * blanks collapsed, at most 100 characters. Empty when nothing is left.
 */
export function normalizeQuery(raw: string): string {
  const text = traditionalToSimplified(toHalfWidth(raw.normalize("NFKC")))
    .toLowerCase()
    .replace(/[\s\u200b]+/g, " ")
    .trim()
  return Array.from(text).slice(0, MAX_QUERY_LENGTH).join("").trim()
}

export function hasHan(text: string): boolean {
  return HAN.test(text)
}

function syllables(han: string): string[] {
  return pinyin(han, { toneType: "none", type: "array", v: true }).map((s) => s.toLowerCase())
}

/**
 * Pinyin terms of a title, space-separated: for every run of Chinese characters,
 * each window of 2–4 characters as one concatenated term, and the whole run, in
 * full and as initials. 塬上红富士苹果 → … hongfushi … pingguo … pg … hfs …
 * so pingguo, hongfushi, fushi and the initials pg all match one token.
 */
export function pinyinTerms(title: string): string {
  const terms = new Set<string>()
  for (const run of title.match(HAN_RUN) ?? []) {
    const full = syllables(run)
    const initials = full.map((s) => s[0] ?? "")
    const n = full.length
    if (n === 1) {
      terms.add(full[0])
      continue
    }
    terms.add(full.join(""))
    terms.add(initials.join(""))
    for (let size = 2; size <= Math.min(MAX_WINDOW, n); size++) {
      for (let start = 0; start + size <= n; start++) {
        terms.add(full.slice(start, start + size).join(""))
        terms.add(initials.slice(start, start + size).join(""))
      }
    }
  }
  return [...terms].join(" ")
}

/**
 * The query with each run of Chinese characters as one pinyin word (平果 → pingguo), for the homophone retry.
 * Other words stay as they are: every word must still match, so 苹果 xyzqw finds nothing rather than apples.
 */
export function queryPinyin(query: string): string {
  return query
    .replace(HAN_RUN, (run) => ` ${syllables(run).join("")} `)
    .split(/\s+/)
    .filter(Boolean)
    .join(" ")
}

/**
 * Single characters and bigrams of a title's Chinese runs, space-separated, so
 * that 蛋 finds 土鸡蛋 and 富士 finds 红富士 even where jieba keeps a longer word.
 * Titles only: descriptions would make 米 match "1200米".
 */
export function titleGrams(title: string): string {
  const grams = new Set<string>()
  for (const run of title.match(HAN_RUN) ?? []) {
    const chars = Array.from(run)
    for (const c of chars) grams.add(c)
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1])
  }
  return [...grams].join(" ")
}

// Peoples named in the official names of autonomous areas (双江拉祜族佤族布朗族傣族自治县, 广西壮族自治区 …).
const PEOPLES =
  "拉祜|佤|布朗|傣|壮|苗|侗|彝|回|藏|维吾尔|土家|瑶|白|哈尼|黎|傈僳|蒙古|满|朝鲜|畲|布依|水|羌|仡佬|纳西|景颇|土|仫佬|毛南|京"
const AUTONOMOUS = new RegExp(`(?:(?:${PEOPLES})族)*自治(?:区|州|县|旗)$`, "u")
const ADMINISTRATIVE = /(?:特别行政区|省|市|地区|盟|县|区|旗|镇|乡|街道)$/u

/**
 * A place as residents say it: 洛川县 → 洛川, 双江拉祜族佤族布朗族傣族自治县 → 双江,
 * 广西壮族自治区 → 广西, 勐库镇 → 勐库. Villages keep their 村 (南岗村: 南岗 alone is no name).
 * Undefined when nothing shorter of at least two characters is left.
 */
export function shortPlaceName(name: string): string | undefined {
  const trimmed = name.trim()
  const short = trimmed.replace(AUTONOMOUS, "").replace(ADMINISTRATIVE, "")
  return short !== trimmed && Array.from(short).length >= 2 ? short : undefined
}

/**
 * Curated two-way synonym groups: every term of a group finds the others.
 * Meilisearch synonyms are one-way unless declared both ways, so
 * `synonymMap` writes every direction.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["蘑菇", "菌", "菇", "菌菇", "菌子", "mushroom"],
  ["奇异果", "猕猴桃", "kiwi"],
  ["土豆", "马铃薯", "洋芋", "potato"],
  ["番茄", "西红柿", "tomato"],
  ["红薯", "地瓜", "番薯", "山芋", "sweet potato"],
  ["玉米", "苞谷", "包谷", "苞米", "corn"],
  ["辣椒", "海椒", "辣子", "chili"],
  ["大蒜", "蒜头", "garlic"],
  ["花生", "落花生", "peanut"],
  ["柴鸡蛋", "土鸡蛋", "笨鸡蛋", "草鸡蛋"],
  ["鸡蛋", "egg", "eggs"],
  ["鸭蛋", "duck egg"],
  ["芒果", "杧果", "mango"],
  ["苹果", "apple"],
  ["梨", "pear"],
  ["橘子", "桔子", "柑橘", "mandarin"],
  ["蜂蜜", "蜜", "honey"],
  ["木耳", "黑木耳"],
  ["香菇", "冬菇", "花菇"],
  ["小米", "粟米", "millet"],
  ["糯米", "江米"],
  ["菜籽油", "菜油", "油菜籽油"],
  ["茶叶", "茶", "tea"],
  ["绿茶", "green tea"],
  ["红茶", "black tea"],
  ["米", "大米", "rice"],
]

export function synonymMap(groups: readonly (readonly string[])[] = SYNONYM_GROUPS): Record<string, string[]> {
  const map = new Map<string, Set<string>>()
  for (const group of groups) {
    for (const term of group) {
      const others = map.get(term) ?? new Set<string>()
      for (const other of group) if (other !== term) others.add(other)
      map.set(term, others)
    }
  }
  return Object.fromEntries([...map].map(([term, others]) => [term, [...others]]))
}

/** Price bands offered as a facet, in fen: [from, to) and a key the storefront translates. */
export const PRICE_BANDS = [
  { key: "0-20", from: 0, to: 2000 },
  { key: "20-50", from: 2000, to: 5000 },
  { key: "50-100", from: 5000, to: 10000 },
  { key: "100+", from: 10000, to: Number.POSITIVE_INFINITY },
] as const

export type PriceBand = (typeof PRICE_BANDS)[number]["key"]

export function priceBand(fen: number): PriceBand {
  const band = PRICE_BANDS.find((b) => fen >= b.from && fen < b.to)
  return band?.key ?? "100+"
}
