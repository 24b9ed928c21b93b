import { officeDeps } from "../../lib/server/office/context.server"
import { csvLoader } from "../../lib/server/office/pickups.server"
import type { Route } from "./+types/csv"

/** A resource route: the backend's CSV with the staff token, as a download. */
export async function loader({ request, params }: Route.LoaderArgs) {
  return csvLoader(officeDeps(), request, params.id)
}
