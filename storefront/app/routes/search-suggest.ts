import { getStoreClient } from "../lib/server/medusa.server"
import { loadSuggestions } from "../lib/server/search.server"
import type { Route } from "./+types/search-suggest"

/** GET /search/suggest?q= — JSON for the header's search box (components/search-box.tsx). */
export async function loader({ request }: Route.LoaderArgs) {
  return loadSuggestions(getStoreClient(), request)
}
