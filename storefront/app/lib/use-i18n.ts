import { createContext, useContext, useMemo } from "react"
import { useRouteLoaderData } from "react-router"
import { toLang, translator, type ExtraMessages, type Lang, type Translate } from "./i18n"

/** The interface language chosen by the root loader (zh-CN until it has run). */
export function useLang(): Lang {
  const root = useRouteLoaderData("root") as { lang?: unknown } | undefined
  return toLang(root?.lang)
}

/**
 * Strings a part of the site loads for itself (the office portal provides its
 * own in components/office/office-shell.tsx); useT() below them finds those too,
 * shared components (form fields, error pages) included.
 */
export const ExtraMessagesContext = createContext<ExtraMessages | undefined>(undefined)

export function useT(): Translate {
  const lang = useLang()
  const extra = useContext(ExtraMessagesContext)
  return useMemo(() => translator(lang, extra), [lang, extra])
}

/** For meta functions, which get the matched routes' data instead of hooks. */
export function langFromMatches(matches: ReadonlyArray<{ id: string; data?: unknown } | undefined>): Lang {
  const root = matches.find((m) => m?.id === "root")?.data as { lang?: unknown } | undefined
  return toLang(root?.lang)
}
