import { Form } from "react-router"
import type { OrderView } from "../lib/commerce"
import { useT } from "../lib/use-i18n"

/**
 * "Cancel order" while it is placed and its cycle's cutoff is ahead (a form
 * post, works without JavaScript). The backend decides: after the cutoff it
 * refuses and the page says so.
 */
export function CancelOrder({ order, returnTo }: { order: OrderView; returnTo: "account" | "order" }) {
  const t = useT()
  const cutoff = order.pickup?.cutoffAt ? Date.parse(order.pickup.cutoffAt) : null
  const beforeCutoff = cutoff === null || Number.isNaN(cutoff) || cutoff > Date.now()
  if (order.status !== "placed" || !(order.pickup?.cancellable ?? true) || !beforeCutoff) return null
  return (
    <Form method="post" action={`/account/orders/${order.id}/cancel`} className="mt-3 flex flex-wrap items-center gap-3">
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        aria-label={t("order.cancelLabel", { number: order.number })}
        className="min-h-11 rounded-full border border-red-300 px-4 text-sm text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
      >
        {t("order.cancel")}
      </button>
      <span className="text-xs text-stone-700">{t("order.cancelBeforeCutoff")}</span>
    </Form>
  )
}
