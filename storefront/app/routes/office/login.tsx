import { Form, useSearchParams } from "react-router"
import { FormAlert, FormField, Notice } from "../../components/form-field"
import { SubmitButton } from "../../components/office/submit-button"
import { OfficeShell } from "../../components/office/office-shell"
import { officeTranslator } from "../../lib/office/i18n"
import { officeLoginSchema } from "../../lib/office/schemas"
import { routeHeaders } from "../../lib/route-headers"
import { officeLoginAction, officeLoginLoader } from "../../lib/server/office/auth.server"
import { officeDeps } from "../../lib/server/office/context.server"
import { useFormHints } from "../../lib/use-form-hints"
import { langFromMatches, useT } from "../../lib/use-i18n"
import type { Route } from "./+types/login"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = officeTranslator(langFromMatches(matches))
  return [{ title: `${t("office.login.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return officeLoginLoader(officeDeps(), request)
}

export async function action({ request }: Route.ActionArgs) {
  return officeLoginAction(officeDeps(), request)
}

export const headers: Route.HeadersFunction = routeHeaders

/** Outside the portal's layout (no one is signed in yet), so it brings the portal's shell itself. */
export default function OfficeLoginRoute(props: Route.ComponentProps) {
  return (
    <OfficeShell>
      <OfficeLoginPage {...props} />
    </OfficeShell>
  )
}

function OfficeLoginPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const [params] = useSearchParams()
  const { errors, onBlur, onChange, onSubmit } = useFormHints(officeLoginSchema, actionData?.errors)
  return (
    <section aria-labelledby="office-login-title" className="mx-auto max-w-sm">
      <h1 id="office-login-title" className="mb-2 text-xl font-bold">
        {t("office.login.title")}
      </h1>
      <p className="mb-4 text-sm text-stone-600">{t("office.login.intro")}</p>
      {loaderData.expired ? <FormAlert>{t("office.login.expired")}</FormAlert> : null}
      {loaderData.loggedOut ? <Notice>{t("office.login.loggedOut")}</Notice> : null}
      {actionData?.problem === "noPoint" ? <FormAlert>{t("office.login.noPoint")}</FormAlert> : null}
      <Form method="post" noValidate onBlur={onBlur} onChange={onChange} onSubmit={onSubmit} className="mt-4 space-y-4">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/office"} />
        <FormField
          name="email"
          label={t("office.login.email")}
          type="email"
          autoComplete="username"
          defaultValue={actionData?.values?.email ?? ""}
          error={errors.email}
          required
        />
        <FormField
          name="password"
          label={t("office.login.password")}
          type="password"
          autoComplete="current-password"
          error={errors.password}
          required
        />
        <SubmitButton className="sm:w-full">{t("office.login.submit")}</SubmitButton>
      </Form>
    </section>
  )
}
