import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"

/** Region metadata key listing the online providers this workflow added once (Admin may remove them after). */
export const ADDED_PROVIDERS_KEY = "lx_online_payment_providers_added"

type Added = Array<{ region_id: string; provider_ids: string[]; metadata_before: Record<string, unknown> | null }>

const addRegionPaymentProvidersStep = createStep(
  "add-region-payment-providers",
  async (input: { provider_ids: string[] }, { container }) => {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const payments = container.resolve(Modules.PAYMENT)
    const registered = new Set(
      (await payments.listPaymentProviders({ id: input.provider_ids, is_enabled: true })).map((p) => p.id)
    )
    const unknown = input.provider_ids.filter((id) => !registered.has(id))
    if (unknown.length) logger.warn(`[payments] not registered, not offered: ${unknown.join(", ")}`)
    const wanted = input.provider_ids.filter((id) => registered.has(id))
    if (!wanted.length) return new StepResponse([] as Added, [] as Added)

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: regions } = await query.graph({
      entity: "region",
      fields: ["id", "metadata", "payment_providers.id"],
    })
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const regionModule = container.resolve(Modules.REGION)
    const added: Added = []
    for (const region of regions) {
      const linked = new Set((region.payment_providers ?? []).map((p) => p?.id))
      const before = (region.metadata ?? null) as Record<string, unknown> | null
      const done = new Set(
        Array.isArray(before?.[ADDED_PROVIDERS_KEY]) ? (before![ADDED_PROVIDERS_KEY] as string[]) : []
      )
      const toAdd = wanted.filter((id) => !linked.has(id) && !done.has(id))
      if (!toAdd.length) continue
      await link.create(
        toAdd.map((id) => ({
          [Modules.REGION]: { region_id: region.id },
          [Modules.PAYMENT]: { payment_provider_id: id },
        }))
      )
      await regionModule.updateRegions(region.id, {
        metadata: { ...before, [ADDED_PROVIDERS_KEY]: [...done, ...toAdd] },
      })
      added.push({ region_id: region.id, provider_ids: toAdd, metadata_before: before })
      logger.info(`[payments] region ${region.id} now offers ${toAdd.join(", ")}`)
    }
    return new StepResponse(added, added)
  },
  async (added, { container }) => {
    if (!added?.length) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const regionModule = container.resolve(Modules.REGION)
    for (const a of added) {
      await link.dismiss(
        a.provider_ids.map((id) => ({
          [Modules.REGION]: { region_id: a.region_id },
          [Modules.PAYMENT]: { payment_provider_id: id },
        }))
      )
      await regionModule.updateRegions(a.region_id, { metadata: a.metadata_before })
    }
  }
)

/**
 * Offers the configured online payment providers (our Stripe ones) in every
 * region, once per provider and region: a provider an operator removed in
 * Medusa Admin afterwards is not added again (the region's metadata remembers
 * what was added). Pay at pickup (pp_system_default) is never touched.
 * Run by the seed script at every `npm start` (docs/payments.md).
 */
export const enableOnlinePaymentsWorkflow = createWorkflow(
  "enable-online-payments",
  (input: { provider_ids: string[] }) => {
    const added = addRegionPaymentProvidersStep(input)
    return new WorkflowResponse(added)
  }
)
