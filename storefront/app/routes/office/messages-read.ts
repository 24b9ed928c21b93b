import { redirect } from "react-router"
import { officeDeps } from "../../lib/server/office/context.server"
import { officeMarkReadAction } from "../../lib/server/office/messages.server"
import type { Route } from "./+types/messages-read"

export async function loader() {
  return redirect("/office", { status: 303 })
}

export async function action({ request }: Route.ActionArgs) {
  return officeMarkReadAction(officeDeps(), request)
}
