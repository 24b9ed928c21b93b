import { Form, useLocation } from "react-router"
import type { Lang } from "../lib/i18n"
import { useLang, useT } from "../lib/use-i18n"

/**
 * A real form post to /set-language: it works before JavaScript loads, and
 * with JavaScript React Router submits it without a full reload.
 */
export function LanguageSwitch() {
  const lang = useLang()
  const t = useT()
  const location = useLocation()
  const other: Lang = lang === "zh-CN" ? "en" : "zh-CN"
  return (
    <Form method="post" action="/set-language" aria-label={t("lang.switch.label")} className="shrink-0">
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button
        type="submit"
        lang={other}
        className="whitespace-nowrap rounded-full border border-stone-300 px-3 py-1 text-sm text-stone-700 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700"
      >
        {t("lang.switch.to")}
      </button>
    </Form>
  )
}
