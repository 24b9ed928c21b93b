import type { MedusaContainer, RemoteQueryFunction } from "@medusajs/framework/types"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type PickupModuleService from "../../../modules/pickup/service"

export const pickupService = (container: { resolve: MedusaContainer["resolve"] }) =>
  container.resolve(PICKUP_MODULE) as PickupModuleService

/** Medusa's query, as `container.resolve(ContainerRegistrationKeys.QUERY)` gives it. */
export type Query = Omit<RemoteQueryFunction, symbol>

/**
 * A list for a `model.json()` column (shortage allocations, handover lines): Medusa's DML types every json column as
 * an object (Record<string, unknown>), while the jsonb column holds any JSON value, arrays included.
 */
export const jsonList = <T>(items: T[]) => items as unknown as Record<string, unknown>
