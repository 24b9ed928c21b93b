import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"
import type { Claimable } from "./select-claimable-orders"

/** The pickup assignments follow their orders; compensation restores the previous customer. */
export const movePickupAssignmentsToCustomerStepId = "move-pickup-assignments-to-customer"

export const movePickupAssignmentsToCustomerStep = createStep(
  movePickupAssignmentsToCustomerStepId,
  async (input: { customer_id: string; orders: Claimable[] }, { container }) => {
    const withPickup = input.orders.filter((o) => o.assignment_id)
    if (!withPickup.length) return new StepResponse(null, null)
    const svc = pickupService(container)
    const before = await svc.listPickupAssignments(
      { id: withPickup.map((o) => o.assignment_id!) },
      { take: withPickup.length }
    )
    await svc.updatePickupAssignments(before.map((a) => ({ id: a.id, customer_id: input.customer_id })))
    return new StepResponse(
      null,
      before.map((a) => ({ id: a.id, customer_id: a.customer_id ?? null }))
    )
  },
  async (previous, { container }) => {
    if (previous?.length) await pickupService(container).updatePickupAssignments(previous)
  }
)
