import type { OrderView } from "../lib/commerce"
import { formatWindow } from "../lib/commerce"
import { useLang, useT } from "../lib/use-i18n"

/**
 * Pickup code, window and place of an order. Each is a clearly marked
 * placeholder until the pickup backend (issue 4) reports it.
 */
export function OrderPickup({ order }: { order: OrderView }) {
  const t = useT()
  const lang = useLang()
  const p = order.pickup
  const placeholder = <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">{t("confirm.placeholder")}</span>
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
      <dt className="text-stone-600">{t("confirm.code")}</dt>
      <dd>
        {p?.code ? (
          <span className="font-mono text-2xl font-bold tracking-widest">{p.code}</span>
        ) : (
          <>
            {placeholder}
            <span className="mt-1 block text-xs text-stone-600">{t("confirm.codePending")}</span>
          </>
        )}
      </dd>
      <dt className="text-stone-600">{t("confirm.window")}</dt>
      <dd>{p?.windowStart && p.windowEnd ? formatWindow(p.windowStart, p.windowEnd, lang) : placeholder}</dd>
      <dt className="text-stone-600">{t("confirm.address")}</dt>
      <dd>{p?.address ? [p.compoundName, p.address].filter(Boolean).join(" · ") : placeholder}</dd>
    </dl>
  )
}
