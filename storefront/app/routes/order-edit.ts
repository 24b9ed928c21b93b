import { redirect } from "react-router"
import { appSessions } from "../lib/server/app.server"
import { getStoreClient } from "../lib/server/medusa.server"
import { editOrderAction } from "../lib/server/orders.server"
import type { Route } from "./+types/order-edit"

/** Only a form post lands here (decision 024); a GET goes to the order. */
export async function loader({ params }: Route.LoaderArgs) {
  return redirect(`/orders/${encodeURIComponent(params.id)}`)
}

export async function action({ request, params }: Route.ActionArgs) {
  return editOrderAction(getStoreClient(), appSessions, request, params.id)
}
