import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { accrueOrderRevenueWorkflow } from "../accrue-order-revenue"

/**
 * Each missed order is accrued as its subscriber would have done it (same workflow, same idempotency keys: a
 * subscriber that runs late changes nothing), each its own workflow with its own compensation; one that fails is
 * logged and tried again at the next run.
 */
export const accrueOrdersStep = createStep("accrue-orders", async (orderIds: string[], { container }) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const accrued: string[] = []
  for (const id of orderIds) {
    const { result, errors } = await accrueOrderRevenueWorkflow(container).run({
      input: { order_id: id, source: "catch-up:job" },
      throwOnError: false,
    })
    if (errors?.length) {
      logger.error(
        `[ledger] order ${id} has no accrual and accruing it failed: ${errors[0]?.error?.message ?? errors[0]}`
      )
      continue
    }
    if ((result?.inserted ?? 0) > 0) {
      accrued.push(id)
      logger.warn(`[ledger] order ${id} had no accrual (order.placed was not handled): accrued now`)
    }
  }
  return new StepResponse({ checked: orderIds.length, accrued })
})
