import type { MedusaContainer } from "@medusajs/framework/types"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type PickupModuleService from "../../../modules/pickup/service"

export const pickupService = (container: { resolve: MedusaContainer["resolve"] }) =>
  container.resolve(PICKUP_MODULE) as PickupModuleService

export type Query = { graph: (args: Record<string, unknown>) => Promise<{ data: any[] }> }
