import { Form, Link, useSubmit } from "react-router"
import { FormAlert, FormField } from "../../components/form-field"
import { QrReader } from "../../components/office/qr-reader"
import { SubmitButton } from "../../components/office/submit-button"
import { officeTranslator } from "../../lib/office/i18n"
import { formatFen } from "../../lib/money"
import { orderStatusKey } from "../../lib/office/format"
import { handoverLines, handoverSchema, lookupSchema, proofFromScan } from "../../lib/office/schemas"
import { routeHeaders } from "../../lib/route-headers"
import { officeDeps } from "../../lib/server/office/context.server"
import { handoverAction, handoverLoader, type PickupView } from "../../lib/server/office/pickups.server"
import { useFormHints } from "../../lib/use-form-hints"
import { langFromMatches, useT } from "../../lib/use-i18n"
import type { Route } from "./+types/handover"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = officeTranslator(langFromMatches(matches))
  return [{ title: `${t("office.handover.title")} · ${t("office.name")}` }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return handoverLoader(officeDeps(), request)
}

export async function action({ request }: Route.ActionArgs) {
  return handoverAction(officeDeps(), request)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function HandoverPage({ actionData }: Route.ComponentProps) {
  const t = useT()
  return (
    <section aria-labelledby="handover-title" className="space-y-4">
      <h1 id="handover-title" className="text-xl font-bold">
        {t("office.handover.title")}
      </h1>
      {actionData?.step === "confirm" ? (
        <Confirm data={actionData} />
      ) : actionData?.step === "done" ? (
        <div role="status" className="space-y-3 rounded-xl bg-emerald-50 p-4 ring-1 ring-emerald-200">
          <p className="text-lg font-semibold text-emerald-900">
            {t("office.handover.done", {
              kind: t(actionData.kind === "partial" ? "office.handover.partial" : "office.handover.full"),
              amount: formatFen(actionData.amountToCollectFen),
            })}
          </p>
          <p className="text-sm">
            {t("office.handover.bag")} {actionData.pickup.bagNumber ?? "—"} · {actionData.pickup.resident}
          </p>
          <Link
            to="/office/handover"
            className="inline-flex min-h-12 items-center rounded-xl bg-emerald-700 px-5 font-medium text-white"
          >
            {t("office.handover.cancel")}
          </Link>
        </div>
      ) : (
        <Lookup data={actionData?.step === "lookup" ? actionData : undefined} />
      )}
    </section>
  )
}

type Problem = { key: Parameters<ReturnType<typeof useT>>[0]; params?: Record<string, string> } | undefined

function ProblemAlert({ problem }: { problem: Problem }) {
  const t = useT()
  return problem ? <FormAlert>{t(problem.key, problem.params)}</FormAlert> : null
}

function Lookup({
  data,
}: {
  data?: { errors: Record<string, never> | object; values?: Record<string, string>; problem?: Problem }
}) {
  const t = useT()
  const submit = useSubmit()
  const { errors, onBlur, onChange, onSubmit } = useFormHints(lookupSchema, (data?.errors ?? undefined) as never)
  return (
    <>
      <p className="text-sm text-stone-600">{t("office.handover.intro")}</p>
      <ProblemAlert problem={data?.problem} />
      <Form
        method="post"
        noValidate
        onBlur={onBlur}
        onChange={onChange}
        onSubmit={onSubmit}
        className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200"
      >
        <input type="hidden" name="intent" value="lookup" />
        <FormField
          name="code"
          label={t("office.handover.code")}
          hint={t("office.handover.codeHint")}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          defaultValue={data?.values?.code ?? ""}
          error={errors.code}
          className="[&_input]:text-2xl [&_input]:tracking-widest"
        />
        <SubmitButton className="sm:w-full">{t("office.handover.find")}</SubmitButton>
      </Form>
      <QrReader onRead={(text) => submit({ intent: "lookup", ...proofFromScan(text) }, { method: "post" })} />
    </>
  )
}

function Confirm({
  data,
}: {
  data: {
    pickup: PickupView
    proof: { code: string } | { token: string }
    errors: object
    values?: Record<string, string>
    problem?: Problem
  }
}) {
  const t = useT()
  const { pickup, proof } = data
  const lines = handoverLines(pickup)
  const { errors, onBlur, onChange, onSubmit } = useFormHints(handoverSchema(lines), data.errors as never)
  const canHandOver = pickup.status === "ready"
  return (
    <div className="space-y-3">
      <ProblemAlert problem={data.problem} />
      <article aria-labelledby="pickup-title" className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
        <h2 id="pickup-title" className="text-lg font-semibold">
          {t("office.handover.bag")} <span className="text-3xl">{pickup.bagNumber ?? "—"}</span>
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
          <div>
            <dt className="text-stone-600">{t("office.handover.resident")}</dt>
            <dd className="font-medium">
              {pickup.resident} · {t("office.handover.phone", { last4: pickup.phoneLast4 })}
            </dd>
          </div>
          <div>
            <dt className="text-stone-600">{t("office.col.status")}</dt>
            <dd className="font-medium">{t(orderStatusKey(pickup.status))}</dd>
          </div>
          <div className="col-span-2">
            <dt className="text-stone-600">{t("office.handover.toCollect")}</dt>
            <dd className="text-2xl font-bold text-emerald-900">{formatFen(pickup.amountToCollectFen)}</dd>
          </div>
        </dl>
      </article>
      {pickup.status === "collected" ? <FormAlert>{t("office.handover.collected")}</FormAlert> : null}
      {pickup.status === "placed" ? <FormAlert>{t("office.handover.notReady")}</FormAlert> : null}
      {canHandOver ? (
        <Form
          method="post"
          noValidate
          onBlur={onBlur}
          onChange={onChange}
          onSubmit={onSubmit}
          className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200"
        >
          <input type="hidden" name="intent" value="handover" />
          <input type="hidden" name="assignmentId" value={pickup.id} />
          {"token" in proof ? (
            <input type="hidden" name="token" value={proof.token} />
          ) : (
            <input type="hidden" name="code" value={proof.code} />
          )}
          <h3 className="font-semibold">{t("office.handover.lines")}</h3>
          <ul className="divide-y divide-stone-100">
            {pickup.lines.map((line) => {
              const take = `take_${line.lineItemId}`
              const reason = `reason_${line.lineItemId}`
              const error = errors[take]
              return (
                <li key={line.lineItemId} className="space-y-2 py-3">
                  <p className="font-medium">
                    {line.title}{" "}
                    <span className="text-sm font-normal text-stone-600">
                      {t("office.handover.ordered", { count: line.quantity })}
                    </span>
                    {line.shortQuantity ? (
                      <span className="ml-2 text-sm text-red-800">
                        {t("office.handover.shortOf", { count: line.shortQuantity })}
                      </span>
                    ) : null}
                  </p>
                  <div className="grid grid-cols-2 gap-2">
                    <div>
                      <label htmlFor={take} className="block text-xs text-stone-700">
                        {t("office.handover.take", { title: line.title })}
                      </label>
                      <input
                        id={take}
                        name={take}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={line.available}
                        defaultValue={data.values?.[take] ?? String(line.available)}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${take}-error` : undefined}
                        className={`mt-1 block min-h-12 w-full rounded-lg border px-3 text-lg ${error ? "border-red-600" : "border-stone-300"}`}
                      />
                      {error ? (
                        <p id={`${take}-error`} className="mt-1 text-sm text-red-700">
                          {t(error)}
                        </p>
                      ) : null}
                    </div>
                    <div>
                      <label htmlFor={reason} className="block text-xs text-stone-700">
                        {t("office.handover.reason", { title: line.title })}
                      </label>
                      <select
                        id={reason}
                        name={reason}
                        defaultValue={data.values?.[reason] ?? ""}
                        className="mt-1 block min-h-12 w-full rounded-lg border border-stone-300 bg-white px-2"
                      >
                        <option value="">{t("office.handover.reasonNone")}</option>
                        <option value="declined">{t("office.handover.reasonDeclined")}</option>
                        <option value="damaged">{t("office.handover.reasonDamaged")}</option>
                      </select>
                    </div>
                  </div>
                </li>
              )
            })}
          </ul>
          <FormField
            name="proxyName"
            label={t("office.handover.proxy")}
            autoComplete="off"
            defaultValue={data.values?.proxyName ?? ""}
            error={(errors as Record<string, never>).proxyName}
          />
          <SubmitButton className="sm:w-full">{t("office.handover.confirm")}</SubmitButton>
        </Form>
      ) : null}
      <Link
        to="/office/handover"
        className="inline-flex min-h-12 items-center rounded-xl border border-stone-300 bg-white px-5 text-stone-800"
      >
        {t("office.handover.cancel")}
      </Link>
    </div>
  )
}
