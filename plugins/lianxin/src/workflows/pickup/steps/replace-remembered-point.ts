import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { Query } from "./service"
import type { RememberPickupPointInput } from "../types"

export const customerPoint = (customerId: string, pointId: string) => ({
  [Modules.CUSTOMER]: { customer_id: customerId },
  [PICKUP_MODULE]: { pickup_point_id: pointId },
})

/** Replaces the customer's remembered point; compensation restores the previous one. */
export const replaceRememberedPointStepId = "replace-remembered-point"

export const replaceRememberedPointStep = createStep(
  replaceRememberedPointStepId,
  async (input: RememberPickupPointInput, { container }) => {
    if (!input.pickup_point_id) return new StepResponse({ pickup_point_id: null as string | null }, null)
    const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id", "pickup_point.id"],
      filters: { id: input.customer_id },
    })
    if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `customer ${input.customer_id} was not found`)
    const previous: string | null = data[0].pickup_point?.id ?? null
    if (previous === input.pickup_point_id || (previous && input.only_if_unset)) {
      return new StepResponse({ pickup_point_id: previous as string | null }, null)
    }
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    if (previous) await link.dismiss([customerPoint(input.customer_id, previous)])
    await link.create([customerPoint(input.customer_id, input.pickup_point_id)])
    return new StepResponse(
      { pickup_point_id: input.pickup_point_id as string | null },
      { customer_id: input.customer_id, previous, next: input.pickup_point_id }
    )
  },
  async (comp, { container }) => {
    if (!comp) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.dismiss([customerPoint(comp.customer_id, comp.next)])
    if (comp.previous) await link.create([customerPoint(comp.customer_id, comp.previous)])
  }
)
