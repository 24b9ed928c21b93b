import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

/** The order's pickup assignment (one per order); the live one if several rows point at the order. */
export const findOrderPickupAssignmentStepId = "find-order-pickup-assignment"

export const findOrderPickupAssignmentStep = createStep(
  findOrderPickupAssignmentStepId,
  async (input: { order_id: string }, { container }) => {
    const rows = await pickupService(container).listPickupAssignments(
      { order_id: input.order_id },
      { select: ["id", "status"], take: 10 }
    )
    const live = rows.find((r) => r.status !== "canceled") ?? rows[0]
    return new StepResponse(live ? { id: live.id as string } : null)
  }
)
