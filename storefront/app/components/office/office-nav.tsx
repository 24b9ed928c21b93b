import { Form, NavLink } from "react-router"
import type { MessageKey } from "../../lib/i18n"
import { useT } from "../../lib/use-i18n"

const LINKS: Array<{ to: string; label: MessageKey; end?: boolean }> = [
  { to: "/office", label: "office.nav.today", end: true },
  { to: "/office/handover", label: "office.nav.handover" },
  { to: "/office/uncollected", label: "office.nav.uncollected" },
  { to: "/office/households", label: "office.nav.households" },
  { to: "/office/listings", label: "office.nav.listings" },
]

/** The portal's own bar: who is signed in at which point, the five pages, sign-out. Hidden when printing. */
export function OfficeNav({
  staffName,
  pointName,
  canSwitch,
}: {
  staffName: string
  pointName: string
  canSwitch: boolean
}) {
  const t = useT()
  return (
    <div className="mb-5 print:hidden">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-stone-700">
          <span className="font-semibold text-emerald-900">{t("office.name")}</span> ·{" "}
          {t("office.signedInAs", { name: staffName, point: pointName })}
          {canSwitch ? (
            <>
              {" "}
              <NavLink to="/office/points" className="text-emerald-800 underline underline-offset-2">
                {t("office.point.switch")}
              </NavLink>
            </>
          ) : null}
        </p>
        <Form method="post" action="/office/logout">
          <button
            type="submit"
            className="min-h-11 rounded-full border border-stone-300 px-4 text-sm text-stone-700 hover:bg-stone-100"
          >
            {t("office.logout")}
          </button>
        </Form>
      </div>
      <nav aria-label={t("office.nav")} className="mt-2">
        <ul className="grid grid-cols-5 gap-1">
          {LINKS.map((link) => (
            <li key={link.to}>
              <NavLink
                to={link.to}
                end={link.end}
                className={({ isActive }) =>
                  `flex min-h-12 items-center justify-center rounded-xl px-1 text-center text-sm ${isActive ? "bg-emerald-700 font-medium text-white" : "bg-white text-stone-800 ring-1 ring-stone-200 hover:bg-stone-100"}`
                }
              >
                {t(link.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  )
}
