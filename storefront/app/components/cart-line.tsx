import { Form, Link, useNavigation } from "react-router"
import type { CartLine } from "../lib/commerce"
import { MAX_QUANTITY, type FieldErrors } from "../lib/forms"
import { formatFen } from "../lib/money"
import { useT } from "../lib/use-i18n"
import { ProductImage } from "./product-image"

const stepFormId = (lineId: string, way: "less" | "more") => `step-${way}-${lineId}`

/**
 * One cart line: a −/+ stepper with the quantity between (typing a number and
 * "更新数量" works too), and remove. Every control is a plain form post, with
 * or without JavaScript.
 */
export function CartLineItem({ line, errors }: { line: CartLine; errors?: FieldErrors }) {
  const t = useT()
  const inputId = `qty-${line.id}`
  const errorId = `qty-${line.id}-error`
  const name = line.variantTitle ? `${line.title} ${line.variantTitle}` : line.title
  // One step at a time: a second tap before the cart answers would post the same quantity again.
  const navigation = useNavigation()
  const busy = navigation.state !== "idle" && navigation.formData?.get("lineId") === line.id
  return (
    <li className="flex gap-3 py-3">
      <div className="w-20 shrink-0 overflow-hidden rounded-lg">
        <ProductImage src={line.thumbnail} alt="" sizes="80px" />
      </div>
      <div className="min-w-0 flex-1">
        <h2 className="text-sm font-medium">
          {line.productHandle ? <Link to={`/products/${line.productHandle}`}>{line.title}</Link> : line.title}
        </h2>
        {line.variantTitle ? <p className="text-xs text-stone-600">{line.variantTitle}</p> : null}
        <p className="mt-1 text-sm">
          {formatFen(line.unitFen)} × {line.quantity} ={" "}
          <span className="font-semibold">{formatFen(line.totalFen)}</span>
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <Form method="post" noValidate className="flex items-center gap-2">
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="lineId" value={line.id} />
            <div className="flex items-center">
              <button
                type="submit"
                form={stepFormId(line.id, "less")}
                disabled={busy || line.quantity <= 1}
                aria-label={t("cart.line.less", { title: name })}
                className="flex size-11 items-center justify-center rounded-l-lg border border-stone-300 bg-stone-50 text-xl disabled:text-stone-300"
              >
                −
              </button>
              <label htmlFor={inputId} className="sr-only">
                {t("cart.line.quantity", { title: name })}
              </label>
              <input
                id={inputId}
                name="quantity"
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_QUANTITY}
                defaultValue={line.quantity}
                key={line.quantity}
                aria-invalid={errors?.quantity ? true : undefined}
                aria-describedby={errors?.quantity ? errorId : undefined}
                className={`h-11 w-14 border-y bg-white text-center text-base [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none ${errors?.quantity ? "border-red-600" : "border-stone-300"}`}
              />
              <button
                type="submit"
                form={stepFormId(line.id, "more")}
                disabled={busy || line.quantity >= MAX_QUANTITY}
                aria-label={t("cart.line.more", { title: name })}
                className="flex size-11 items-center justify-center rounded-r-lg border border-stone-300 bg-stone-50 text-xl disabled:text-stone-300"
              >
                +
              </button>
            </div>
            <button
              type="submit"
              className="min-h-11 rounded-full border border-stone-300 px-3 text-sm hover:bg-stone-100"
            >
              {t("cart.line.update")}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="lineId" value={line.id} />
            <button
              type="submit"
              aria-label={t("cart.line.removeLabel", { title: name })}
              className="min-h-11 rounded-full px-3 text-sm text-red-700 hover:bg-red-50"
            >
              {t("cart.line.remove")}
            </button>
          </Form>
          {/* The −/+ buttons post these (form="…"): one more or one fewer than the cart holds now, as plain posts. */}
          {(["less", "more"] as const).map((way) => (
            <Form key={way} id={stepFormId(line.id, way)} method="post" hidden>
              <input type="hidden" name="intent" value="update" />
              <input type="hidden" name="lineId" value={line.id} />
              <input type="hidden" name="quantity" value={line.quantity + (way === "more" ? 1 : -1)} />
            </Form>
          ))}
        </div>
        {errors?.quantity ? (
          <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
            {t(errors.quantity)}
          </p>
        ) : null}
        {errors?.form ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {t(errors.form)}
          </p>
        ) : null}
      </div>
    </li>
  )
}
