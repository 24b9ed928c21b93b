import { useMemo } from "react"
import { useRouteLoaderData } from "react-router"
import { toLang, translator, type Lang, type Translate } from "./i18n"

/** The interface language chosen by the root loader (zh-CN until it has run). */
export function useLang(): Lang {
  const root = useRouteLoaderData("root") as { lang?: unknown } | undefined
  return toLang(root?.lang)
}

export function useT(): Translate {
  const lang = useLang()
  return useMemo(() => translator(lang), [lang])
}

/** For meta functions, which get the matched routes' data instead of hooks. */
export function langFromMatches(matches: ReadonlyArray<{ id: string; data?: unknown } | undefined>): Lang {
  const root = matches.find((m) => m?.id === "root")?.data as { lang?: unknown } | undefined
  return toLang(root?.lang)
}
