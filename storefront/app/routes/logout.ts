import { redirect } from "react-router"
import { appSessions } from "../lib/server/app.server"
import { logoutAction } from "../lib/server/auth.server"
import type { Route } from "./+types/logout"

export async function loader() {
  return redirect("/account")
}

export async function action({ request }: Route.ActionArgs) {
  return logoutAction(appSessions, request)
}
