import type { MedusaContainer } from "@medusajs/framework/types"
import type { BaseSetup } from "../base"
import { DEMO_ADMIN, DEMO_CATALOG, DEMO_HISTORY, DEMO_STOCK_LOCATION } from "../data/demo"
import { applyScenario } from "./apply"

/** Four villages, eight households, 24 products, one pickup option, an admin user and twelve past orders in the ledger. */
export async function demoScenario(container: MedusaContainer, base: BaseSetup): Promise<void> {
  await applyScenario(container, base, {
    name: "demo",
    catalog: DEMO_CATALOG,
    stockLocation: DEMO_STOCK_LOCATION,
    admin: DEMO_ADMIN,
    history: DEMO_HISTORY,
  })
}
