import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVENUE_SHARE_MODULE } from "../../../modules/revenue-share"
import type RevenueShareModuleService from "../../../modules/revenue-share/service"
import type { LedgerTransactionInput } from "../../../types/ledger"
import { editLineTransaction } from "../../../utils/order-edit"
import type { OrderLedgerContext } from "./load-order-ledger-context"
import { lineStates } from "./prepare-ledger-transactions"

/**
 * An order edit (decision 024): each edited line moves from what its parties
 * hold to the split of its new amount under the line's own policy. Read-only;
 * `reference` (the order change) makes the postings idempotent.
 */
export const prepareEditTransactionsStep = createStep(
  "prepare-order-edit-transactions",
  async (
    input: { context: OrderLedgerContext; line_item_ids: string[]; reference: string; source?: string },
    { container }
  ) => {
    const ledger: RevenueShareModuleService = container.resolve(REVENUE_SHARE_MODULE)
    const states = await lineStates(ledger, input.context.order_id)
    const transactions: LedgerTransactionInput[] = []
    for (const lineItemId of input.line_item_ids) {
      const state = states.get(lineItemId)
      const line = input.context.lines.find((l) => l.line_item_id === lineItemId)
      if (!state) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `line ${lineItemId} has no accrual: the order must be accrued before it is edited`
        )
      }
      if (state.earned.some((e) => e.balance !== 0)) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `line ${lineItemId} is already earned: it cannot be edited`
        )
      }
      const txn = editLineTransaction({
        order_id: input.context.order_id,
        line_item_id: lineItemId,
        product_id: line?.product_id ?? null,
        policy: state.policy,
        attribution: line?.attribution ?? null,
        property_office_id: input.context.property_office_id,
        held: state.accrued,
        new_fen: line?.amount_fen ?? 0,
        reference: input.reference,
        source: input.source ?? "order.edited",
      })
      if (txn) transactions.push(txn)
    }
    return new StepResponse(transactions)
  }
)
