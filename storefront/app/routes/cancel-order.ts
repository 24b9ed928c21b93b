import { redirect } from "react-router"
import { appSessions } from "../lib/server/app.server"
import { getStoreClient } from "../lib/server/medusa.server"
import { cancelOrderAction } from "../lib/server/orders.server"
import type { Route } from "./+types/cancel-order"

export async function loader() {
  return redirect("/account")
}

export async function action({ request, params }: Route.ActionArgs) {
  return cancelOrderAction(getStoreClient(), appSessions, request, params.id)
}
