import { redirect } from "react-router"
import { officeLogoutAction } from "../../lib/server/office/auth.server"
import { officeDeps } from "../../lib/server/office/context.server"
import type { Route } from "./+types/logout"

export async function loader() {
  return redirect("/office", { status: 303 })
}

export async function action({ request }: Route.ActionArgs) {
  return officeLogoutAction(officeDeps(), request)
}
