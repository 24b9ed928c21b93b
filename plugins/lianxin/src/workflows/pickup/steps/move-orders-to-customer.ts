import type { UpdateOrderDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Claimable } from "./select-claimable-orders"

/** Medusa's order.customer_id → the customer; compensation gives each order back to its guest record. */
export const moveOrdersToCustomerStepId = "move-orders-to-customer"

export const moveOrdersToCustomerStep = createStep(
  moveOrdersToCustomerStepId,
  async (input: { customer_id: string; orders: Claimable[] }, { container }) => {
    if (!input.orders.length) return new StepResponse([] as string[], null)
    const orderModule = container.resolve(Modules.ORDER)
    await orderModule.updateOrders(input.orders.map((o) => ({ id: o.id, customer_id: input.customer_id })))
    return new StepResponse(
      input.orders.map((o) => o.id),
      input.orders.map((o) => ({ id: o.id, customer_id: o.previous_customer_id }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    // A guest order that had no customer gets none again: the Order Module writes the null, UpdateOrderDTO says string.
    await container.resolve(Modules.ORDER).updateOrders(previous as UpdateOrderDTO[])
  }
)
