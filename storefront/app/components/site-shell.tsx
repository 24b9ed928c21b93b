import type { ReactNode } from "react"
import { Link } from "react-router"
import { useT } from "../lib/use-i18n"
import { LanguageSwitch } from "./language-switch"

/** Banner, main landmark and footer around every page, error pages included. */
export function SiteShell({ children }: { children: ReactNode }) {
  const t = useT()
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("a11y.skip")}
      </a>
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3">
          <div className="min-w-0">
            <Link to="/" className="text-lg font-bold text-emerald-800">
              {t("site.name")}
            </Link>
            <p className="truncate text-xs text-stone-500">{t("site.tagline")}</p>
          </div>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-5 focus:outline-none">
        {children}
      </main>
      <footer className="border-t border-stone-200 py-4 text-center text-xs text-stone-500">{t("footer.note")}</footer>
    </div>
  )
}
