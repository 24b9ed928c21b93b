import type { MedusaContainer } from "@medusajs/framework/types"
import type { BaseSetup } from "../base"
import {
  DEMO_ADMIN,
  DEMO_CATALOG,
  DEMO_HISTORY,
  DEMO_OFFICE_LISTINGS,
  DEMO_PICKUP_NETWORK,
  DEMO_STOCK_LOCATION,
} from "../data/demo"
import { applyScenario } from "./apply"

/**
 * Four villages, eight households, 24 products, three property offices in two cities with staff, an admin user, two
 * products the offices listed for households (with harvest batch and 合格证) and twelve past orders in the ledger.
 */
export async function demoScenario(container: MedusaContainer, base: BaseSetup, now = new Date()): Promise<void> {
  await applyScenario(
    container,
    base,
    {
      name: "demo",
      catalog: DEMO_CATALOG,
      stockLocation: DEMO_STOCK_LOCATION,
      admin: DEMO_ADMIN,
      history: DEMO_HISTORY,
      pickupNetwork: DEMO_PICKUP_NETWORK,
      officeListings: DEMO_OFFICE_LISTINGS,
    },
    now
  )
}
