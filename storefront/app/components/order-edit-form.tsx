import { useEffect, useState } from "react"
import { Form } from "react-router"
import { formatDateTime, type OrderView } from "../lib/commerce"
import { editQuantityProblem, MAX_QUANTITY } from "../lib/forms"
import type { MessageKey } from "../lib/i18n"
import { formatFen } from "../lib/money"
import { useLang, useT } from "../lib/use-i18n"

/**
 * 修改订单 (decision 024): while the order is placed and its cycle's resident
 * cutoff is ahead, one form with a quantity per line (− / + steppers, 删除)
 * and the new total. It posts to /orders/:id/edit, so it works without
 * JavaScript (the number fields and 删除 are plain form controls); with it,
 * the steppers and the new total follow each tap. The backend decides again:
 * after the cutoff it refuses and the page says so. After the cutoff: no form.
 */
export function OrderEditForm({ order }: { order: OrderView }) {
  const t = useT()
  const lang = useLang()
  // What each field holds as typed; the new total counts a line only while its field is a valid quantity.
  const [raw, setRaw] = useState<Record<string, string>>(() =>
    Object.fromEntries(order.lines.map((l) => [l.id, String(l.quantity)]))
  )
  const [errors, setErrors] = useState<Record<string, MessageKey>>({})
  // The browser's own checks (min, max, step) stand in until the page is hydrated; then the shared schema speaks.
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  const cutoffAt = order.pickup?.cutoffAt ?? null
  const cutoff = cutoffAt ? Date.parse(cutoffAt) : Number.NaN
  if (order.status !== "placed" || !order.version || !cutoffAt || Number.isNaN(cutoff) || cutoff <= Date.now()) {
    return null
  }
  const quantityOf = (line: OrderView["lines"][number]) => {
    const typed = raw[line.id] ?? String(line.quantity)
    return editQuantityProblem(typed) ? line.quantity : Number(typed)
  }
  const unitOf = (line: OrderView["lines"][number]) =>
    line.unitFen ?? (line.quantity > 0 ? Math.round(line.totalFen / line.quantity) : 0)
  const newTotal = order.lines.reduce(
    (s, l) => {
      const q = quantityOf(l)
      // Unchanged lines keep their exact total; a changed one is its unit price × the new quantity.
      return s + (q === l.quantity ? l.totalFen : unitOf(l) * q)
    },
    order.totalFen - order.lines.reduce((s, l) => s + l.totalFen, 0)
  )
  const type = (id: string, value: string) => {
    setRaw((prev) => ({ ...prev, [id]: value }))
    // An error goes away while typing, never appears while typing (it appears on leaving the field).
    if (errors[id] && !editQuantityProblem(value)) {
      setErrors(({ [id]: _fixed, ...rest }) => rest)
    }
  }
  const step = (line: OrderView["lines"][number], by: number) =>
    type(line.id, String(Math.max(0, Math.min(MAX_QUANTITY, quantityOf(line) + by))))
  const check = (id: string) => {
    const problem = editQuantityProblem(raw[id] ?? "")
    if (problem) setErrors((prev) => ({ ...prev, [id]: problem }))
  }
  const stepper =
    "inline-flex min-h-11 min-w-11 items-center justify-center rounded-full border border-stone-300 bg-white text-lg hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700"
  return (
    <section aria-labelledby="order-edit-title" className="mt-4 rounded-lg bg-stone-50 p-3 ring-1 ring-stone-200">
      <h3 id="order-edit-title" className="text-sm font-semibold">
        {t("order.edit")}
      </h3>
      <p className="mt-1 text-xs text-stone-700">{t("order.editHint", { cutoff: formatDateTime(cutoffAt, lang) })}</p>
      <Form
        method="post"
        action={`/orders/${order.id}/edit`}
        className="mt-2 space-y-2"
        noValidate={hydrated}
        onSubmit={(event) => {
          // 删除 sends its line as 0 whatever its field holds; 保存修改 needs every field valid.
          const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null
          if (submitter?.name === "remove") return
          const found: Record<string, MessageKey> = {}
          for (const line of order.lines) {
            const problem = editQuantityProblem(raw[line.id] ?? "")
            if (problem) found[line.id] = problem
          }
          const first = Object.keys(found)[0]
          if (!first) return
          event.preventDefault()
          setErrors(found)
          event.currentTarget.querySelector<HTMLInputElement>(`[name="qty_${first}"]`)?.focus()
        }}
      >
        <input type="hidden" name="version" value={order.version} />
        <ul className="space-y-2">
          {order.lines.map((line) => {
            const typed = raw[line.id] ?? String(line.quantity)
            const error = errors[line.id]
            const title = `${line.title}${line.variantTitle ? ` · ${line.variantTitle}` : ""}`
            return (
              <li key={line.id} className="flex flex-wrap items-center gap-2">
                <input type="hidden" name="line" value={line.id} />
                <span className="min-w-0 flex-1 text-sm">{title}</span>
                <button
                  type="button"
                  className={stepper}
                  aria-label={t("order.editLess", { title })}
                  onClick={() => step(line, -1)}
                >
                  −
                </button>
                <input
                  type="number"
                  inputMode="numeric"
                  name={`qty_${line.id}`}
                  min={0}
                  max={MAX_QUANTITY}
                  step={1}
                  value={typed}
                  onChange={(event) => type(line.id, event.target.value)}
                  onBlur={() => check(line.id)}
                  aria-label={t("order.editQuantity", { title })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `qty-error-${line.id}` : undefined}
                  className="min-h-11 w-16 rounded-lg border border-stone-300 px-2 text-center tabular-nums aria-invalid:border-red-600"
                />
                <button
                  type="button"
                  className={stepper}
                  aria-label={t("order.editMore", { title })}
                  onClick={() => step(line, 1)}
                >
                  +
                </button>
                <button
                  type="submit"
                  name="remove"
                  value={line.id}
                  aria-label={t("order.editRemoveLabel", { title })}
                  className="min-h-11 rounded-full border border-red-300 px-3 text-sm text-red-800 hover:bg-red-50"
                >
                  {t("order.editRemove")}
                </button>
                {error ? (
                  <p id={`qty-error-${line.id}`} className="w-full text-sm text-red-800">
                    {t(error)}
                  </p>
                ) : null}
              </li>
            )
          })}
        </ul>
        <p className="text-sm font-medium" aria-live="polite" data-testid="order-edit-total">
          {t("order.editNewTotal", { total: formatFen(newTotal) })}
        </p>
        <p className="text-xs text-stone-700">{t("order.editPayNote")}</p>
        <button
          type="submit"
          className="min-h-11 rounded-full bg-emerald-700 px-4 text-sm font-medium text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700"
        >
          {t("order.editSave")}
        </button>
      </Form>
    </section>
  )
}
