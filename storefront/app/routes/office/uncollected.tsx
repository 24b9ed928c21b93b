import { Form } from "react-router"
import { Notice } from "../../components/form-field"
import { SubmitButton } from "../../components/office/submit-button"
import { officeTranslator } from "../../lib/office/i18n"
import { shanghaiDateTime } from "../../lib/office/format"
import { POLICIES } from "../../lib/office/schemas"
import { routeHeaders } from "../../lib/route-headers"
import { officeDeps } from "../../lib/server/office/context.server"
import { disposalAction, uncollectedLoader } from "../../lib/server/office/pickups.server"
import { langFromMatches, useLang, useT } from "../../lib/use-i18n"
import type { Route } from "./+types/uncollected"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = officeTranslator(langFromMatches(matches))
  return [{ title: `${t("office.uncollected.title")} · ${t("office.name")}` }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return uncollectedLoader(officeDeps(), request)
}

export async function action({ request }: Route.ActionArgs) {
  return disposalAction(officeDeps(), request)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function UncollectedPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const { rows, notice } = loaderData
  return (
    <section aria-labelledby="uncollected-title" className="space-y-4">
      <h1 id="uncollected-title" className="text-xl font-bold">
        {t("office.uncollected.title")}
      </h1>
      {notice ? <Notice>{t("office.uncollected.done")}</Notice> : null}
      {rows.length === 0 ? <p className="text-stone-600">{t("office.uncollected.none")}</p> : null}
      <ul className="space-y-3">
        {rows.map((row) => (
          <li key={row.id} className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
            <p className="font-semibold">
              {t("office.handover.bag")} {row.bagNumber ?? "—"} · {row.maskedName} ·{" "}
              {t("office.handover.phone", { last4: row.phoneLast4 })}
            </p>
            <p className="text-sm text-stone-600">
              {row.displayId ? `#${row.displayId} · ` : ""}
              {t("office.uncollected.holdUntil", { time: shanghaiDateTime(row.holdExpiresAt, lang) })}
            </p>
            {row.disposal ? (
              <p className="mt-2 text-sm text-emerald-900">
                {t("office.uncollected.disposal", {
                  policy: POLICIES.includes(row.disposal as never)
                    ? t(`office.policy.${row.disposal as (typeof POLICIES)[number]}`)
                    : row.disposal,
                })}
              </p>
            ) : (
              <Form method="post" className="mt-3 space-y-2">
                <input type="hidden" name="assignmentId" value={row.id} />
                <div>
                  <label htmlFor={`policy-${row.id}`} className="block text-sm text-stone-700">
                    {t("office.uncollected.policy")}
                  </label>
                  <select
                    id={`policy-${row.id}`}
                    name="policy"
                    defaultValue={row.policy ?? "donate"}
                    className="mt-1 block min-h-12 w-full rounded-lg border border-stone-300 bg-white px-2"
                  >
                    {POLICIES.map((policy) => (
                      <option key={policy} value={policy}>
                        {t(`office.policy.${policy}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor={`note-${row.id}`} className="block text-sm text-stone-700">
                    {t("office.uncollected.note")}
                  </label>
                  <input
                    id={`note-${row.id}`}
                    name="note"
                    maxLength={200}
                    className="mt-1 block min-h-12 w-full rounded-lg border border-stone-300 px-3"
                  />
                </div>
                <SubmitButton>{t("office.uncollected.apply")}</SubmitButton>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {actionData && !actionData.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {t("form.invalid")}
        </p>
      ) : null}
    </section>
  )
}
