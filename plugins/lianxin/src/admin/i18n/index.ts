import { en } from "./en"
import { zhCN } from "./zh-cn"

/**
 * Our texts for Medusa Admin's i18n (react-i18next): resources per language, merged by the dashboard into its own
 * "translation" namespace under the key "lianxin" (components call `useT()` from ../lib/i18n). Medusa's codes:
 * "en" and "zhCN".
 *
 * Operators in China read Chinese, so Admin opens in 简体中文 (decision 022): the dashboard's language detector
 * reads the `lng` cookie, then localStorage `lng`, then the browser's Accept-Language — and no browser says "zhCN"
 * (Medusa's code), so a Chinese browser would get English. When nothing was chosen yet, we store "zhCN" before
 * the dashboard starts i18next; an operator who picks another language in Profile keeps it (the choice is stored).
 */
export const DEFAULT_ADMIN_LANGUAGE = "zhCN"

if (typeof window !== "undefined") {
  try {
    const chosen = window.localStorage.getItem("lng") || /(?:^|;\s*)lng=/.test(document.cookie)
    if (!chosen) window.localStorage.setItem("lng", DEFAULT_ADMIN_LANGUAGE)
  } catch {
    // Storage blocked: the dashboard's own detection decides.
  }
}

export default {
  en: { translation: { lianxin: en } },
  zhCN: { translation: { lianxin: zhCN } },
}
