import type { ReactNode } from "react"
import { Link, NavLink } from "react-router"
import { useRootData } from "../lib/use-root"
import { useT } from "../lib/use-i18n"
import { LanguageSwitch } from "./language-switch"
import { SearchBox } from "./search-box"

const navLink = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 items-center rounded-full px-3 text-sm ${isActive ? "bg-emerald-50 font-medium text-emerald-900" : "text-stone-700 hover:bg-stone-100"}`

/**
 * What every page has, shop or office portal: the skip link, a banner with the
 * site's name and the language switch, the main landmark. `search`, `nav` and
 * `footer` are the shop's.
 */
export function ShellFrame({
  brand,
  search,
  nav,
  footer,
  children,
}: {
  brand: ReactNode
  search?: ReactNode
  nav?: ReactNode
  footer?: ReactNode
  children: ReactNode
}) {
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
        <div className={`mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 pt-3 ${nav ? "" : "pb-3"}`}>
          <div className="min-w-0">{brand}</div>
          <LanguageSwitch />
        </div>
        {search ? <div className="mx-auto max-w-5xl px-4 pt-2 pb-1">{search}</div> : null}
        {nav}
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-5 focus:outline-none">
        {children}
      </main>
      {footer}
    </div>
  )
}

/** The resident shop's banner, search box, navigation (帮扶成效 / 我的 / 购物车) and footer around its pages, error pages included. */
export function SiteShell({ children }: { children: ReactNode }) {
  const t = useT()
  const { cartCount, signedIn, unread } = useRootData()
  return (
    <ShellFrame
      brand={
        <>
          <Link to="/" className="text-lg font-bold text-emerald-800">
            {t("site.name")}
          </Link>
          <p className="truncate text-xs text-stone-600">{t("site.tagline")}</p>
        </>
      }
      search={<SearchBox />}
      nav={
        <nav aria-label={t("nav.main")} className="mx-auto max-w-5xl px-2 pb-1">
          <ul className="flex gap-1 overflow-x-auto">
            <li>
              <NavLink to="/impact" className={navLink}>
                {t("nav.impact")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/account" end className={navLink}>
                {t("nav.account")}
              </NavLink>
            </li>
            {signedIn ? (
              <li>
                <NavLink to="/account/messages" className={navLink}>
                  {t("nav.messages")}
                  {unread > 0 ? (
                    <>
                      {" "}
                      <span className="ml-1 rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white">
                        {unread > 99 ? "99+" : unread}
                      </span>
                      <span className="sr-only">{t("nav.messagesUnread")}</span>
                    </>
                  ) : null}
                </NavLink>
              </li>
            ) : null}
            <li className="ml-auto">
              <NavLink to="/cart" className={navLink}>
                {cartCount > 0 ? t("nav.cartCount", { count: cartCount }) : t("nav.cart")}
              </NavLink>
            </li>
          </ul>
        </nav>
      }
      footer={
        <footer className="border-t border-stone-200 py-4 text-center text-xs text-stone-600">
          {t("footer.note")}
        </footer>
      }
    >
      {children}
    </ShellFrame>
  )
}

/**
 * An /office page the root has to render itself (an error before the portal's
 * own shell could load): the frame with no shop navigation, cart or footer,
 * and a way back to the portal's start page.
 */
export function PortalFallbackShell({ children }: { children: ReactNode }) {
  const t = useT()
  return (
    <ShellFrame
      brand={
        <Link to="/office" className="text-lg font-bold text-emerald-800">
          {t("site.name")}
        </Link>
      }
    >
      {children}
    </ShellFrame>
  )
}
