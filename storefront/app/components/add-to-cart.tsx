import { useRef } from "react"
import { Form, useNavigation } from "react-router"
import { unitPrice, type VariantView } from "../lib/catalog"
import { addToCartSchema, MAX_QUANTITY, type FieldErrors } from "../lib/forms"
import { formatFen } from "../lib/money"
import { useFormHints } from "../lib/use-form-hints"
import { useLang, useT } from "../lib/use-i18n"
import { FormAlert } from "./form-field"
import { StockLabel } from "./stock-status"

/** The id of the add-to-cart form: variant radios elsewhere on the page belong to it through form="…". */
export const ADD_TO_CART_FORM = "add-to-cart"

export function buyable(variants: ReadonlyArray<VariantView>): VariantView[] {
  return variants.filter((v) => v.stock.kind !== "out" && v.priceFen !== null)
}

/** "合 ¥7.98/斤": the price per 斤 or kg when the pack's weight is known; null otherwise. */
export function useUnitPriceText(variant: VariantView | null): string | null {
  const t = useT()
  const lang = useLang()
  const per = variant ? unitPrice(variant, lang) : null
  return per
    ? t("product.perWeight", { price: formatFen(per.fen), unit: t(per.unit === "斤" ? "unit.jin" : "unit.kg") })
    : null
}

/**
 * The pack sizes, each with its price (and per 斤/kg) and stock. The radios
 * belong to the buy bar's form (form="add-to-cart"), so they post with it,
 * with or without JavaScript; the page follows the choice for its prices.
 */
export function VariantPicker({
  variants,
  chosenId,
  onChoose,
  error,
}: {
  variants: VariantView[]
  chosenId: string | null
  onChoose: (id: string) => void
  error?: FieldErrors[string]
}) {
  const t = useT()
  const available = buyable(variants)
  if (available.length < 2) return null
  return (
    <fieldset className="mt-4">
      <legend className="text-sm font-medium text-stone-800">{t("product.variant")}</legend>
      <div className="mt-1 grid gap-2">
        {available.map((v) => (
          <VariantOption key={v.id} variant={v} checked={v.id === chosenId} onChoose={onChoose} />
        ))}
      </div>
      {error ? <FormAlert>{t(error)}</FormAlert> : null}
    </fieldset>
  )
}

function VariantOption({
  variant,
  checked,
  onChoose,
}: {
  variant: VariantView
  checked: boolean
  onChoose: (id: string) => void
}) {
  const perWeight = useUnitPriceText(variant)
  return (
    <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg bg-white px-3 py-2 ring-1 ring-stone-300 has-[:checked]:ring-2 has-[:checked]:ring-emerald-700">
      <input
        type="radio"
        name="variantId"
        value={variant.id}
        form={ADD_TO_CART_FORM}
        checked={checked}
        onChange={() => onChoose(variant.id)}
      />
      <span className="flex-1">
        <span className="block">
          {variant.title} · <span className="font-semibold">{formatFen(variant.priceFen!)}</span>
        </span>
        {perWeight ? <span className="block text-xs text-stone-600">{perWeight}</span> : null}
      </span>
      <StockLabel stock={variant.stock} className="text-xs" />
    </label>
  )
}

/**
 * The buy bar: the chosen pack's price, quantity and "加入购物车", stuck to
 * the bottom of the phone's screen while the product is read (the form sits
 * at the end of the column, so the bar lets go of the footer). A real form
 * post to the product route's action: works before JavaScript, enhanced after.
 */
export function BuyBar({
  variants,
  chosen,
  redirectTo,
  serverErrors,
  values,
}: {
  variants: VariantView[]
  chosen: VariantView | null
  redirectTo: string
  serverErrors?: FieldErrors
  values?: Record<string, string>
}) {
  const t = useT()
  const navigation = useNavigation()
  const quantity = useRef<HTMLInputElement>(null)
  const { errors, onBlur, onChange, onSubmit } = useFormHints(addToCartSchema, serverErrors)
  const available = buyable(variants)
  const perWeight = useUnitPriceText(chosen)
  if (available.length === 0 || !chosen || chosen.priceFen === null) {
    return <p className="mt-4 rounded-lg bg-stone-100 p-3 text-sm text-stone-700">{t("product.soldOut")}</p>
  }
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "add"
  const step = (by: number) => {
    const input = quantity.current
    if (!input) return
    const current = Number.parseInt(input.value, 10)
    input.value = String(Math.min(MAX_QUANTITY, Math.max(1, (Number.isFinite(current) ? current : 1) + by)))
  }
  const quantityError = errors.quantity
  return (
    <Form
      id={ADD_TO_CART_FORM}
      method="post"
      noValidate
      onBlur={onBlur}
      onChange={onChange}
      onSubmit={onSubmit}
      aria-label={t("product.addToCart")}
      className="sticky bottom-0 z-20 -mx-4 mt-6 border-t border-stone-200 bg-white/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] shadow-[0_-4px_12px_rgba(0,0,0,0.06)] backdrop-blur md:mx-0 md:rounded-xl md:border md:shadow-none"
    >
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {available.length === 1 ? <input type="hidden" name="variantId" value={available[0]!.id} /> : null}
      {quantityError ? (
        <p id="quantity-error" className="mb-2 text-sm text-red-700">
          {t(quantityError)}
        </p>
      ) : null}
      <div className="flex items-center gap-2">
        <p className="min-w-0 shrink" aria-live="polite">
          <span className="sr-only">{t("product.chosenPrice")}: </span>
          <span className="block text-lg font-semibold leading-tight text-red-700">{formatFen(chosen.priceFen)}</span>
          {chosen.title ? <span className="block text-xs text-stone-600">{chosen.title}</span> : null}
          {perWeight ? <span className="block text-xs text-stone-600">{perWeight}</span> : null}
        </p>
        <div className="ml-auto flex shrink-0 items-center">
          <button
            type="button"
            tabIndex={-1}
            aria-label={t("product.quantityLess")}
            onClick={() => step(-1)}
            className="flex size-9 items-center justify-center rounded-l-lg border border-stone-300 bg-stone-50 text-lg"
          >
            −
          </button>
          <label htmlFor="field-quantity" className="sr-only">
            {t("product.quantity")}
          </label>
          <input
            ref={quantity}
            id="field-quantity"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_QUANTITY}
            defaultValue={values?.quantity ?? "1"}
            aria-invalid={quantityError ? true : undefined}
            aria-describedby={quantityError ? "quantity-error" : undefined}
            className={`h-9 w-12 border-y bg-white text-center text-base [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none ${quantityError ? "border-red-600" : "border-stone-300"}`}
          />
          <button
            type="button"
            tabIndex={-1}
            aria-label={t("product.quantityMore")}
            onClick={() => step(1)}
            className="flex size-9 items-center justify-center rounded-r-lg border border-stone-300 bg-stone-50 text-lg"
          >
            +
          </button>
        </div>
        <button
          type="submit"
          disabled={busy}
          className="min-h-11 shrink-0 whitespace-nowrap rounded-full bg-emerald-700 px-4 font-medium text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700 disabled:opacity-70"
        >
          {t("product.addToCart")}
        </button>
      </div>
    </Form>
  )
}
