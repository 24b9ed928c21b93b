import type { CycleView } from "./commerce"
import type { Lang, MessageKey } from "./i18n"

/**
 * Why checkout refused the cycle the resident chose, as the page explains it.
 * Pure (ships to the browser): the server classifies, the page words it in the
 * resident's language only.
 */
export const CYCLE_REFUSALS = ["cutoff_passed", "batch_closed", "full", "canceled"] as const
export type CycleRefusalKind = (typeof CYCLE_REFUSALS)[number]

/** What the checkout page needs to say "this cycle closed" and offer the next one in one tap. */
export type CycleRefusal = {
  kind: CycleRefusalKind
  /** The id of the cycle the resident chose (the page names it by the window it showed). */
  refusedId?: string | null
  /** The cycle that refused, when the server still knows it (its window names it). */
  refused: CycleView | null
  /** The open cycle offered instead; null when none is open. */
  next: CycleView | null
}

/**
 * The backend's refusal of a cycle, from its message (Medusa's error body
 * reaches us as text only): the pickup module's Chinese sentences and their
 * English glosses. null when the refusal is about something else.
 */
export function cycleRefusalKind(message: string): CycleRefusalKind | null {
  if (/已取消|cycle canceled|cycle_canceled/i.test(message)) return "canceled"
  if (/已发往|delivery has left|batch[ _]closed|不能再加单/i.test(message)) return "batch_closed"
  if (/已满|is full|point[ _]full|cycle.*full/i.test(message)) return "full"
  if (/截单|cutoff|cycle.*closed|no open order cycle|没有可下单的批次|cycle not found|批次不存在/i.test(message))
    return "cutoff_passed"
  return null
}

export const refusalTitle = (kind: CycleRefusalKind): MessageKey => `checkout.refused.${kind}.title`
export const refusalBody = (kind: CycleRefusalKind): MessageKey => `checkout.refused.${kind}.body`

const CJK = /[\u3400-\u9fff]/

/**
 * A backend message in the resident's language, or null when it has none.
 * Our backend writes "中文。(English)"; Medusa's own messages are English.
 * Never half of each: the page falls back to its own words instead.
 */
export function reasonInLanguage(message: string | null | undefined, lang: Lang): string | null {
  const text = message?.trim()
  if (!text) return null
  // A trailing parenthesis without Chinese in it is the English gloss; one with Chinese is part of the sentence.
  const gloss = /^(.*?)\s*[(（]([^()（）]*)[)）]\s*[。.]?$/.exec(text)
  const [chinese, english] = gloss && !CJK.test(gloss[2]!) ? [gloss[1]!.trim(), gloss[2]!.trim()] : [text, text]
  if (lang === "en") return english && !CJK.test(english) ? english : null
  return chinese && CJK.test(chinese) && !/[A-Za-z]{4,}/.test(chinese.replace(/\d+/g, "")) ? chinese : null
}
