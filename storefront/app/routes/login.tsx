import { Form, Link, useNavigation, useSearchParams } from "react-router"
import { FormField } from "../components/form-field"
import { loginSchema } from "../lib/forms"
import { translator } from "../lib/i18n"
import { routeHeaders } from "../lib/route-headers"
import { appSessions, getPickupApi } from "../lib/server/app.server"
import { loginAction } from "../lib/server/auth.server"
import { PRIVATE_HEADERS } from "../lib/server/http.server"
import { getStoreClient } from "../lib/server/medusa.server"
import { useFormHints } from "../lib/use-form-hints"
import { langFromMatches, useT } from "../lib/use-i18n"
import type { Route } from "./+types/login"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = translator(langFromMatches(matches))
  return [{ title: `${t("login.title")} · ${t("site.name")}` }]
}

export async function loader() {
  return Response.json(null, { headers: PRIVATE_HEADERS })
}

export async function action({ request }: Route.ActionArgs) {
  return loginAction(getStoreClient(), appSessions, request, getPickupApi())
}

export const headers: Route.HeadersFunction = routeHeaders

export default function LoginPage({ actionData }: Route.ComponentProps) {
  const t = useT()
  const [params] = useSearchParams()
  const navigation = useNavigation()
  const { errors, onBlur, onChange, onSubmit } = useFormHints(loginSchema, actionData?.errors)
  const redirectTo = params.get("redirectTo") ?? "/account"
  return (
    <section aria-labelledby="login-title" className="mx-auto max-w-sm">
      <h1 id="login-title" className="mb-4 text-xl font-bold">
        {t("login.title")}
      </h1>
      <Form method="post" noValidate onBlur={onBlur} onChange={onChange} onSubmit={onSubmit} className="space-y-4">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormField name="email" label={t("login.email")} type="email" autoComplete="email" defaultValue={actionData?.values?.email ?? ""} error={errors.email} required />
        <FormField name="password" label={t("login.password")} type="password" autoComplete="current-password" error={errors.password} required />
        <button
          type="submit"
          disabled={navigation.state === "submitting"}
          className="flex min-h-12 w-full items-center justify-center rounded-full bg-emerald-700 font-medium text-white hover:bg-emerald-800 disabled:opacity-70"
        >
          {t("login.submit")}
        </button>
      </Form>
      <p className="mt-4 text-sm">
        {t("login.noAccount")}{" "}
        <Link to={`/account/register?redirectTo=${encodeURIComponent(redirectTo)}`} className="text-emerald-800 underline underline-offset-2">
          {t("login.register")}
        </Link>
      </p>
    </section>
  )
}
