import type { MedusaContainer } from "@medusajs/framework/types"
import type { BaseSetup } from "../base"
import { E2E_ADMIN, E2E_CATALOG, E2E_STOCK_LOCATION } from "../data/e2e"
import { applyScenario } from "./apply"
import { E2E } from "./e2e-fixtures"

/** Small and fixed: the handles, prices and stock in e2e-fixtures.ts. */
export async function e2eScenario(container: MedusaContainer, base: BaseSetup, now = new Date()): Promise<void> {
  await applyScenario(
    container,
    base,
    {
      name: "e2e",
      catalog: E2E_CATALOG,
      stockLocation: E2E_STOCK_LOCATION,
      admin: E2E_ADMIN,
      pickupNetwork: [E2E.pickup, E2E.pickupB],
    },
    now
  )
}
