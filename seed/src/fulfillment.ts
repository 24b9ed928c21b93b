import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import type { BaseSetup } from "./base"
import { CURRENCY_CODE, MANUAL_FULFILLMENT_PROVIDER_ID } from "./constants"
import { fenToAmount } from "./money"

/** A stock location from which residents collect at their compound's property office. */
export type PickupLocationSeed = {
  name: string
  address: {
    address_1: string
    city: string
    province: string
    postal_code?: string
    country_code: string
  }
  fulfillmentSetName: string
  serviceZoneName: string
  shippingOption: {
    name: string
    priceFen: number
    typeCode: string
    typeLabel: string
    typeDescription: string
  }
}

export type PickupSetup = {
  stockLocationId: string
  shippingProfileId: string
  fulfillmentSetId: string
  serviceZoneId: string
  shippingOptionId: string
}

type LocationGraph = {
  id: string
  sales_channels?: ({ id: string } | null)[]
  fulfillment_providers?: ({ id: string } | null)[]
  fulfillment_sets?: ({
    id: string
    name: string
    type: string
    service_zones?: ({ id: string; name: string } | null)[]
  } | null)[]
}

/** The default shipping profile; `medusa db:migrate` usually creates it, this covers a database where it did not. */
export async function ensureDefaultShippingProfile(container: MedusaContainer): Promise<string> {
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const [profile] = await fulfillmentModule.listShippingProfiles({ type: "default" }, { take: 1 })
  if (profile) {
    return profile.id
  }
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  return result[0].id
}

/**
 * A stock location in the sales channel, served by the manual provider, with a
 * "pickup" fulfillment set, a service zone for China and one free shipping
 * option. Each piece is looked up before it is created, so a run that stopped
 * half-way can be repeated.
 */
export async function ensurePickupLocation(
  container: MedusaContainer,
  base: BaseSetup,
  spec: PickupLocationSeed
): Promise<PickupSetup> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const stockLocationModule = container.resolve(Modules.STOCK_LOCATION)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)

  const shippingProfileId = await ensureDefaultShippingProfile(container)

  let [location] = await stockLocationModule.listStockLocations({ name: spec.name }, { take: 1 })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: spec.name, address: spec.address }] },
    })
    location = result[0]
    logger.info(`Seed: created stock location ${location.id} (${spec.name})`)
  }

  const readLocation = async (): Promise<LocationGraph> => {
    const { data } = await query.graph({
      entity: "stock_location",
      fields: [
        "id",
        "sales_channels.id",
        "fulfillment_providers.id",
        "fulfillment_sets.id",
        "fulfillment_sets.name",
        "fulfillment_sets.type",
        "fulfillment_sets.service_zones.id",
        "fulfillment_sets.service_zones.name",
      ],
      filters: { id: location.id },
    })
    return data[0] as LocationGraph
  }
  let graph = await readLocation()

  if (!(graph.sales_channels ?? []).some((sc) => sc?.id === base.salesChannelId)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [base.salesChannelId] },
    })
  }

  if (!(graph.fulfillment_providers ?? []).some((fp) => fp?.id === MANUAL_FULFILLMENT_PROVIDER_ID)) {
    await createLinksWorkflow(container).run({
      input: [
        {
          [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
          [Modules.FULFILLMENT]: { fulfillment_provider_id: MANUAL_FULFILLMENT_PROVIDER_ID },
        },
      ],
    })
  }

  const findSet = (g: LocationGraph) =>
    (g.fulfillment_sets ?? []).find((s) => s?.type === "pickup" && s.name === spec.fulfillmentSetName) ?? null
  if (!findSet(graph)) {
    await createLocationFulfillmentSetWorkflow(container).run({
      input: {
        location_id: location.id,
        fulfillment_set_data: { name: spec.fulfillmentSetName, type: "pickup" },
      },
    })
    graph = await readLocation()
  }
  const fulfillmentSet = findSet(graph)
  if (!fulfillmentSet) {
    throw new Error(`Fulfillment set "${spec.fulfillmentSetName}" was not created at ${location.id}`)
  }

  let serviceZoneId = (fulfillmentSet.service_zones ?? []).find((z) => z?.name === spec.serviceZoneName)?.id
  if (!serviceZoneId) {
    const { result } = await createServiceZonesWorkflow(container).run({
      input: {
        data: [
          {
            name: spec.serviceZoneName,
            fulfillment_set_id: fulfillmentSet.id,
            geo_zones: [{ type: "country", country_code: spec.address.country_code }],
          },
        ],
      },
    })
    serviceZoneId = result[0].id
  }

  let [option] = await fulfillmentModule.listShippingOptions(
    { name: spec.shippingOption.name, service_zone: { id: serviceZoneId } },
    { take: 1 }
  )
  if (!option) {
    const amount = fenToAmount(spec.shippingOption.priceFen)
    const { result } = await createShippingOptionsWorkflow(container).run({
      input: [
        {
          name: spec.shippingOption.name,
          price_type: "flat",
          provider_id: MANUAL_FULFILLMENT_PROVIDER_ID,
          service_zone_id: serviceZoneId,
          shipping_profile_id: shippingProfileId,
          type: {
            code: spec.shippingOption.typeCode,
            label: spec.shippingOption.typeLabel,
            description: spec.shippingOption.typeDescription,
          },
          prices: [
            { currency_code: CURRENCY_CODE, amount },
            { region_id: base.regionId, amount },
          ],
          rules: [
            { attribute: "enabled_in_store", operator: "eq", value: "true" },
            { attribute: "is_return", operator: "eq", value: "false" },
          ],
        },
      ],
    })
    option = result[0]
    logger.info(`Seed: created shipping option ${option.id} (${spec.shippingOption.name})`)
  }

  return {
    stockLocationId: location.id,
    shippingProfileId,
    fulfillmentSetId: fulfillmentSet.id,
    serviceZoneId,
    shippingOptionId: option.id,
  }
}
