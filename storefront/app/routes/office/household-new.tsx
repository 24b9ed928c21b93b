import { useState } from "react"
import { Form } from "react-router"
import { FormField } from "../../components/form-field"
import { CheckboxField, SelectField, TextAreaField } from "../../components/office/fields"
import { SubmitButton } from "../../components/office/submit-button"
import { officeTranslator } from "../../lib/office/i18n"
import { householdSchema } from "../../lib/office/schemas"
import { routeHeaders } from "../../lib/route-headers"
import { officeDeps } from "../../lib/server/office/context.server"
import { householdAction, newHouseholdLoader } from "../../lib/server/office/farmers.server"
import { useFormHints } from "../../lib/use-form-hints"
import { langFromMatches, useT } from "../../lib/use-i18n"
import type { Route } from "./+types/household-new"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = officeTranslator(langFromMatches(matches))
  return [{ title: `${t("office.household.newTitle")} · ${t("office.name")}` }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return newHouseholdLoader(officeDeps(), request)
}

export async function action({ request }: Route.ActionArgs) {
  return householdAction(officeDeps(), request)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function NewHouseholdPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const { villages, idempotencyKey, today } = loaderData
  const values = actionData?.values ?? {}
  const { errors, onBlur, onChange, onSubmit } = useFormHints(householdSchema, actionData?.errors)
  const [villageId, setVillageId] = useState(values.village_id ?? villages[0]?.id ?? "")
  // Registry fields open only with registry consent; without JavaScript they stay open and the action enforces it.
  const [registryConsent, setRegistryConsent] = useState<boolean | null>(null)
  const registryOpen = registryConsent ?? true
  const cooperatives = villages.find((v) => v.id === villageId)?.cooperatives ?? []
  return (
    <section aria-labelledby="household-new-title">
      <h1 id="household-new-title" className="mb-4 text-xl font-bold">
        {t("office.household.newTitle")}
      </h1>
      <Form
        method="post"
        noValidate
        onBlur={onBlur}
        onChange={onChange}
        onSubmit={onSubmit}
        ref={(form) => {
          if (form && registryConsent === null)
            setRegistryConsent(
              (form.elements.namedItem("consent_registry") as HTMLInputElement | null)?.checked ?? false
            )
        }}
        className="space-y-4"
      >
        <input type="hidden" name="idempotency_key" value={idempotencyKey} />
        <SelectField
          name="village_id"
          label={t("office.household.village")}
          error={errors.village_id}
          value={villageId}
          onChange={(e) => setVillageId(e.currentTarget.value)}
        >
          {villages.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="cooperative_id"
          label={t("office.household.cooperative")}
          error={errors.cooperative_id}
          defaultValue={values.cooperative_id ?? ""}
        >
          <option value="">{t("office.household.noCooperative")}</option>
          {cooperatives.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <FormField
          name="display_name"
          label={t("office.household.displayName")}
          defaultValue={values.display_name ?? ""}
          error={errors.display_name}
          maxLength={40}
        />
        <TextAreaField
          name="story"
          label={t("office.household.story")}
          defaultValue={values.story ?? ""}
          error={errors.story}
          maxLength={1000}
        />
        <fieldset className="space-y-2 rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <legend className="px-1 font-semibold">{t("office.household.consent")}</legend>
          <CheckboxField
            name="consent_public"
            label={t("office.household.consentPublic")}
            defaultChecked={values.consent_public === "on"}
          />
          <CheckboxField
            name="consent_registry"
            label={t("office.household.consentRegistry")}
            defaultChecked={values.consent_registry === "on"}
            onChange={(e) => setRegistryConsent(e.currentTarget.checked)}
          />
          <SelectField
            name="consent_method"
            label={t("office.household.consentMethod")}
            error={errors.consent_method}
            defaultValue={values.consent_method ?? "paper_form"}
          >
            <option value="paper_form">{t("office.household.methodPaper")}</option>
            <option value="verbal_witnessed">{t("office.household.methodVerbal")}</option>
          </SelectField>
          <FormField
            name="signed_on"
            type="date"
            label={t("office.household.signedOn")}
            defaultValue={values.signed_on ?? today}
            max={today}
            error={errors.signed_on}
          />
        </fieldset>
        <fieldset
          disabled={!registryOpen}
          className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200 disabled:opacity-60"
        >
          <legend className="px-1 font-semibold">{t("office.household.registry")}</legend>
          {!registryOpen ? <p className="text-sm text-stone-600">{t("office.household.registryLocked")}</p> : null}
          <FormField
            name="legal_name"
            label={t("office.household.legalName")}
            autoComplete="off"
            defaultValue={values.legal_name ?? ""}
            error={errors.legal_name}
          />
          <FormField
            name="national_id"
            label={t("office.household.nationalId")}
            autoComplete="off"
            maxLength={18}
            defaultValue={values.national_id ?? ""}
            error={errors.national_id}
          />
          <FormField
            name="phone"
            type="tel"
            inputMode="tel"
            label={t("office.household.phone")}
            autoComplete="off"
            defaultValue={values.phone ?? ""}
            error={errors.phone}
          />
          <FormField
            name="bank_name"
            label={t("office.household.bankName")}
            autoComplete="off"
            defaultValue={values.bank_name ?? ""}
            error={errors.bank_name}
          />
          <FormField
            name="bank_account"
            inputMode="numeric"
            label={t("office.household.bankAccount")}
            autoComplete="off"
            defaultValue={values.bank_account ?? ""}
            error={errors.bank_account}
          />
          <CheckboxField
            name="poverty_registered"
            label={t("office.household.poverty")}
            defaultChecked={values.poverty_registered === "on"}
          />
        </fieldset>
        <SubmitButton className="sm:w-full">{t("office.household.submit")}</SubmitButton>
      </Form>
    </section>
  )
}
