import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { CheckoutRefusal } from "../../utils/checkout-refusal"
import { nowOf } from "../../utils/clock"
import { nextOpenCycle } from "../../utils/order-rule"
import { orderPerishability } from "../../utils/pickup-hold"
import { pickupService, type Query } from "../pickup/steps/service"
import {
  type CheckoutUndo,
  holdCartStock,
  linkOrderPickup,
  placePickupAssignment,
  takePickupPlace,
  undoCheckoutChanges,
} from "./checkout-changes"
import { type StockLine, stockOwner } from "./stock-hold"

type Container = { resolve: (key: string) => any }

/**
 * Checkout takes its place at the chosen pickup point in the chosen cycle, or
 * is refused — before any order exists or any payment is authorized:
 *
 * 1. The place (takePickupPlace): reserveForCart applies the ordering rule
 *    (utils/order-rule: cutoff, batch state, capacity) to the batch row it
 *    holds FOR UPDATE. An order is never moved to another cycle or point; a
 *    cart whose point was chosen without a cycle gets the next cycle open
 *    there for its class.
 * 2. The stock (holdCartStock, stock-hold.ts): the cart's managed inventory
 *    items are held (Medusa's locking module, keys of our own) from here until
 *    Medusa's reservation step has run, and the quantities are checked under
 *    that hold. Fifty residents completing for the last unit then get one
 *    order and 49 refusals naming the product, instead of queueing on Medusa's
 *    inventory lock until it times out (500). Released by the
 *    beforePaymentAuthorization hook below, or by the undo.
 *
 * A refusal is a CheckoutRefusal (409 with a code, the message in Chinese and
 * the next open cycle, see api/middlewares.ts). Each change has its named undo
 * (checkout-changes.ts): a failure anywhere after this hook leaves no
 * assignment, no lines and no counted place behind.
 */
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    const now = nowOf(container)
    const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "customer_id", "pickup_point.id", "order_cycle.id", "items.product.id", "items.product.metadata"],
      filters: { id: cart.id },
    })
    const row = data[0]
    const pointId: string | undefined = row?.pickup_point?.id
    if (!pointId) {
      // Bad input, not a refusal: the cart was never given a point (400 naming the field, as before).
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "请先选择自提点和自提批次，再提交订单。(pickup_point_id: the cart has no pickup point and cycle; choose one with POST /store/carts/:id/pickup)"
      )
    }
    const perishability = orderPerishability((row.items ?? []).map((i) => i?.product))
    const cycleId: string = row.order_cycle?.id ?? (await nextCycleAt(container, pointId, perishability, now))
    const done: CheckoutUndo[] = []
    try {
      const place = await takePickupPlace(container, {
        cart_id: cart.id,
        pickup_point_id: pointId,
        order_cycle_id: cycleId,
        perishability,
        customer_id: row.customer_id ?? null,
        now,
      })
      if (place.undo) done.push(place.undo)
      const completing = cart as typeof cart & { completed_at?: unknown; sales_channel_id?: string | null }
      // A cart completed before (a retry) has its reservation: Medusa creates no order and no reservation again.
      const held = await holdCartStock(container, {
        cart_id: cart.id,
        lines: completing.completed_at ? [] : stockLinesOf(cart),
        sales_channel_id: completing.sales_channel_id ?? null,
      })
      if (held) done.push(held)
      return new StepResponse(place.reservation, done)
    } catch (error) {
      await undoCheckoutChanges(container, done)
      throw error
    }
  },
  async (done, { container }) => {
    if (done) await undoCheckoutChanges(container, done)
  }
)

/** A point chosen without a cycle: the next cycle open there for this order's class, or a refusal. */
async function nextCycleAt(
  container: Container,
  pointId: string,
  perishability: ReturnType<typeof orderPerishability>,
  now: Date
): Promise<string> {
  const { point, cycles } = await pickupService(container).cyclesAtPoint({ point_id: pointId, now })
  if (!point) throw new CheckoutRefusal("point_inactive", { pickup_point_id: pointId })
  const next = nextOpenCycle(cycles, now, perishability)
  if (!next) throw new CheckoutRefusal("no_cycle", { pickup_point_id: pointId, next_order_cycle: null })
  return next.cycle.id
}

type CartLine = {
  quantity: unknown
  variant_id?: string | null
  product_id?: string | null
  product_title?: string | null
  title?: string | null
  variant_title?: string | null
  variant?: {
    manage_inventory?: boolean | null
    allow_backorder?: boolean | null
    product?: { id?: string | null } | null
    inventory_items?: Array<{ inventory_item_id: string; required_quantity?: unknown }> | null
  } | null
}

/** The cart's lines whose stock Medusa will reserve: managed inventory, no backorder. */
function stockLinesOf(cart: unknown): StockLine[] {
  const lines: StockLine[] = []
  for (const item of ((cart as { items?: CartLine[] | null })?.items ?? []) as CartLine[]) {
    const variant = item?.variant
    if (!variant?.manage_inventory || variant.allow_backorder) continue
    for (const link of variant.inventory_items ?? []) {
      lines.push({
        inventory_item_id: link.inventory_item_id,
        required: Number(link.required_quantity ?? 1) * Number(item.quantity),
        variant_id: item.variant_id ?? "",
        product_id: item.product_id ?? variant.product?.id ?? null,
        title: item.product_title ?? item.title ?? "",
        variant_title: item.variant_title ?? null,
        quantity: Number(item.quantity),
        required_per_unit: Number(link.required_quantity ?? 1),
      })
    }
  }
  return lines
}

// Medusa 2.21.2 registers these two hooks on completeCartWorkflow but does not declare them in its types.
type CartHook = (handler: (input: { input: { id: string } }, ctx: { container: Container }) => Promise<unknown>) => void
type OrderCreatedHook = (
  handler: (
    input: { order_id: string; cart_id: string },
    ctx: { container: Container }
  ) => Promise<StepResponse<unknown, CheckoutUndo[]>>,
  compensate?: (done: CheckoutUndo[] | undefined, ctx: { container: Container }) => Promise<void>
) => void
const hooks = completeCartWorkflow.hooks as unknown as {
  beforePaymentAuthorization: CartHook
  orderCreated: OrderCreatedHook
}

/**
 * Medusa's reservation step has run (the reservation is committed): the next
 * resident waiting for the same products may check the stock now.
 */
hooks.beforePaymentAuthorization(async ({ input }, { container }) => {
  await container.resolve(Modules.LOCKING).releaseAll({ ownerId: stockOwner(input.id) })
})

const ORDER_FIELDS = [
  "id",
  "customer_id",
  "total",
  "items.id",
  "items.title",
  "items.quantity",
  "items.total",
  "items.variant_id",
  "items.product_id",
  "shipping_address.first_name",
  "shipping_address.last_name",
  "shipping_address.phone",
]

/**
 * The order exists: the reservation becomes its assignment with its first
 * code (placePickupAssignment), is linked to the order, and the customer's
 * point is remembered for next time (linkOrderPickup).
 */
hooks.orderCreated(
  async ({ order_id, cart_id }, { container }) => {
    const [reservation] = await pickupService(container).listPickupAssignments({ cart_id }, { take: 1 })
    if (!reservation) return new StepResponse(null, [])
    const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: order_id } })
    const order = data[0]
    const done: CheckoutUndo[] = []
    try {
      const { placed, undo } = await placePickupAssignment(container, { cart_id, order_id, order })
      if (!placed || !undo) return new StepResponse(null, [])
      done.push(undo)
      done.push(
        await linkOrderPickup(container, {
          order_id,
          assignment_id: placed.id,
          pickup_point_id: reservation.pickup_point_id,
          customer_id: order.customer_id ?? null,
        })
      )
      return new StepResponse(placed, done)
    } catch (error) {
      await undoCheckoutChanges(container, done)
      throw error
    }
  },
  async (done, { container }) => {
    if (done?.length) await undoCheckoutChanges(container, done)
  }
)
