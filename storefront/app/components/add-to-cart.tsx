import { Form, useNavigation } from "react-router"
import type { VariantView } from "../lib/catalog"
import { addToCartSchema, MAX_QUANTITY, type FieldErrors } from "../lib/forms"
import { formatFen } from "../lib/money"
import { useFormHints } from "../lib/use-form-hints"
import { useT } from "../lib/use-i18n"
import { FormAlert, FormField } from "./form-field"

/** A real form post to the product route's action: works before JavaScript, enhanced after. */
export function AddToCart({
  variants,
  redirectTo,
  serverErrors,
  values,
}: {
  variants: VariantView[]
  redirectTo: string
  serverErrors?: FieldErrors
  values?: Record<string, string>
}) {
  const t = useT()
  const navigation = useNavigation()
  const { errors, onBlur, onChange, onSubmit } = useFormHints(addToCartSchema, serverErrors)
  const available = variants.filter((v) => v.stock.kind !== "out" && v.priceFen !== null)
  if (available.length === 0) {
    return <p className="mt-4 rounded-lg bg-stone-100 p-3 text-sm text-stone-700">{t("product.soldOut")}</p>
  }
  const chosen = values?.variantId ?? available[0]!.id
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "add"
  return (
    <Form method="post" noValidate onBlur={onBlur} onChange={onChange} onSubmit={onSubmit} className="mt-4 space-y-3" aria-label={t("product.addToCart")}>
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {available.length === 1 ? (
        <input type="hidden" name="variantId" value={available[0]!.id} />
      ) : (
        <fieldset>
          <legend className="text-sm font-medium text-stone-800">{t("product.variant")}</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {available.map((v) => (
              <label key={v.id} className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg bg-white px-3 ring-1 ring-stone-300 has-[:checked]:ring-2 has-[:checked]:ring-emerald-700">
                <input type="radio" name="variantId" value={v.id} defaultChecked={v.id === chosen} />
                <span>
                  {v.title} · {formatFen(v.priceFen!)}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {errors.variantId ? <FormAlert>{t(errors.variantId)}</FormAlert> : null}
      <div className="flex items-end gap-3">
        <FormField
          name="quantity"
          label={t("product.quantity")}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_QUANTITY}
          defaultValue={values?.quantity ?? "1"}
          error={errors.quantity}
          className="w-28"
        />
        <button
          type="submit"
          disabled={busy}
          className="min-h-11 flex-1 rounded-full bg-emerald-700 px-5 font-medium text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700 disabled:opacity-70"
        >
          {t("product.addToCart")}
        </button>
      </div>
    </Form>
  )
}
