import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { REVENUE_SHARE_MODULE } from "../../../../../modules/revenue-share"
import type RevenueShareModuleService from "../../../../../modules/revenue-share/service"
import { counterTotals, type CounterLedgerEntry } from "../../../../../utils/counter-view"
import { weekContaining } from "../../../../../utils/periods"
import { rows } from "../../../../../utils/query-types"
import { pickupService } from "../../../../../workflows/pickup/steps/service"
import { householdViews, notFound } from "../../office"
import type { StaffHouseholdCounterResponse } from "../../../../contract"

/** What the counter view reads: a household the caller may see (the route checks that) and an optional cycle. */
export type HouseholdCounterInput = { household_id: string; cycle_id?: string }

/** An order item's quantity fields as query.graph returns them. */
type SoldItemQuantity = { quantity?: unknown; raw_quantity?: unknown; detail?: { quantity?: unknown } | null }

/** An order item's quantity, however the query returns it (number, decimal string or BigNumber-like object). */
function quantityOf(item: SoldItemQuantity): number | null {
  const v = item.quantity ?? item.detail?.quantity ?? item.raw_quantity
  if (v === undefined || v === null) return null
  if (typeof v === "object") {
    const big = v as { numeric?: unknown; value?: unknown; raw?: { value?: unknown } }
    const inner = big.numeric ?? big.value ?? big.raw?.value
    return inner === undefined ? null : Number(inner)
  }
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}

/** A ledger timestamp as JSON writes it (the same ISO string res.json makes of the Date). */
const iso = (at: Date | string) => new Date(at).toISOString()

const ids = (values: ReadonlyArray<string | null | undefined>) => [...new Set(values.filter((v): v is string => !!v))]

/**
 * The household's own view at the counter: what sold in the cycle (or, without
 * cycle_id, in this week's orders), what that brings it — still accrued and
 * already earned — and its latest statement, all from the ledger. Public
 * fields only; printable by the office UI. 404 for an unknown cycle.
 */
export async function readHouseholdCounter(
  scope: MedusaContainer,
  { household_id: householdId, cycle_id }: HouseholdCounterInput
): Promise<StaffHouseholdCounterResponse> {
  const ledger: RevenueShareModuleService = scope.resolve(REVENUE_SHARE_MODULE)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const pickup = pickupService(scope)

  let period: StaffHouseholdCounterResponse["period"]
  let orderIds: string[]
  if (cycle_id) {
    const [cycle] = await pickup.listOrderCycles({ id: cycle_id }, { take: 1 })
    if (!cycle) throw notFound("order cycle", cycle_id)
    const assignments = await pickup.listPickupAssignments(
      { order_cycle_id: cycle_id },
      { select: ["order_id"], take: 100_000 }
    )
    orderIds = ids(assignments.map((a) => a.order_id))
    period = {
      type: "cycle",
      cycle_id: cycle.id,
      name: cycle.name,
      pickup_starts_at: cycle.pickup_starts_at.toISOString(),
      pickup_ends_at: cycle.pickup_ends_at.toISOString(),
    }
  } else {
    const week = weekContaining(new Date())
    const accruals = await ledger.listLedgerEntries(
      {
        party_type: "household",
        party_id: householdId,
        kind: "accrual",
        occurred_at: { $gte: week.start, $lt: week.end },
      },
      { select: ["order_id"], take: 100_000 }
    )
    orderIds = ids(accruals.map((e) => e.order_id))
    period = { type: "week", start: week.start.toISOString(), end: week.end.toISOString() }
  }

  const entries = orderIds.length
    ? await ledger.listLedgerEntries(
        { party_type: "household", party_id: householdId, order_id: orderIds },
        { take: 100_000 }
      )
    : []
  const totals = counterTotals(entries.map((e) => ({ ...e, amount: Number(e.amount) })) as CounterLedgerEntry[])

  // Line quantities live on the order's items (order_item), not on the bare line item.
  const soldOrderIds = ids(totals.lines.map((l) => l.order_id))
  const orders = soldOrderIds.length
    ? (
        await query.graph({
          entity: "order",
          fields: [
            "id",
            "items.id",
            "items.product_title",
            "items.variant_title",
            "items.quantity",
            "items.raw_quantity",
            "items.detail.quantity",
          ],
          filters: { id: soldOrderIds },
        })
      ).data
    : []
  const itemById = new Map(orders.flatMap((o) => rows(o.items).map((i) => [i.id, i] as const)))
  const sold = totals.lines.map((l) => {
    const item = l.line_item_id ? itemById.get(l.line_item_id) : undefined
    return {
      order_id: l.order_id,
      line_item_id: l.line_item_id,
      product_id: l.product_id,
      product_title: item?.product_title ?? null,
      variant_title: item?.variant_title ?? null,
      quantity: item ? quantityOf(item) : null,
      amount_fen: l.amount_fen,
    }
  })

  const [statement] = await ledger.listStatements(
    { household_id: householdId },
    { relations: ["lines", "payment"], order: { period_start: "DESC" }, take: 1 }
  )
  let latest_statement: StaffHouseholdCounterResponse["latest_statement"] = null
  if (statement) {
    const productIds = ids((statement.lines ?? []).map((l) => l.product_id))
    const products = productIds.length
      ? (await query.graph({ entity: "product", fields: ["id", "title"], filters: { id: productIds } })).data
      : []
    const titleOf = new Map(products.map((p) => [p.id, p.title]))
    const payment = statement.payment
    latest_statement = {
      id: statement.id,
      period_start: iso(statement.period_start),
      period_end: iso(statement.period_end),
      total_fen: Number(statement.total),
      status: payment ? "paid" : "unpaid",
      paid_at: payment?.paid_at ? iso(payment.paid_at) : null,
      lines: (statement.lines ?? [])
        .map((l) => ({
          order_id: l.order_id,
          product_id: l.product_id,
          product_title: l.product_id ? (titleOf.get(l.product_id) ?? null) : null,
          amount_fen: Number(l.amount),
          occurred_at: iso(l.occurred_at),
        }))
        .sort((a, b) => new Date(a.occurred_at).getTime() - new Date(b.occurred_at).getTime()),
    }
  }

  const [view] = await householdViews(scope, [householdId])
  const { registry_recorded: _omit, ...household } = view
  return {
    household,
    period,
    sold,
    accrued_fen: totals.accrued_fen,
    earned_fen: totals.earned_fen,
    latest_statement,
  }
}
