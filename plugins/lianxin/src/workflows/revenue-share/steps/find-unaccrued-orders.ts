import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVENUE_SHARE_MODULE } from "../../../modules/revenue-share"
import type RevenueShareModuleService from "../../../modules/revenue-share/service"

export type FindUnaccruedOrdersInput = {
  now: Date
  /** Orders younger than this are left to their `order.placed` subscriber. */
  min_age_minutes?: number
  /** How far back to look; older orders are accrued when handed over, refunded or canceled (accrue-missing-lines). */
  max_age_hours?: number
}

const PAGE = 200

/**
 * Placed orders (not canceled, not drafts) of the window with no accrual in the ledger: their `order.placed`
 * subscriber never ran to the end (the process stopped between the completion and the subscriber, a database fault in
 * it). One accrued line is enough to count an order as handled: a partly accrued order (an order edit that raced the
 * subscriber) is completed by the workflows that read its lines (accrue-missing-lines). Read-only.
 */
export const findUnaccruedOrdersStep = createStep(
  "find-unaccrued-orders",
  async (input: FindUnaccruedOrdersInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const ledger: RevenueShareModuleService = container.resolve(REVENUE_SHARE_MODULE)
    const now = new Date(input.now).getTime()
    const window = {
      $lte: new Date(now - (input.min_age_minutes ?? 5) * 60_000),
      $gte: new Date(now - (input.max_age_hours ?? 26) * 3_600_000),
    }
    const missed: string[] = []
    for (let skip = 0; ; skip += PAGE) {
      const { data: orders } = await query.graph({
        entity: "order",
        fields: ["id", "status"],
        filters: { created_at: window },
        pagination: { skip, take: PAGE, order: { created_at: "ASC" } },
      })
      const placed = orders.filter((o) => o.status !== "canceled" && o.status !== "draft").map((o) => o.id)
      if (placed.length) {
        const accrued = await ledger.listLedgerEntries(
          { order_id: placed, kind: "accrual", account: "resident_payments" },
          { select: ["order_id"], take: 100_000 }
        )
        const seen = new Set(accrued.map((e) => e.order_id))
        missed.push(...placed.filter((id) => !seen.has(id)))
      }
      if (orders.length < PAGE) break
    }
    return new StepResponse(missed)
  }
)
