import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../modules/pickup"
import { pickupService, type Query } from "./steps/service"

export type RememberPickupPointInput = {
  customer_id: string
  /** null: nothing to remember (the step does nothing). */
  pickup_point_id: string | null
  /** Only when the customer has none remembered yet (claiming old orders must not overwrite a choice). */
  only_if_unset?: boolean
}

const customerPoint = (customerId: string, pointId: string) => ({
  [Modules.CUSTOMER]: { customer_id: customerId },
  [PICKUP_MODULE]: { pickup_point_id: pointId },
})

/** An active point of an active office, or a 400 naming the field. */
export const validateRememberedPointStep = createStep(
  "validate-remembered-point",
  async (input: { pickup_point_id: string }, { container }) => {
    const [point] = await pickupService(container).listPickupPoints({ id: input.pickup_point_id }, { take: 1, relations: ["office"] })
    if (!point?.is_active || !(point as any).office?.is_active) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "pickup_point_id: no such active pickup point")
    }
    return new StepResponse(point.id)
  }
)

/** Replaces the customer's remembered point; compensation restores the previous one. */
export const replaceRememberedPointStep = createStep(
  "replace-remembered-point",
  async (input: RememberPickupPointInput, { container }) => {
    if (!input.pickup_point_id) return new StepResponse({ pickup_point_id: null as string | null }, null)
    const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
    const { data } = await query.graph({ entity: "customer", fields: ["id", "pickup_point.id"], filters: { id: input.customer_id } })
    if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `customer ${input.customer_id} was not found`)
    const previous: string | null = data[0].pickup_point?.id ?? null
    if (previous === input.pickup_point_id || (previous && input.only_if_unset)) {
      return new StepResponse({ pickup_point_id: previous as string | null }, null)
    }
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    if (previous) await link.dismiss([customerPoint(input.customer_id, previous)] as any)
    await link.create([customerPoint(input.customer_id, input.pickup_point_id)] as any)
    return new StepResponse(
      { pickup_point_id: input.pickup_point_id as string | null },
      { customer_id: input.customer_id, previous, next: input.pickup_point_id }
    )
  },
  async (comp, { container }) => {
    if (!comp) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.dismiss([customerPoint(comp.customer_id, comp.next)] as any)
    if (comp.previous) await link.create([customerPoint(comp.customer_id, comp.previous)] as any)
  }
)

/** "Remember my compound" on the account. */
export const rememberPickupPointWorkflow = createWorkflow("remember-pickup-point", (input: RememberPickupPointInput) => {
  validateRememberedPointStep({ pickup_point_id: input.pickup_point_id as string })
  return new WorkflowResponse(replaceRememberedPointStep(input))
})
