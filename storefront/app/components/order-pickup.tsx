import { Form } from "react-router"
import type { OrderView } from "../lib/commerce"
import { formatWindow } from "../lib/commerce"
import { useLang, useT } from "../lib/use-i18n"

export type RevealedCodeView = { code: string; qrDataUrl: string }

/**
 * Pickup code, window and place of an order. Place and window come from the
 * pickup store route (signed in) or from what checkout recorded on the order
 * (guests). The code is never stored readable: it is shown once, right after
 * checkout, and the resident (signed in, or the guest browser the order was
 * placed from) can ask for a fresh one (a form post, works without
 * JavaScript), which replaces the previous code.
 */
export function OrderPickup({
  order,
  canAct,
  revealed,
  revealError,
}: {
  order: OrderView
  /** The customer, or the guest browser holding the order's cart: may ask for a code. */
  canAct: boolean
  revealed?: RevealedCodeView | null
  revealError?: boolean
}) {
  const t = useT()
  const lang = useLang()
  const p = order.pickup
  const live = order.status === "placed" || order.status === "ready"
  const placeholder = (
    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">{t("confirm.placeholder")}</span>
  )
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
      <dt className="text-stone-600">{t("confirm.address")}</dt>
      <dd>{p?.address ? [p.compoundName, p.address].filter(Boolean).join(" · ") : placeholder}</dd>
      <dt className="text-stone-600">{t("confirm.window")}</dt>
      <dd>{p?.windowStart && p.windowEnd ? formatWindow(p.windowStart, p.windowEnd, lang) : placeholder}</dd>
      <dt className="text-stone-600">{t("confirm.code")}</dt>
      <dd>
        {revealed ? (
          <div className="space-y-2">
            <p className="font-mono text-3xl font-bold tracking-widest">{revealed.code}</p>
            <img
              src={revealed.qrDataUrl}
              alt={t("confirm.qrAlt")}
              width={192}
              height={192}
              className="rounded bg-white ring-1 ring-stone-200"
            />
            <p className="text-xs text-stone-700">{t("confirm.codeOnce")}</p>
          </div>
        ) : !live ? (
          <span className="text-stone-600">—</span>
        ) : canAct && p?.status ? (
          <Form method="post" action={`/orders/${order.id}`} className="space-y-1">
            <input type="hidden" name="intent" value="code" />
            <button
              type="submit"
              aria-label={t("confirm.showCodeLabel", { number: order.number })}
              className="min-h-11 rounded-full bg-emerald-700 px-4 text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700"
            >
              {t("confirm.showCode")}
            </button>
            <p className="text-xs text-stone-700">{t("confirm.codeReplaces")}</p>
            {revealError ? <p className="text-xs text-red-800">{t("confirm.codeUnavailable")}</p> : null}
          </Form>
        ) : canAct ? (
          <span className="text-xs text-stone-700">{t("confirm.codeUnavailable")}</span>
        ) : (
          <span className="text-xs text-stone-700">{t("confirm.codeGuestNoProof")}</span>
        )}
      </dd>
    </dl>
  )
}
