import { Form, Link, useNavigation } from "react-router"
import { FormField, Notice } from "../components/form-field"
import { OrderPickup } from "../components/order-pickup"
import { CancelOrder } from "../components/cancel-order"
import { formatDateTime, type OrderView } from "../lib/commerce"
import { langFromCookieHeader, translator } from "../lib/i18n"
import { formatFen } from "../lib/money"
import { routeHeaders } from "../lib/route-headers"
import { appSessions, getPickupApi } from "../lib/server/app.server"
import { getStoreClient } from "../lib/server/medusa.server"
import { claimAction } from "../lib/server/claim.server"
import { loadAccountPage } from "../lib/server/orders.server"
import { langFromMatches, useLang, useT } from "../lib/use-i18n"
import type { Route } from "./+types/account"
import { OneTimeCodeStep } from "../components/one-time-code-step"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = translator(langFromMatches(matches))
  return [{ title: `${t("account.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return loadAccountPage(getStoreClient(), appSessions, getPickupApi(), request)
}

export async function action({ request }: Route.ActionArgs) {
  return claimAction(getStoreClient(), appSessions, request, langFromCookieHeader(request.headers.get("Cookie")))
}

export const headers: Route.HeadersFunction = routeHeaders

export default function AccountPage({ loaderData, actionData }: Route.ComponentProps) {
  const { customer, orders, deviceOrders, notice } = loaderData
  const t = useT()
  return (
    <section aria-labelledby="account-title" className="mx-auto max-w-xl space-y-5">
      <div className="flex items-center justify-between gap-3">
        <h1 id="account-title" className="text-xl font-bold">
          {customer?.name ? t("account.hello", { name: customer.name }) : t("account.title")}
        </h1>
        <Form method="post" action="/account/logout">
          <button
            type="submit"
            className="min-h-11 rounded-full border border-stone-300 px-4 text-sm hover:bg-stone-100"
          >
            {t("account.logout")}
          </button>
        </Form>
      </div>
      {notice ? <Notice>{t(notice)}</Notice> : null}
      <section aria-labelledby="orders-title">
        <h2 id="orders-title" className="mb-2 text-lg font-semibold">
          {t("account.orders")}
        </h2>
        {orders.length === 0 ? (
          <p className="text-sm text-stone-600">{t("account.ordersEmpty")}</p>
        ) : (
          <OrderList orders={orders} cancellable />
        )}
      </section>
      {deviceOrders.length > 0 ? (
        <section aria-labelledby="device-orders-title">
          <h2 id="device-orders-title" className="text-lg font-semibold">
            {t("account.deviceOrders")}
          </h2>
          <p className="mb-2 text-xs text-stone-600">{t("account.deviceOrdersHint")}</p>
          <OrderList orders={deviceOrders} cancellable />
        </section>
      ) : null}
      <ClaimOrders data={actionData} />
    </section>
  )
}

/** 找回其他设备上的订单: the contact, then the code sent to it (two form posts; no JavaScript needed). */
function ClaimOrders({ data }: { data: Route.ComponentProps["actionData"] }) {
  const t = useT()
  const navigation = useNavigation()
  const errors = data?.errors ?? {}
  const contact = data?.values?.contact ?? ""
  const codeStep = Boolean(data?.codeSent && contact)
  const button =
    "min-h-11 rounded-full bg-emerald-700 px-5 font-medium text-white hover:bg-emerald-800 disabled:opacity-70"
  return (
    <section aria-labelledby="claim-title" className="space-y-3 border-t border-stone-200 pt-5">
      <h2 id="claim-title" className="text-lg font-semibold">
        {t("claim.title")}
      </h2>
      {codeStep ? (
        <OneTimeCodeStep
          hidden={{ contact }}
          sent={t("claim.sent", { contact: data?.values?.masked ?? contact })}
          label={t("claim.code")}
          error={errors.code}
          errorParams={data?.params}
          intent="claim-contact"
          submitLabel={t("claim.submit")}
          submitting={navigation.state === "submitting"}
          buttonClass={button}
        >
          <Link to="/account" className="text-sm text-emerald-800 underline underline-offset-2">
            {t("claim.other")}
          </Link>
        </OneTimeCodeStep>
      ) : (
        <Form method="post" noValidate className="space-y-3">
          <p className="text-sm text-stone-600">{t("claim.hint")}</p>
          <FormField
            name="contact"
            label={t("claim.contact")}
            autoComplete="tel-national"
            defaultValue={contact}
            error={errors.contact ?? errors.code}
            errorParams={data?.params}
            required
          />
          <button
            type="submit"
            name="intent"
            value="claim-code"
            disabled={navigation.state === "submitting"}
            className={button}
          >
            {t("claim.send")}
          </button>
        </Form>
      )}
    </section>
  )
}

function OrderList({ orders, cancellable }: { orders: OrderView[]; cancellable: boolean }) {
  const t = useT()
  const lang = useLang()
  return (
    <ul className="space-y-3">
      {orders.map((order) => (
        <li key={order.id}>
          <article aria-labelledby={`order-${order.id}`} className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
            <div className="flex items-baseline justify-between gap-2">
              <h3 id={`order-${order.id}`} className="font-semibold">
                <Link to={`/orders/${order.id}`} className="underline-offset-2 hover:underline">
                  {t("confirm.orderNumber")} {order.number}
                </Link>
              </h3>
              <span className="rounded bg-stone-100 px-2 py-0.5 text-xs">{t(`order.status.${order.status}`)}</span>
            </div>
            <p className="mt-1 text-sm text-stone-700">
              {formatDateTime(order.placedAt, lang)} ·{" "}
              {t("account.items", { count: order.lines.reduce((n, l) => n + l.quantity, 0) })} ·{" "}
              {formatFen(order.totalFen)}
            </p>
            <p className="mt-1 text-sm text-stone-700">{order.lines.map((l) => l.title).join("、")}</p>
            {order.status === "placed" || order.status === "ready" ? (
              <div className="mt-3">
                <OrderPickup order={order} canAct />
              </div>
            ) : null}
            {cancellable ? <CancelOrder order={order} returnTo="account" /> : null}
          </article>
        </li>
      ))}
    </ul>
  )
}
