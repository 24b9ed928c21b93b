import { useEffect, useRef, useState } from "react"
import { Form, Link, useLocation } from "react-router"
import type { OrderView } from "../lib/commerce"
import { CONFIRM_CANCEL_PARAM } from "../lib/notice"
import { useT } from "../lib/use-i18n"

/**
 * "Cancel order" while it is placed and its cycle's cutoff is ahead. It asks
 * once: the first tap shows "确定取消订单 N 吗？" with 确定取消 / 不取消, and only
 * the second posts. Without JavaScript the first tap is a post that cancels
 * nothing and comes back with ?cancel=<id>, which shows the same question.
 * The backend decides: after the cutoff it refuses and the page says so.
 */
export function CancelOrder({ order, returnTo }: { order: OrderView; returnTo: "account" | "order" }) {
  const t = useT()
  const location = useLocation()
  const asked = new URLSearchParams(location.search).get(CONFIRM_CANCEL_PARAM) === order.id
  const [asking, setAsking] = useState(asked)
  useEffect(() => setAsking(asked), [asked])
  const question = useRef<HTMLParagraphElement>(null)
  const opened = useRef(false)
  useEffect(() => {
    // Focus follows the question when the resident opens it (not on a page that merely loads with it open).
    if (asking && opened.current) question.current?.focus()
  }, [asking])
  const cutoff = order.pickup?.cutoffAt ? Date.parse(order.pickup.cutoffAt) : null
  const beforeCutoff = cutoff === null || Number.isNaN(cutoff) || cutoff > Date.now()
  if (order.status !== "placed" || !(order.pickup?.cancellable ?? true) || !beforeCutoff) return null
  const action = `/account/orders/${order.id}/cancel`
  if (!asking) {
    return (
      <Form method="post" action={action} className="mt-3 flex flex-wrap items-center gap-3">
        <input type="hidden" name="returnTo" value={returnTo} />
        <button
          type="submit"
          aria-label={t("order.cancelLabel", { number: order.number })}
          onClick={(event) => {
            event.preventDefault()
            opened.current = true
            setAsking(true)
          }}
          className="min-h-11 rounded-full border border-red-300 px-4 text-sm text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        >
          {t("order.cancel")}
        </button>
        <span className="text-xs text-stone-700">{t("order.cancelBeforeCutoff")}</span>
      </Form>
    )
  }
  const stay = new URLSearchParams(location.search)
  stay.delete(CONFIRM_CANCEL_PARAM)
  const back = `${location.pathname}${stay.size ? `?${stay}` : ""}`
  return (
    <Form method="post" action={action} className="mt-3 space-y-3 rounded-lg bg-red-50 p-3 ring-1 ring-red-200">
      <input type="hidden" name="returnTo" value={returnTo} />
      <input type="hidden" name="confirm" value="yes" />
      <p ref={question} tabIndex={-1} className="text-sm text-red-950 focus:outline-none">
        <span className="block font-semibold">{t("order.cancelQuestion", { number: order.number })}</span>
        {t("order.cancelConsequence")}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          className="min-h-11 rounded-full bg-red-700 px-4 text-sm font-medium text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        >
          {t("order.cancelConfirm", { number: order.number })}
        </button>
        <Link
          to={back}
          replace
          preventScrollReset
          onClick={(event) => {
            event.preventDefault()
            setAsking(false)
          }}
          className="inline-flex min-h-11 items-center rounded-full border border-stone-300 bg-white px-4 text-sm hover:bg-stone-100"
        >
          {t("order.cancelKeep")}
        </Link>
      </div>
    </Form>
  )
}
