import { Form, Link, useNavigation, useSearchParams } from "react-router"
import { FormField } from "../components/form-field"
import { OneTimeCodeStep } from "../components/one-time-code-step"
import { loginSchema, maskMobile } from "../lib/forms"
import { langFromCookieHeader, translator } from "../lib/i18n"
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
  return loginAction(
    getStoreClient(),
    appSessions,
    request,
    getPickupApi(),
    langFromCookieHeader(request.headers.get("Cookie"))
  )
}

export const headers: Route.HeadersFunction = routeHeaders

const submitClass =
  "flex min-h-12 w-full items-center justify-center rounded-full bg-emerald-700 font-medium text-white hover:bg-emerald-800 disabled:opacity-70"

export default function LoginPage({ actionData }: Route.ComponentProps) {
  const t = useT()
  const [params] = useSearchParams()
  const navigation = useNavigation()
  const { errors, onBlur, onChange, onSubmit } = useFormHints(loginSchema, actionData?.errors)
  const redirectTo = params.get("redirectTo") ?? "/account"
  const submitting = navigation.state === "submitting"
  const mobile = actionData?.values?.mobile ?? ""
  // The code step: after a code was sent (or a wrong code, which may be typed again).
  const codeStep = Boolean(actionData?.codeSent && mobile)
  const phoneErrors = actionData?.errors ?? {}
  return (
    <section aria-labelledby="login-title" className="mx-auto max-w-sm space-y-8">
      <h1 id="login-title" className="text-xl font-bold">
        {t("login.title")}
      </h1>

      <section aria-labelledby="phone-login-title" className="space-y-3">
        <h2 id="phone-login-title" className="text-lg font-semibold">
          {t("login.phoneTitle")}
        </h2>
        {codeStep ? (
          <OneTimeCodeStep
            hidden={{ redirectTo, mobile }}
            sent={t("login.codeSent", { phone: maskMobile(mobile) })}
            label={t("login.code")}
            error={phoneErrors.code}
            errorParams={actionData?.params}
            intent="phone-sign-in"
            submitLabel={t("login.codeSubmit")}
            submitting={submitting}
            buttonClass={submitClass}
          />
        ) : (
          <p className="text-sm text-stone-600">{t("login.phoneHint")}</p>
        )}
        <Form method="post" noValidate className="space-y-4">
          <input type="hidden" name="redirectTo" value={redirectTo} />
          {codeStep ? (
            <>
              <input type="hidden" name="mobile" value={mobile} />
              <div className="flex flex-wrap gap-4 text-sm">
                <button
                  type="submit"
                  name="intent"
                  value="phone-code"
                  className="text-emerald-800 underline underline-offset-2"
                >
                  {t("login.resend")}
                </button>
                <Link
                  to={`/account/login?redirectTo=${encodeURIComponent(redirectTo)}`}
                  className="text-emerald-800 underline underline-offset-2"
                >
                  {t("login.changeMobile")}
                </Link>
              </div>
            </>
          ) : (
            <>
              <FormField
                name="mobile"
                label={t("login.mobile")}
                type="tel"
                inputMode="tel"
                autoComplete="tel-national"
                defaultValue={mobile}
                error={phoneErrors.mobile ?? (!codeStep ? phoneErrors.code : undefined)}
                errorParams={actionData?.params}
                required
              />
              <button type="submit" name="intent" value="phone-code" disabled={submitting} className={submitClass}>
                {t("login.sendCode")}
              </button>
            </>
          )}
        </Form>
      </section>

      <section aria-labelledby="email-login-title" className="space-y-3 border-t border-stone-200 pt-6">
        <h2 id="email-login-title" className="text-lg font-semibold">
          {t("login.emailTitle")}
        </h2>
        <Form method="post" noValidate onBlur={onBlur} onChange={onChange} onSubmit={onSubmit} className="space-y-4">
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <FormField
            name="email"
            label={t("login.email")}
            type="email"
            autoComplete="email"
            defaultValue={actionData?.values?.email ?? ""}
            error={errors.email}
            required
          />
          <FormField
            name="password"
            label={t("login.password")}
            type="password"
            autoComplete="current-password"
            error={errors.password}
            required
          />
          <button type="submit" disabled={submitting} className={submitClass}>
            {t("login.submit")}
          </button>
        </Form>
        <p className="text-sm">
          {t("login.noAccount")}{" "}
          <Link
            to={`/account/register?redirectTo=${encodeURIComponent(redirectTo)}`}
            className="text-emerald-800 underline underline-offset-2"
          >
            {t("login.register")}
          </Link>
        </p>
      </section>
    </section>
  )
}
