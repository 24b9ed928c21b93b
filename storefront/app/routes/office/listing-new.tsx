import { Form } from "react-router"
import { FormField } from "../../components/form-field"
import { SelectField, TextAreaField } from "../../components/office/fields"
import { SubmitButton } from "../../components/office/submit-button"
import type { MessageKey } from "../../lib/i18n"
import { officeTranslator } from "../../lib/office/i18n"
import { listingSchema } from "../../lib/office/schemas"
import { routeHeaders } from "../../lib/route-headers"
import { officeDeps } from "../../lib/server/office/context.server"
import { listingAction, newListingLoader } from "../../lib/server/office/farmers.server"
import { useFormHints } from "../../lib/use-form-hints"
import { langFromMatches, useT } from "../../lib/use-i18n"
import type { Route } from "./+types/listing-new"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = officeTranslator(langFromMatches(matches))
  return [{ title: `${t("office.listing.newTitle")} · ${t("office.name")}` }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return newListingLoader(officeDeps(), request)
}

export async function action({ request }: Route.ActionArgs) {
  return listingAction(officeDeps(), request)
}

export const headers: Route.HeadersFunction = routeHeaders

function PhotoField({
  name,
  label,
  multiple,
  error,
}: {
  name: string
  label: string
  multiple?: boolean
  error?: MessageKey
}) {
  const t = useT()
  const id = `field-${name}`
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        accept="image/*"
        capture="environment"
        multiple={multiple}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 block min-h-12 w-full rounded-lg border border-stone-300 bg-white p-2 text-sm file:mr-3 file:min-h-10 file:rounded-lg file:border-0 file:bg-emerald-50 file:px-3"
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {t(error)}
        </p>
      ) : null}
    </div>
  )
}

export default function NewListingPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const { households, categories, preselect, idempotencyKey, today } = loaderData
  const values = actionData?.values ?? {}
  const { errors, onBlur, onChange, onSubmit } = useFormHints(listingSchema, actionData?.errors)
  return (
    <section aria-labelledby="listing-new-title">
      <h1 id="listing-new-title" className="mb-4 text-xl font-bold">
        {t("office.listing.newTitle")}
      </h1>
      <Form
        method="post"
        encType="multipart/form-data"
        noValidate
        onBlur={onBlur}
        onChange={onChange}
        onSubmit={onSubmit}
        className="space-y-4"
      >
        <input type="hidden" name="idempotency_key" value={idempotencyKey} />
        <SelectField
          name="household_id"
          label={t("office.listing.household")}
          error={errors.household_id}
          defaultValue={values.household_id ?? preselect}
        >
          <option value="">{t("office.listing.chooseHousehold")}</option>
          {households.map((h) => (
            <option key={h.id} value={h.id}>
              {h.displayName} {h.code ? `(${h.code})` : ""}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="category_id"
          label={t("office.listing.category")}
          error={errors.category_id}
          defaultValue={values.category_id ?? ""}
        >
          <option value="">{t("office.listing.chooseCategory")}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <FormField
          name="title"
          label={t("office.listing.titleLabel")}
          maxLength={60}
          defaultValue={values.title ?? ""}
          error={errors.title}
        />
        <TextAreaField
          name="description"
          label={t("office.listing.description")}
          maxLength={2000}
          defaultValue={values.description ?? ""}
          error={errors.description}
        />
        <div className="grid grid-cols-2 gap-3">
          <FormField
            name="price"
            inputMode="decimal"
            label={t("office.listing.price")}
            hint={t("office.listing.priceHint")}
            defaultValue={values.price ?? ""}
            error={errors.price}
          />
          <FormField
            name="stock"
            inputMode="numeric"
            label={t("office.listing.stock")}
            defaultValue={values.stock ?? ""}
            error={errors.stock}
          />
          <FormField
            name="unit_label"
            label={t("office.listing.unit")}
            maxLength={20}
            defaultValue={values.unit_label ?? ""}
            error={errors.unit_label}
          />
          <FormField
            name="weight_g"
            inputMode="numeric"
            label={t("office.listing.weight")}
            defaultValue={values.weight_g ?? ""}
            error={errors.weight_g}
          />
        </div>
        <SelectField
          name="perishability"
          label={t("office.listing.perishability")}
          error={errors.perishability}
          defaultValue={values.perishability ?? "ambient"}
        >
          <option value="ambient">{t("office.listing.ambient")}</option>
          <option value="chilled">{t("office.listing.chilled")}</option>
        </SelectField>
        <PhotoField name="photos" label={t("office.listing.photos")} multiple error={errors.photos} />
        <fieldset className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <legend className="px-1 font-semibold">{t("office.listing.harvest")}</legend>
          <FormField
            name="harvested_on"
            type="date"
            max={today}
            label={t("office.listing.harvestedOn")}
            defaultValue={values.harvested_on ?? today}
            error={errors.harvested_on}
          />
          <div className="grid grid-cols-2 gap-3">
            <FormField
              name="harvest_quantity"
              inputMode="decimal"
              label={t("office.listing.harvestQuantity")}
              defaultValue={values.harvest_quantity ?? ""}
              error={errors.harvest_quantity}
            />
            <FormField
              name="harvest_unit"
              label={t("office.listing.harvestUnit")}
              defaultValue={values.harvest_unit ?? "斤"}
              error={errors.harvest_unit}
            />
          </div>
          <FormField
            name="certificate_no"
            label={t("office.listing.certificateNo")}
            defaultValue={values.certificate_no ?? ""}
            error={errors.certificate_no}
          />
          <PhotoField
            name="certificate_photo"
            label={t("office.listing.certificatePhoto")}
            error={errors.certificate_photo}
          />
        </fieldset>
        <SubmitButton className="sm:w-full">{t("office.listing.submit")}</SubmitButton>
      </Form>
    </section>
  )
}
