import type { ReactNode } from "react"
import { Link } from "react-router"
import { officeMessages } from "../../lib/office/i18n"
import { ExtraMessagesContext, useT } from "../../lib/use-i18n"
import { ShellFrame } from "../site-shell"

function OfficeBrand() {
  const t = useT()
  return (
    <>
      <Link to="/office" className="text-lg font-bold text-emerald-800">
        {t("office.name")}
      </Link>
      <p className="truncate text-xs text-stone-600">{t("site.name")}</p>
    </>
  )
}

/**
 * Every /office page's frame in place of the shop's (the root renders no shop
 * header there): skip link, the portal's banner with the language switch, the
 * main landmark; and the office strings for useT() below it, so they are only
 * downloaded with office routes.
 */
export function OfficeShell({ children }: { children: ReactNode }) {
  return (
    <ExtraMessagesContext.Provider value={officeMessages}>
      <ShellFrame brand={<OfficeBrand />}>{children}</ShellFrame>
    </ExtraMessagesContext.Provider>
  )
}
