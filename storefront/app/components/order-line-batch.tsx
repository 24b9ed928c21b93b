import { useEffect, useRef } from "react"
import { useRevalidator } from "react-router"
import { formatFen } from "../lib/money"
import type { HouseholdsView, OrderTraceView } from "../lib/server/order-trace.server"
import { useT } from "../lib/use-i18n"

type Line = { id: string; title: string; variantTitle?: string | null; productId?: string | null }

/**
 * 产地批次: which harvest batch and 合格证 each line of the order came from
 * (decision 023). A line not traced yet says when it will be; a recalled
 * batch says so first. Products without a harvest record (not office
 * listings) are left out; an order of only those shows no section.
 */
export function OrderLineBatches({ lines, trace }: { lines: ReadonlyArray<Line>; trace: OrderTraceView | null }) {
  const t = useT()
  const shown = trace ? lines.filter((l) => trace.traceable.includes(l.id) || trace.batches[l.id]) : []
  if (!trace || !shown.length) return null
  return (
    <section aria-labelledby="trace-title" className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
      <h2 id="trace-title" className="text-base font-semibold">
        {t("trace.title")}
      </h2>
      <ul className="mt-2 space-y-2 text-sm">
        {shown.map((line) => {
          const batch = trace.batches[line.id]
          return (
            <li key={line.id} aria-label={line.title}>
              <p className="font-medium">
                {line.title}
                {line.variantTitle ? ` · ${line.variantTitle}` : ""}
              </p>
              {batch ? (
                <>
                  {batch.recalled ? (
                    <p role="alert" className="font-semibold text-red-800">
                      {t("trace.recalled")}
                    </p>
                  ) : null}
                  <p className="text-stone-700">
                    {t("trace.batch", { date: batch.harvestedOn, no: batch.certificateNo })}
                    {batch.certificatePhotoUrl ? (
                      <>
                        {" · "}
                        <a
                          href={batch.certificatePhotoUrl}
                          target="_blank"
                          rel="noreferrer"
                          className="text-emerald-800 underline underline-offset-2"
                        >
                          {t("trace.photo")}
                        </a>
                      </>
                    ) : null}
                  </p>
                </>
              ) : (
                <p className="text-stone-600">{t("trace.pending")}</p>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** "这笔订单将给 N 户农户带来 ¥x" from the order's own accruals; 正在入账 until they are posted. */
export function OrderHouseholds({ households }: { households: HouseholdsView | null }) {
  const t = useT()
  const revalidator = useRevalidator()
  const tries = useRef(0)
  const pending = households?.status === "pending"
  // The accrual is posted by a subscriber just after checkout: read again a few times, then leave it to a refresh.
  useEffect(() => {
    if (!pending || tries.current >= 5 || revalidator.state !== "idle") return
    const timer = setTimeout(() => {
      tries.current += 1
      revalidator.revalidate()
    }, 1500)
    return () => clearTimeout(timer)
  }, [pending, revalidator])
  if (!households) return <p className="mt-1 text-sm text-stone-600">{t("confirm.impactUnavailable")}</p>
  if (households.status === "pending") {
    return (
      <p role="status" className="mt-1 text-sm text-stone-700">
        {t("confirm.impactPending")}
      </p>
    )
  }
  if (households.households === 0)
    return <p className="mt-1 text-sm text-stone-600">{t("confirm.impactUnavailable")}</p>
  return (
    <>
      <p className="mt-1 text-lg text-emerald-900">
        {t("confirm.impact", { count: households.households, amount: formatFen(households.amountFen) })}
      </p>
      <p className="mt-1 text-xs text-stone-600">{t("confirm.impactSource")}</p>
    </>
  )
}
