import type { LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type PgReader, provideSearchPg } from "../../../search/sold-counts"

/** Leaves the shared PostgreSQL connection where the product index's seed finds it (sold counts). */
export default async function searchPgLoader({ container }: LoaderOptions) {
  const pg = container.resolve<PgReader>(ContainerRegistrationKeys.PG_CONNECTION, { allowUnregistered: true })
  if (pg) provideSearchPg(pg)
}
