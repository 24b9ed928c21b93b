import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { REVENUE_SHARE_MODULE } from "../../modules/revenue-share"
import type RevenueShareModuleService from "../../modules/revenue-share/service"
import type { LedgerTransactionInput } from "../../types/ledger"
import { postLedgerTransactionsStep } from "./steps/post-ledger-transactions"

export type MarkStatementPaidInput = {
  statement_id: string
  method: "cash" | "bank_transfer" | "wechat"
  reference: string
  paid_at?: Date | string
  recorded_by?: string | null
}

const validateStatementPayableStep = createStep(
  "validate-statement-payable",
  async (input: MarkStatementPaidInput, { container }) => {
    const service: RevenueShareModuleService = container.resolve(REVENUE_SHARE_MODULE)
    const [statement] = await service.listStatements({ id: input.statement_id }, { relations: ["payment"] })
    if (!statement) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `statement ${input.statement_id} was not found`)
    }
    if (statement.payment) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `statement ${statement.id} is already marked paid`)
    }
    if (Number(statement.total) <= 0) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `statement ${statement.id} has nothing to pay`)
    }
    return new StepResponse({ id: statement.id, household_id: statement.household_id, total: Number(statement.total) })
  }
)

const createStatementPaymentStep = createStep(
  "create-statement-payment",
  async (input: MarkStatementPaidInput, { container }) => {
    const service: RevenueShareModuleService = container.resolve(REVENUE_SHARE_MODULE)
    const payment = await service.createStatementPayments({
      statement_id: input.statement_id,
      method: input.method,
      reference: input.reference,
      paid_at: input.paid_at ? new Date(input.paid_at) : new Date(),
      recorded_by: input.recorded_by ?? null,
    })
    return new StepResponse(payment, payment.id)
  },
  async (paymentId, { container }) => {
    if (!paymentId) return
    const service: RevenueShareModuleService = container.resolve(REVENUE_SHARE_MODULE)
    await service.deleteStatementPayments(paymentId)
  }
)

/** Records how a statement was paid and moves its total from earned to paid_out in the ledger. */
export const markStatementPaidWorkflow = createWorkflow("mark-statement-paid", (input: MarkStatementPaidInput) => {
  const statement = validateStatementPayableStep(input)
  const payment = createStatementPaymentStep(input)
  const settlement = transform({ statement, input }, ({ statement, input }): LedgerTransactionInput[] => {
    const common = { amount: statement.total, party_type: "household" as const, party_id: statement.household_id }
    return [
      {
        transaction_key: `settlement:${statement.id}`,
        kind: "settlement",
        source: `statement.paid:${input.method}`,
        postings: [
          {
            ...common,
            idempotency_key: `settlement:${statement.id}:debit`,
            account: "earned",
            direction: "debit",
            reason: input.reference,
          },
          {
            ...common,
            idempotency_key: `settlement:${statement.id}:credit`,
            account: "paid_out",
            direction: "credit",
            reason: input.reference,
          },
        ],
      },
    ]
  })
  postLedgerTransactionsStep(settlement)
  // After the commit: the household is told by SMS (notifications).
  emitEventStep({ eventName: "statement.paid", data: { id: input.statement_id } })
  return new WorkflowResponse(payment)
})
