import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { replaceRememberedPointStep } from "./steps/replace-remembered-point"
import { selectClaimableOrdersStep } from "./steps/select-claimable-orders"
import { moveOrdersToCustomerStep } from "./steps/move-orders-to-customer"
import { movePickupAssignmentsToCustomerStep } from "./steps/move-pickup-assignments-to-customer"
import type { ClaimOrdersInput } from "./types"

/**
 * A resident who ordered as a guest and then signed in (or registered) takes
 * those orders onto the account, with proof (ClaimOrdersInput); the compound
 * of the latest one becomes the remembered point if the account has none.
 */
export const claimOrdersWorkflowId = "claim-orders"

export const claimOrdersWorkflow = createWorkflow(claimOrdersWorkflowId, (input: ClaimOrdersInput) => {
  const selection = selectClaimableOrdersStep(input)
  const move = transform({ input, selection }, ({ input, selection }) => ({
    customer_id: input.customer_id,
    orders: selection.claimable,
  }))
  moveOrdersToCustomerStep(move)
  movePickupAssignmentsToCustomerStep(move)
  replaceRememberedPointStep(
    transform({ input, selection }, ({ input, selection }) => ({
      customer_id: input.customer_id,
      pickup_point_id: [...selection.claimable].reverse().find((o) => o.pickup_point_id)?.pickup_point_id ?? null,
      only_if_unset: true,
    }))
  )
  const claimed = transform({ selection }, ({ selection }) => {
    const owned = new Set([...selection.mine, ...selection.claimable.map((o) => o.id)])
    return selection.requested.filter((id) => owned.has(id))
  })
  return new WorkflowResponse({ claimed })
})
