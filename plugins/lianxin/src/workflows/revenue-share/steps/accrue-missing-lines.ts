import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVENUE_SHARE_MODULE } from "../../../modules/revenue-share"
import type RevenueShareModuleService from "../../../modules/revenue-share/service"
import type { OrderLedgerContext } from "./load-order-ledger-context"
import { missingAccruals } from "./prepare-ledger-transactions"

export const accrueMissingLinesStepId = "accrue-missing-lines"

/**
 * Before a handover earns or a refund, shortage or cancellation reverses an order's lines: a line the `order.placed`
 * subscriber never accrued (its event lost — the process stopped between the completion and the subscriber, a
 * database fault in the subscriber) is accrued now, exactly as the subscriber would have done it (same idempotency
 * keys, so a late subscriber or the hourly `ledger-accruals` job changes nothing). Without it the counter could not
 * hand the order over ("must be accrued before it is earned") and the households' shares would be missing.
 *
 * No compensation, on purpose: an accrual records that the order was placed and paid, which stays true whether or
 * not the handover or reversal after it succeeds. Mirroring it would leave the line "accrued and un-accrued" under
 * idempotency keys a retry can never post again. The normal case (every line accrued) costs one read.
 */
export const accrueMissingLinesStep = createStep(
  accrueMissingLinesStepId,
  async (input: { context: OrderLedgerContext; source: string }, { container }) => {
    const ledger: RevenueShareModuleService = container.resolve(REVENUE_SHARE_MODULE)
    const transactions = await missingAccruals(ledger, input.context, input.source)
    if (!transactions.length) return new StepResponse({ accrued_lines: 0 })
    await ledger.postTransactions(transactions)
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `[ledger] order ${input.context.order_id}: ${transactions.length} line(s) had no accrual (order.placed was not handled); accrued now (${input.source})`
      )
    return new StepResponse({ accrued_lines: transactions.length })
  }
)
