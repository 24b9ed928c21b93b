import { Link } from "react-router"
import { CartLineItem } from "../components/cart-line"
import { Notice } from "../components/form-field"
import { translator } from "../lib/i18n"
import { formatFen } from "../lib/money"
import { routeHeaders } from "../lib/route-headers"
import { appSessions, getPickupApi } from "../lib/server/app.server"
import { CompoundBanner, CycleCountdown, PointDetails } from "../components/pickup"
import { cartAction, loadCartPage } from "../lib/server/cart.server"
import { getStoreClient } from "../lib/server/medusa.server"
import { langFromMatches, useT } from "../lib/use-i18n"
import type { Route } from "./+types/cart"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = translator(langFromMatches(matches))
  return [{ title: `${t("cart.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return loadCartPage(getStoreClient(), appSessions, request, getPickupApi())
}

export async function action({ request }: Route.ActionArgs) {
  return cartAction(getStoreClient(), appSessions, request)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function CartPage({ loaderData, actionData }: Route.ComponentProps) {
  const { cart, compound, now, notice } = loaderData
  const t = useT()
  const failed = actionData && !actionData.ok ? actionData : undefined
  return (
    <section aria-labelledby="cart-title" className="mx-auto max-w-xl">
      <h1 id="cart-title" className="mb-3 text-xl font-bold">
        {t("cart.title")}
      </h1>
      {notice && !failed ? <Notice>{t(notice)}</Notice> : null}
      {!cart || cart.lines.length === 0 ? (
        <div className="rounded-xl bg-white p-6 text-center ring-1 ring-stone-200">
          <p className="text-stone-600">{t("cart.empty")}</p>
          <Link to="/" className="mt-3 inline-flex min-h-11 items-center rounded-full bg-emerald-700 px-5 text-white">
            {t("cart.browse")}
          </Link>
        </div>
      ) : (
        <>
          <ul className="divide-y divide-stone-200 rounded-xl bg-white px-3 ring-1 ring-stone-200">
            {cart.lines.map((line) => (
              <CartLineItem key={line.id} line={line} errors={failed?.lineId === line.id ? failed.errors : undefined} />
            ))}
          </ul>
          <p className="mt-4 flex items-baseline justify-between text-lg">
            <span>{t("cart.subtotal")}</span>
            <span className="font-bold text-red-700">{formatFen(cart.totalFen)}</span>
          </p>
          <p className="mt-1 text-xs text-stone-600">{t("cart.pickupNote")}</p>
          <section
            aria-labelledby="cart-pickup-title"
            className="mt-3 space-y-2 rounded-xl bg-white p-3 ring-1 ring-stone-200"
          >
            <h2 id="cart-pickup-title" className="text-base font-semibold">
              {t("checkout.pickup")}
            </h2>
            <CompoundBanner point={compound.point} />
            {compound.point ? <PointDetails point={compound.point} /> : null}
            {compound.cycles.length ? (
              <CycleCountdown cycles={compound.cycles} closedIds={compound.closedCycleIds} now={now} />
            ) : null}
          </section>
          <Link
            to="/checkout"
            className="mt-4 flex min-h-12 items-center justify-center rounded-full bg-emerald-700 font-medium text-white hover:bg-emerald-800"
          >
            {t("cart.checkout")}
          </Link>
        </>
      )}
    </section>
  )
}
