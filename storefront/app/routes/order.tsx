import { Link } from "react-router"
import { OrderPickup } from "../components/order-pickup"
import { formatDateTime } from "../lib/commerce"
import { translator } from "../lib/i18n"
import { formatFen } from "../lib/money"
import { routeHeaders } from "../lib/route-headers"
import { appSessions, getPickupApi } from "../lib/server/app.server"
import { getStoreClient } from "../lib/server/medusa.server"
import { loadOrderPage, revealCodeAction } from "../lib/server/orders.server"
import { qrDataUrl } from "../lib/server/qr.server"
import { langFromMatches, useLang, useT } from "../lib/use-i18n"
import type { Route } from "./+types/order"
import { LineList } from "../components/line-list"
import { CancelOrder } from "../components/cancel-order"
import { OrderEditForm } from "../components/order-edit-form"
import { Notice } from "../components/form-field"
import { OrderHouseholds, OrderLineBatches } from "../components/order-line-batch"

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = translator(langFromMatches(matches))
  const number = loaderData?.order.number
  return [
    { title: `${t("confirm.orderNumber")} ${number ?? ""} · ${t("site.name")}` },
    { name: "robots", content: "noindex" },
  ]
}

export async function loader({ params, request }: Route.LoaderArgs) {
  return loadOrderPage(getStoreClient(), appSessions, getPickupApi(), request, params.id, qrDataUrl)
}

/** "Show my pickup code": a fresh code and its QR, in this answer only. */
export async function action({ params, request }: Route.ActionArgs) {
  return revealCodeAction(getStoreClient(), appSessions, getPickupApi(), request, params.id, qrDataUrl)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function OrderPage({ loaderData, actionData }: Route.ComponentProps) {
  const { order, trace, signedIn, canAct, notice, revealed } = loaderData
  const t = useT()
  const lang = useLang()
  return (
    <section aria-labelledby="order-title" className="mx-auto max-w-xl space-y-4">
      {notice ? <Notice>{t(notice)}</Notice> : null}
      <div className="rounded-xl bg-emerald-50 p-4 ring-1 ring-emerald-200">
        <h1 id="order-title" className="text-xl font-bold text-emerald-900">
          {order.status === "canceled" ? t("order.status.canceled") : t("confirm.title")}
        </h1>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-stone-700">{t("confirm.orderNumber")}</dt>
          <dd className="font-mono text-lg font-semibold">{order.number}</dd>
          <dt className="text-stone-700">{t("confirm.placedAt")}</dt>
          <dd>{formatDateTime(order.placedAt, lang)}</dd>
          <dt className="text-stone-700">{t("confirm.status")}</dt>
          <dd>{t(`order.status.${order.status}`)}</dd>
        </dl>
      </div>

      <section aria-labelledby="pickup-title" className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
        <h2 id="pickup-title" className="mb-2 text-base font-semibold">
          {t("checkout.pickup")}
        </h2>
        <OrderPickup
          order={order}
          canAct={canAct}
          revealed={actionData?.revealed ?? revealed ?? null}
          revealError={Boolean(actionData?.error)}
        />
        <p className="mt-3 text-sm font-medium">{t("confirm.pay", { total: formatFen(order.totalFen) })}</p>
        {canAct ? <OrderEditForm key={order.version ?? 0} order={order} /> : null}
        {canAct ? <CancelOrder order={order} returnTo="order" /> : null}
      </section>

      <section aria-labelledby="impact-title" className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
        <h2 id="impact-title" className="text-base font-semibold">
          {t("breakdown.title")}
        </h2>
        <OrderHouseholds households={trace?.households ?? null} />
      </section>

      <section aria-labelledby="items-title" className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
        <h2 id="items-title" className="text-base font-semibold">
          {t("checkout.items")}
        </h2>
        <LineList lines={order.lines} />
        <p className="mt-3 flex justify-between border-t border-stone-200 pt-2 font-semibold">
          <span>{t("checkout.total")}</span>
          <span>{formatFen(order.totalFen)}</span>
        </p>
      </section>

      <OrderLineBatches lines={order.lines} trace={trace} />

      {!signedIn ? (
        <section className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <p className="text-sm">{t("confirm.account")}</p>
          <Link
            to={`/account/register?redirectTo=/account`}
            className="mt-3 inline-flex min-h-11 items-center rounded-full bg-emerald-700 px-5 text-white hover:bg-emerald-800"
          >
            {t("confirm.register")}
          </Link>
        </section>
      ) : null}
      <p>
        <Link to="/" className="text-sm text-emerald-800 underline underline-offset-2">
          {t("confirm.continue")}
        </Link>
      </p>
    </section>
  )
}
