import { Form, useSearchParams } from "react-router"
import { SubmitButton } from "../../components/office/submit-button"
import { officeTranslator } from "../../lib/office/i18n"
import { routeHeaders } from "../../lib/route-headers"
import { choosePointAction, pointsLoader } from "../../lib/server/office/auth.server"
import { officeDeps } from "../../lib/server/office/context.server"
import { langFromMatches, useT } from "../../lib/use-i18n"
import type { Route } from "./+types/points"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = officeTranslator(langFromMatches(matches))
  return [{ title: `${t("office.point.choose")} · ${t("office.name")}` }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return pointsLoader(officeDeps(), request)
}

export async function action({ request }: Route.ActionArgs) {
  return choosePointAction(officeDeps(), request)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function PointsPage({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const [params] = useSearchParams()
  return (
    <section aria-labelledby="points-title">
      <h1 id="points-title" className="text-xl font-bold">
        {t("office.point.choose")}
      </h1>
      <p className="mt-1 text-sm text-stone-600">{t("office.point.chooseIntro")}</p>
      <ul className="mt-4 space-y-3">
        {loaderData.points.map((point) => (
          <li key={point.id} className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
            <Form method="post" className="flex flex-wrap items-center justify-between gap-3">
              <input type="hidden" name="pointId" value={point.id} />
              <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/office"} />
              <div>
                <p className="font-medium">{point.compoundName}</p>
                <p className="text-sm text-stone-600">
                  {point.name} · {point.code}
                </p>
              </div>
              <SubmitButton aria-label={`${t("office.point.use")}：${point.compoundName}`}>
                {t("office.point.use")}
              </SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  )
}
