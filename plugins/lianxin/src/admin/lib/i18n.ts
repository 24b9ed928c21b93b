import { useTranslation } from "react-i18next"

/**
 * `t("cycles.title")` → the text of our key under "lianxin" in the operator's language; `lang` is Medusa's
 * language code ("zhCN", "en"), `locale` the BCP 47 tag for dates and money.
 */
export function useT() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const locale = lang === "zhCN" ? "zh-CN" : lang === "en" ? "en-GB" : lang
  return {
    t: (key: string, values?: Record<string, unknown>) => t(`lianxin.${key}`, values) as string,
    lang,
    locale,
    /** An instant as Asia/Shanghai wall-clock time in the operator's language. */
    when: (iso: string | Date | null | undefined) =>
      iso
        ? new Intl.DateTimeFormat(locale, {
            timeZone: "Asia/Shanghai",
            month: "2-digit",
            day: "2-digit",
            hour: "2-digit",
            minute: "2-digit",
          }).format(new Date(iso))
        : "–",
  }
}

/** ¥ from integer fen. */
export const fenToYuan = (fen: number) => `¥${(Number(fen) / 100).toFixed(2)}`
