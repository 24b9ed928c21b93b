import { useEffect, useState } from "react"
import { Link } from "react-router"
import {
  formatCountdown,
  formatDateTime,
  formatOpeningHours,
  formatWindow,
  pointAddress,
  pointExtraName,
  type CycleView,
  type PickupPointView,
} from "../lib/commerce"
import { useLang, useT } from "../lib/use-i18n"

/**
 * The compound and cycle parts, fed by the pickup loader (pickup.server.ts).
 * Until the pickup backend answers, they show a link to choose a compound and
 * nothing pretends to know a cutoff.
 */
export function CompoundBanner({ point }: { point: PickupPointView | null }) {
  const t = useT()
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      {point ? (
        <>
          <span>{t("compound.current", { name: point.compoundName })}</span>
          <Link to="/compound" className="text-emerald-800 underline underline-offset-2">
            {t("compound.change")}
          </Link>
        </>
      ) : (
        <Link to="/compound" className="text-emerald-800 underline underline-offset-2">
          {t("compound.choose")}
        </Link>
      )}
    </p>
  )
}

/** The next cycle that takes orders: cutoff (with a live countdown once JavaScript runs) and the pickup window. */
export function CycleCountdown({
  cycles,
  closedIds = [],
  now: serverNow,
  showWindow = true,
}: {
  cycles: CycleView[]
  /** Cycles known to refuse orders (their batch left): the countdown is the one checkout will preselect. */
  closedIds?: string[]
  now?: number
  showWindow?: boolean
}) {
  const t = useT()
  const lang = useLang()
  const [now, setNow] = useState<number | null>(null)
  useEffect(() => {
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])
  const reference = now ?? serverNow ?? 0
  const cycle = cycles.find((c) => Date.parse(c.cutoffAt) > reference && !c.full && !closedIds.includes(c.id)) ?? null
  if (!cycle) return cycles.length ? <p className="text-sm text-stone-700">{t("cycle.closed")}</p> : null
  const cutoff = formatDateTime(cycle.cutoffAt, lang)
  return (
    <div className="rounded-xl bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">
      <p className="font-medium">
        {t("cycle.cutoff", { time: cutoff })}
        {now !== null || serverNow !== undefined ? (
          // Announced politely, and only every 30 s: a ticking clock must not flood screen readers.
          <span aria-live="polite" className="ml-2">
            {t("cycle.countdown", { time: formatCountdown(Date.parse(cycle.cutoffAt) - reference, lang) })}
          </span>
        ) : null}
      </p>
      {showWindow ? (
        <p className="mt-1">
          {t("cycle.window", { window: formatWindow(cycle.pickupStartsAt, cycle.pickupEndsAt, lang) })}
        </p>
      ) : null}
    </div>
  )
}

/**
 * Where the office is, when its counter is open and how to call it: each said
 * once (addresses already name the 小区 and often the office).
 */
export function PointDetails({ point, className = "" }: { point: PickupPointView; className?: string }) {
  const t = useT()
  const lang = useLang()
  const extra = pointExtraName(point)
  const hours = formatOpeningHours(point.openingHours, lang)
  return (
    <dl className={`mt-1 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-sm text-stone-700 ${className}`}>
      <dt className="text-stone-500">{t("point.address")}</dt>
      <dd>
        {pointAddress(point)}
        {extra ? <span className="block">{extra}</span> : null}
      </dd>
      {hours ? (
        <>
          <dt className="text-stone-500">{t("point.hours")}</dt>
          <dd>{hours}</dd>
        </>
      ) : null}
      {point.phone ? (
        <>
          <dt className="text-stone-500">{t("point.phone")}</dt>
          <dd>
            <a
              href={`tel:${point.phone.replace(/[^\d+]/g, "")}`}
              className="text-emerald-800 underline underline-offset-2"
            >
              {point.phone}
            </a>
          </dd>
        </>
      ) : null}
    </dl>
  )
}
