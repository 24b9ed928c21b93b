import type { MedusaContainer } from "@medusajs/framework/types"
import { drainSearchOutbox } from "../workflows/search/drain-search-outbox"

/** Every minute on the worker: applies search outbox rows that are due (changes made while Meilisearch was down). */
export default async function searchOutboxDrain(container: MedusaContainer) {
  await drainSearchOutbox(container)
}

export const config = { name: "search-outbox-drain", schedule: "* * * * *" }
