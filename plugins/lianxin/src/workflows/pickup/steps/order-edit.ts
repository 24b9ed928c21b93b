import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { nowOf } from "../../../utils/clock"
import { toFen } from "../../../utils/money"
import { type EditChange, planOrderEdit } from "../../../utils/order-edit"
import { stockShortfall, type StockLine } from "../../../utils/stock-check"
import { pickupService, type Query } from "./service"

/** The codes a refused edit answers with (409), and what the resident reads. */
export const EDIT_REFUSALS = {
  not_found: "找不到这个订单的自提信息，无法修改。(this order has no pickup assignment and cannot be edited)",
  not_placed:
    "订单已取消或已进入备货/自提流程，不能再修改。(the order is canceled or past placement; it cannot be edited)",
  cutoff_passed:
    "本批次已截单，订单已交给农户备货，不能再修改。(the order cutoff for this cycle has passed; the order can no longer be edited)",
  order_changed: "订单刚刚被修改过，请刷新后再试。(the order changed since you loaded it; reload it and edit again)",
  would_empty: "不能删除全部商品；如不再需要，请取消订单。(an edit cannot remove every line; cancel the order instead)",
  no_change: "数量没有变化。(nothing to change: every quantity is as it was)",
  online_paid_increase:
    "在线支付的订单只能减少数量；如需加购，请另下一单。(an order paid online can only be reduced; place another order to add more)",
  insufficient_stock: "库存不足，无法增加到这个数量。(not enough stock for the new quantity)",
  edit_in_progress: "这个订单正在修改中，请稍后再试。(this order is being edited right now; try again)",
} as const

export type EditRefusalCode = keyof typeof EDIT_REFUSALS

export const editRefusal = (code: EditRefusalCode, extra = "") =>
  new MedusaError(MedusaError.Types.CONFLICT, `${EDIT_REFUSALS[code]}${extra}`, code)

export type OrderEditInput = {
  order_id: string
  /** The order version the resident saw: a stale one is refused (two edits at once: one wins). */
  version: number
  items: Array<{ id: string; quantity: number }>
  now?: Date
}

export type OrderEditPlan = {
  order_id: string
  changes: EditChange[]
  old_total_fen: number
  /** "online": captured through Stripe, a decrease is refunded; "pickup": authorized, collected at the counter. */
  payment: "online" | "pickup" | "none"
  currency_code: string
}

/** The order as the edit check reads it with query.graph (the plugin has no generated query types). */
type EditedOrderRow = {
  id: string
  status: string
  version: number
  total: unknown
  currency_code: string
  items?: Array<{
    id: string
    quantity: unknown
    title: string
    variant_id: string | null
    product_id: string | null
    variant_title: string | null
  }> | null
  payment_collections?: Array<{
    status: string
    payments?: Array<{ provider_id: string; canceled_at: Date | string | null }> | null
  } | null> | null
}

/** A variant's stock as the edit check reads it. */
type StockVariantRow = {
  id: string
  manage_inventory: boolean
  allow_backorder: boolean
  inventory_items?: Array<{
    inventory_item_id: string
    required_quantity: number | null
    inventory?: { location_levels?: Array<{ stocked_quantity: unknown; reserved_quantity: unknown }> | null } | null
  }> | null
}

/**
 * Everything that can refuse an edit, before anything changes: the order's
 * version, its pickup place (placed, cutoff ahead), the lines asked for, an
 * online-paid order growing, and stock for what grows.
 */
export const validateOrderEditStep = createStep("validate-order-edit", async (input: OrderEditInput, { container }) => {
  const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "version",
      "total",
      "currency_code",
      "items.id",
      "items.quantity",
      "items.title",
      "items.variant_id",
      "items.product_id",
      "items.variant_title",
      "payment_collections.status",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.canceled_at",
      "payment_collections.payments.captures.amount",
    ],
    filters: { id: input.order_id },
  })
  const [order] = data as EditedOrderRow[]
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `order ${input.order_id} was not found`)
  const lines = (order.items ?? []).map((i) => ({ id: i.id, quantity: Number(i.quantity) }))
  const plan = planOrderEdit(lines, input.items)
  if (!plan.ok) {
    if (plan.refusal.code === "unknown_line") {
      const index = input.items.findIndex((i) => i.id === (plan.refusal as { line_item_id: string }).line_item_id)
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid request: items.${index}.id: is not a line of this order`
      )
    }
    throw editRefusal(plan.refusal.code)
  }

  if (order.status === "canceled") throw editRefusal("not_placed")
  if (Number(order.version) !== Number(input.version)) throw editRefusal("order_changed")

  const [assignment] = await pickupService(container).listPickupAssignments(
    { order_id: input.order_id },
    { take: 1, select: ["id", "status", "order_cycle_id"] }
  )
  if (!assignment) throw editRefusal("not_found")
  if (assignment.status !== "placed") throw editRefusal("not_placed")
  const [cycle] = await pickupService(container).listOrderCycles(
    { id: assignment.order_cycle_id },
    { take: 1, select: ["id", "resident_cutoff_at"] }
  )
  const now = input.now ? new Date(input.now) : nowOf(container)
  if (!cycle || new Date(cycle.resident_cutoff_at).getTime() <= now.getTime()) throw editRefusal("cutoff_passed")

  const payments = (order.payment_collections ?? []).flatMap((pc) => pc?.payments ?? [])
  const live = payments.filter((p) => !p.canceled_at)
  const online = live.some((p) => String(p.provider_id).startsWith("pp_stripe"))
  const payment: OrderEditPlan["payment"] = online ? "online" : live.length ? "pickup" : "none"
  const grows = plan.changes.filter((c) => c.to > c.from)
  if (online && grows.length) throw editRefusal("online_paid_increase")

  if (grows.length) {
    const items = (order.items ?? []).filter((i) => grows.some((g) => g.line_item_id === i.id) && i.variant_id)
    const { data: variants } = await query.graph({
      entity: "product_variant",
      fields: [
        "id",
        "manage_inventory",
        "allow_backorder",
        "inventory_items.inventory_item_id",
        "inventory_items.required_quantity",
        "inventory_items.inventory.location_levels.stocked_quantity",
        "inventory_items.inventory.location_levels.reserved_quantity",
      ],
      filters: { id: items.map((i) => i.variant_id as string) },
    })
    const stock: StockLine[] = []
    const available = new Map<string, number[]>()
    for (const item of items) {
      const v = (variants as StockVariantRow[]).find((x) => x.id === item.variant_id)
      if (!v?.manage_inventory || v.allow_backorder) continue
      const change = grows.find((g) => g.line_item_id === item.id)!
      const more = change.to - change.from
      for (const link of v.inventory_items ?? []) {
        const perUnit = Number(link.required_quantity ?? 1)
        stock.push({
          inventory_item_id: link.inventory_item_id,
          required: more * perUnit,
          required_per_unit: perUnit,
          quantity: change.to,
          variant_id: v.id,
          product_id: item.product_id ?? null,
          title: item.title,
          variant_title: item.variant_title ?? null,
        })
        available.set(
          link.inventory_item_id,
          (link.inventory?.location_levels ?? []).map((l) => Number(l.stocked_quantity) - Number(l.reserved_quantity))
        )
      }
    }
    const short = stockShortfall(stock, available)
    if (short) {
      // `available` counts what is free now; the resident already holds `from` units of the line.
      const held = grows.find((g) => items.find((i) => i.id === g.line_item_id)?.variant_id === short.variant_id)
      throw editRefusal("insufficient_stock", ` ${short.title}: 最多 at most ${short.available + (held?.from ?? 0)}`)
    }
  }

  const result: OrderEditPlan = {
    order_id: order.id,
    changes: plan.changes,
    old_total_fen: toFen(order.total ?? 0),
    payment,
    currency_code: order.currency_code,
  }
  return new StepResponse(result)
})

export type EditedOrder = {
  order_id: string
  total_fen: number
  lines: Array<{ line_item_id: string; quantity: number; amount_fen: number }>
}

/** The order as Medusa's confirmed edit left it: total and the edited lines, in fen. */
export const readEditedOrderStep = createStep(
  "read-edited-order",
  async (input: { plan: OrderEditPlan }, { container }) => {
    const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "total", "items.id", "items.quantity", "items.total"],
      filters: { id: input.plan.order_id },
    })
    const [order] = data as Array<{
      id: string
      total: unknown
      items?: Array<{ id: string; quantity: unknown; total: unknown }> | null
    }>
    const edited: EditedOrder = {
      order_id: order.id,
      total_fen: toFen(order.total ?? 0),
      lines: input.plan.changes.map((c) => {
        const item = (order.items ?? []).find((i) => i.id === c.line_item_id)
        return {
          line_item_id: c.line_item_id,
          quantity: item ? Number(item.quantity) : 0,
          amount_fen: item ? toFen(item.total ?? 0) : 0,
        }
      }),
    }
    return new StepResponse(edited)
  }
)

/**
 * The pickup side follows the order: lines and total of the placed
 * assignment, checked again under its row lock (the cutoff may have passed
 * meanwhile). Place, bag and code stay. Compensation puts back what was.
 */
export const editPickupLinesStep = createStep(
  "edit-pickup-lines",
  async (input: { edited: EditedOrder; now?: Date }, { container }) => {
    const result = await pickupService(container).editPlacedLines({
      order_id: input.edited.order_id,
      order_total_fen: input.edited.total_fen,
      lines: input.edited.lines,
      now: input.now ? new Date(input.now) : nowOf(container),
    })
    if (!result.ok) throw editRefusal(result.reason)
    return new StepResponse(result.previous, { order_id: input.edited.order_id, previous: result.previous })
  },
  async (comp, { container }) => {
    if (!comp) return
    await pickupService(container).editPlacedLines({
      order_id: comp.order_id,
      order_total_fen: comp.previous.order_total_fen,
      lines: comp.previous.lines,
      now: new Date(),
      ignoreCutoff: true,
    })
  }
)

/**
 * Pay at pickup: Medusa's edit confirmation replaces an authorized payment
 * collection with a new one for the new total, not authorized. The counter
 * captures on an authorized payment, so the new collection gets its pay-at-
 * pickup payment authorized here: the amount due is the new total.
 * Compensation cancels that payment.
 */
export const authorizePickupPaymentStep = createStep(
  "authorize-edited-pickup-payment",
  async (input: { plan: OrderEditPlan }, { container }) => {
    if (input.plan.payment !== "pickup") return new StepResponse(null, null)
    const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "payment_collections.id",
        "payment_collections.status",
        "payment_collections.amount",
        "payment_collections.currency_code",
        "payment_collections.payments.id",
        "payment_collections.payments.canceled_at",
      ],
      filters: { id: input.plan.order_id },
    })
    const [order] = data as Array<{
      payment_collections?: Array<{
        id: string
        status: string
        amount: number
        currency_code: string
        payments?: Array<{ id: string; canceled_at: Date | string | null }> | null
      } | null> | null
    }>
    const open = (order?.payment_collections ?? []).find(
      (pc) => pc && ["not_paid", "awaiting"].includes(pc.status) && !(pc.payments ?? []).some((p) => !p.canceled_at)
    )
    if (!open) return new StepResponse(null, null)
    const payments = container.resolve(Modules.PAYMENT)
    const session = await payments.createPaymentSession(open.id, {
      provider_id: "pp_system_default",
      currency_code: open.currency_code,
      amount: open.amount,
      data: {},
    })
    const payment = await payments.authorizePaymentSession(session.id, {})
    // The system provider authorizes at once; a session left unauthorized has no payment.
    if (!payment) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `payment session ${session.id} was not authorized`)
    }
    return new StepResponse({ payment_id: payment.id }, { payment_id: payment.id })
  },
  async (comp, { container }) => {
    if (!comp) return
    const payments = container.resolve(Modules.PAYMENT)
    await payments.cancelPayment(comp.payment_id)
  }
)

/** Online (captured): what an edit takes off the order, per payment, as Medusa refunds (decision 013). */
export const planEditRefundStep = createStep(
  "plan-order-edit-refund",
  async (input: { plan: OrderEditPlan; edited: EditedOrder }, { container }) => {
    const refunds: Array<{ payment_id: string; amount: number; note: string }> = []
    if (input.plan.payment !== "online") return new StepResponse(refunds)
    let left = input.plan.old_total_fen - input.edited.total_fen
    if (left <= 0) return new StepResponse(refunds)
    const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "payment_collections.payments.id",
        "payment_collections.payments.captures.amount",
        "payment_collections.payments.refunds.amount",
      ],
      filters: { id: input.plan.order_id },
    })
    const [order] = data as Array<{
      payment_collections?: Array<{
        payments?: Array<{
          id: string
          captures?: Array<{ amount: unknown }> | null
          refunds?: Array<{ amount: unknown }> | null
        }> | null
      } | null> | null
    }>
    for (const pc of order?.payment_collections ?? []) {
      for (const p of pc?.payments ?? []) {
        if (left <= 0) break
        const captured = (p.captures ?? []).reduce((s, c) => s + toFen(c.amount), 0)
        const refunded = (p.refunds ?? []).reduce((s, r) => s + toFen(r.amount), 0)
        const amount = Math.min(left, captured - refunded)
        if (amount > 0) {
          refunds.push({
            payment_id: p.id,
            amount: amount / 100,
            note: `订单修改退款 order edit ${input.plan.order_id}`,
          })
          left -= amount
        }
      }
    }
    return new StepResponse(refunds)
  }
)
