import { Form, Link } from "react-router"
import type { CartLine } from "../lib/commerce"
import { MAX_QUANTITY, type FieldErrors } from "../lib/forms"
import { formatFen } from "../lib/money"
import { useT } from "../lib/use-i18n"
import { ProductImage } from "./product-image"

/** One cart line with two small forms: change the quantity, or remove it. Both post, with or without JavaScript. */
export function CartLineItem({ line, errors }: { line: CartLine; errors?: FieldErrors }) {
  const t = useT()
  const inputId = `qty-${line.id}`
  const errorId = `qty-${line.id}-error`
  const name = line.variantTitle ? `${line.title} ${line.variantTitle}` : line.title
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
          {formatFen(line.unitFen)} × {line.quantity} = <span className="font-semibold">{formatFen(line.totalFen)}</span>
        </p>
        <div className="mt-2 flex flex-wrap items-start gap-2">
          <Form method="post" noValidate className="flex items-start gap-2">
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="lineId" value={line.id} />
            <label htmlFor={inputId} className="sr-only">
              {t("cart.line.quantity", { title: name })}
            </label>
            <div>
              <input
                id={inputId}
                name="quantity"
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_QUANTITY}
                defaultValue={line.quantity}
                aria-invalid={errors?.quantity ? true : undefined}
                aria-describedby={errors?.quantity ? errorId : undefined}
                className={`min-h-11 w-20 rounded-lg border bg-white px-2 text-base ${errors?.quantity ? "border-red-600" : "border-stone-300"}`}
              />
            </div>
            <button type="submit" className="min-h-11 rounded-full border border-stone-300 px-3 text-sm hover:bg-stone-100">
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
