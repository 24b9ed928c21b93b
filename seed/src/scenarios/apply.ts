import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ensureAdminUser, type AdminUserSeed } from "../admin-user"
import type { BaseSetup } from "../base"
import { ensureCatalog } from "../catalog"
import type { Catalog } from "../data/types"
import { ensurePickupLocation, type PickupLocationSeed } from "../fulfillment"
import { ensureHistory, type HistorySeed } from "../history"
import type { OfficeListingSeed } from "../data/listings"
import { ensureOfficeListings } from "../office-listings"
import { ensurePickupNetwork, type PickupNetworkSeed } from "../pickup-network"
import { ensureProducers } from "../producers"

export type ScenarioSpec = {
  name: string
  catalog: Catalog
  stockLocation: PickupLocationSeed
  admin: AdminUserSeed
  /** Property offices, pickup points and their staff. */
  pickupNetwork: PickupNetworkSeed
  /** Produce the offices listed for households, with harvest batches, approved (demo only). */
  officeListings?: OfficeListingSeed[]
  /** Past orders through the ledger (demo only). */
  history?: HistorySeed
}

/** What every scenario does, in order, as of `now`: where goods leave from, what is sold, who administers it. */
export async function applyScenario(
  container: MedusaContainer,
  base: BaseSetup,
  spec: ScenarioSpec,
  now: Date = new Date()
): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  const pickup = await ensurePickupLocation(container, base, spec.stockLocation)
  const { createdProducts } = await ensureCatalog(container, spec.catalog, {
    salesChannelId: base.salesChannelId,
    shippingProfileId: pickup.shippingProfileId,
    stockLocationId: pickup.stockLocationId,
  })
  await ensureProducers(container, spec.catalog)
  const pointIds = await ensurePickupNetwork(container, spec.pickupNetwork, now)
  await ensureAdminUser(container, spec.admin)
  if (spec.officeListings) {
    await ensureOfficeListings(container, base, pickup, spec.officeListings, spec.admin.email, now)
  }
  if (spec.history) {
    await ensureHistory(container, base, spec.history, [...pointIds.values()], now)
  }
  logger.info(
    `Seed: scenario "${spec.name}" applied in ${Date.now() - started} ms ` +
      `(${createdProducts} products, stock location ${pickup.stockLocationId}, shipping option ${pickup.shippingOptionId})`
  )
}
