import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
  updateTaxRegionsWorkflow,
} from "@medusajs/medusa/core-flows"

import {
  CURRENCY_CODE,
  PUBLISHABLE_KEY_TITLE,
  REGION_NAME,
  SALES_CHANNEL_NAME,
  SEED_MARKER,
  STORE_NAME,
  TAX_PROVIDER_ID,
} from "./constants"

export { PUBLISHABLE_KEY_TITLE, REGION_NAME, SALES_CHANNEL_NAME, SEED_MARKER, STORE_NAME } from "./constants"

export type BaseSetup = {
  storeId: string
  salesChannelId: string
  regionId: string
  publishableKey: string
}

/** The scenario already applied to this database, or null when it is empty. */
export async function appliedScenario(container: MedusaContainer): Promise<string | null> {
  const storeModule = container.resolve(Modules.STORE)
  const [store] = await storeModule.listStores({}, { take: 1 })
  const marker = store?.metadata?.[SEED_MARKER]
  return typeof marker === "string" ? marker : null
}

/**
 * The store, region 中国大陆 in CNY, the sales channel and the storefront's
 * publishable key. Each piece is created only when missing, so this runs on
 * every start and hands the storefront its key without a copy-paste step.
 */
export async function ensureBase(container: MedusaContainer): Promise<BaseSetup> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const storeModule = container.resolve(Modules.STORE)
  const regionModule = container.resolve(Modules.REGION)
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const taxModule = container.resolve(Modules.TAX)

  let [salesChannel] = await salesChannelModule.listSalesChannels({ name: SALES_CHANNEL_NAME })
  if (!salesChannel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: {
        salesChannelsData: [{ name: SALES_CHANNEL_NAME, description: "住户在线下单、到小区物业自提" }],
      },
    })
    salesChannel = result[0]
  }

  let [region] = await regionModule.listRegions({ name: REGION_NAME })
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: REGION_NAME,
            currency_code: CURRENCY_CODE,
            countries: ["cn"],
            // Pay at pickup: Medusa's system provider records the payment for
            // capture at the counter. Stripe is added when its keys are set.
            payment_providers: ["pp_system_default"],
            automatic_taxes: true,
            metadata: { default_locale: "zh-CN", timezone: "Asia/Shanghai" },
          },
        ],
      },
    })
    region = result[0]
  }

  // Produce prices are tax-inclusive in China: the tax region records 0 % so
  // no tax is added on top of the shelf price. Without a provider, adding the
  // first item to a cart fails with "Unable to retrieve the tax provider with
  // id: null"; databases seeded before the provider was set are repaired here.
  const taxRegion = (await taxModule.listTaxRegions({ country_code: "cn" })).find((r) => !r.parent_id)
  if (!taxRegion) {
    await createTaxRegionsWorkflow(container).run({
      input: [
        {
          country_code: "cn",
          provider_id: TAX_PROVIDER_ID,
          default_tax_rate: { name: "已含税", code: "cn-included", rate: 0 },
        },
      ],
    })
  } else if (!taxRegion.provider_id) {
    await updateTaxRegionsWorkflow(container).run({
      input: [{ id: taxRegion.id, provider_id: TAX_PROVIDER_ID }],
    })
  }

  const [store] = await storeModule.listStores({}, { take: 1 })
  if (
    store.name !== STORE_NAME ||
    store.default_sales_channel_id !== salesChannel.id ||
    store.default_region_id !== region.id
  ) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          name: STORE_NAME,
          supported_currencies: [{ currency_code: CURRENCY_CODE, is_default: true }],
          default_sales_channel_id: salesChannel.id,
          default_region_id: region.id,
          metadata: { ...(store.metadata ?? {}), default_locale: "zh-CN", locales: "zh-CN,en" },
        },
      },
    })
  }

  let apiKey = (await apiKeyModule.listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable" })).find(
    (k) => !k.revoked_at
  )
  if (!apiKey) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "seed" }] },
    })
    apiKey = result[0]
  }
  const { data: linked } = await query.graph({
    entity: "api_key",
    fields: ["id", "sales_channels.id"],
    filters: { id: apiKey.id },
  })
  const linkedIds = (linked[0]?.sales_channels ?? []).map((sc: { id: string } | null) => sc?.id)
  if (!linkedIds.includes(salesChannel.id)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: apiKey.id, add: [salesChannel.id] },
    })
  }

  return {
    storeId: store.id,
    salesChannelId: salesChannel.id,
    regionId: region.id,
    publishableKey: apiKey.token,
  }
}

export async function markScenario(container: MedusaContainer, scenario: string): Promise<void> {
  const storeModule = container.resolve(Modules.STORE)
  const [store] = await storeModule.listStores({}, { take: 1 })
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: { metadata: { ...(store.metadata ?? {}), [SEED_MARKER]: scenario } },
    },
  })
}
