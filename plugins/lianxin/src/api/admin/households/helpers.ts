import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** Reads one record of our module through query.graph; 404 when it does not exist. */
export async function refetchOne(
  scope: MedusaContainer,
  entity: "village" | "cooperative" | "household",
  id: string,
  fields: string[]
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields, filters: { id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${entity} ${id} was not found`)
  }
  return data[0]
}

/** Responses with registry data must not be kept by any cache or browser history. */
export function noStore(res: { setHeader(name: string, value: string): unknown }) {
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("Pragma", "no-cache")
}
