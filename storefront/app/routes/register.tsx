import { Form, Link, useNavigation, useSearchParams } from "react-router"
import { FormField } from "../components/form-field"
import { registerSchema } from "../lib/forms"
import { translator } from "../lib/i18n"
import { routeHeaders } from "../lib/route-headers"
import { appSessions, getPickupApi } from "../lib/server/app.server"
import { registerAction } from "../lib/server/auth.server"
import { PRIVATE_HEADERS } from "../lib/server/http.server"
import { getStoreClient } from "../lib/server/medusa.server"
import { useFormHints } from "../lib/use-form-hints"
import { langFromMatches, useT } from "../lib/use-i18n"
import type { Route } from "./+types/register"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = translator(langFromMatches(matches))
  return [{ title: `${t("register.title")} · ${t("site.name")}` }]
}

export async function loader() {
  return Response.json(null, { headers: PRIVATE_HEADERS })
}

export async function action({ request }: Route.ActionArgs) {
  return registerAction(getStoreClient(), appSessions, request, getPickupApi())
}

export const headers: Route.HeadersFunction = routeHeaders

export default function RegisterPage({ actionData }: Route.ComponentProps) {
  const t = useT()
  const [params] = useSearchParams()
  const navigation = useNavigation()
  const { errors, onBlur, onChange, onSubmit } = useFormHints(registerSchema, actionData?.errors)
  const redirectTo = params.get("redirectTo") ?? "/account"
  const values = actionData?.values
  return (
    <section aria-labelledby="register-title" className="mx-auto max-w-sm">
      <h1 id="register-title" className="mb-4 text-xl font-bold">
        {t("register.title")}
      </h1>
      <Form method="post" noValidate onBlur={onBlur} onChange={onChange} onSubmit={onSubmit} className="space-y-4">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormField
          name="name"
          label={t("register.name")}
          autoComplete="nickname"
          maxLength={40}
          defaultValue={values?.name ?? ""}
          error={errors.name}
          required
        />
        <FormField
          name="email"
          label={t("login.email")}
          type="email"
          autoComplete="email"
          defaultValue={values?.email ?? ""}
          error={errors.email}
          required
        />
        <FormField
          name="password"
          label={t("login.password")}
          type="password"
          autoComplete="new-password"
          hint={t("register.passwordHint")}
          error={errors.password}
          required
        />
        <button
          type="submit"
          disabled={navigation.state === "submitting"}
          className="flex min-h-12 w-full items-center justify-center rounded-full bg-emerald-700 font-medium text-white hover:bg-emerald-800 disabled:opacity-70"
        >
          {t("register.submit")}
        </button>
      </Form>
      <p className="mt-4 text-sm">
        {t("register.haveAccount")}{" "}
        <Link
          to={`/account/login?redirectTo=${encodeURIComponent(redirectTo)}`}
          className="text-emerald-800 underline underline-offset-2"
        >
          {t("login.title")}
        </Link>
      </p>
    </section>
  )
}
