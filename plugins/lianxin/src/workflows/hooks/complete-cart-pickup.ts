import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../modules/pickup"
import { CheckoutRefusal } from "../../utils/checkout-refusal"
import { nowOf } from "../../utils/clock"
import { orderPerishability } from "../../utils/pickup-hold"
import { maskResidentName, phoneLast4 } from "../../utils/pickup-manifest"
import { toFen } from "../../utils/money"
import { nextOpenCycle } from "../../utils/order-rule"
import { pickupService, type Query } from "../pickup/steps/service"
import { holdStock, releaseStock, stockOwner, type StockLine } from "./stock-hold"

/**
 * Checkout takes its place at the chosen pickup point in the chosen cycle, or
 * is refused — before any order exists or any payment is authorized:
 *
 * 1. The place: reserveForCart applies the ordering rule (utils/order-rule:
 *    cutoff, batch state, capacity) to the batch row it holds FOR UPDATE. An
 *    order is never moved to another cycle or point; a cart whose point was
 *    chosen without a cycle gets the next cycle open there for its class.
 * 2. The stock (stock-hold.ts): the cart's managed inventory items are held
 *    (Medusa's locking module, keys of our own) from here until Medusa's
 *    reservation step has run, and the quantities are checked under that hold.
 *    Fifty residents completing for the last unit then get one order and 49
 *    refusals naming the product, instead of queueing on Medusa's inventory
 *    lock until it times out (500). Released by the beforePaymentAuthorization
 *    hook below, or by this hook's compensation.
 *
 * A refusal is a CheckoutRefusal (409 with a code, the message in Chinese and
 * the next open cycle, see api/middlewares.ts). Compensation gives the place
 * back whether the reservation had already been placed for the order or not: a
 * failure anywhere after this hook leaves no assignment, no lines and no
 * counted place behind.
 */
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    const now = nowOf(container)
    const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "customer_id", "pickup_point.id", "order_cycle.id", "items.product.id", "items.product.metadata"],
      filters: { id: cart.id },
    })
    const row = data[0]
    const svc = pickupService(container)
    const pointId: string | undefined = row?.pickup_point?.id
    if (!pointId) {
      // Bad input, not a refusal: the cart was never given a point (400 naming the field, as before).
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "请先选择自提点和自提批次，再提交订单。(pickup_point_id: the cart has no pickup point and cycle; choose one with POST /store/carts/:id/pickup)"
      )
    }
    const perishability = orderPerishability((row.items ?? []).map((i: any) => i?.product))
    let cycleId: string | undefined = row.order_cycle?.id
    if (!cycleId) {
      // A point chosen without a cycle: the next cycle open there for this order's class.
      const { point, cycles } = await svc.cyclesAtPoint({ point_id: pointId, now })
      if (!point) throw new CheckoutRefusal("point_inactive", { pickup_point_id: pointId })
      const next = nextOpenCycle(cycles, now, perishability)
      if (!next) throw new CheckoutRefusal("no_cycle", { pickup_point_id: pointId, next_order_cycle: null })
      cycleId = next.cycle.id
    }
    const reservation = await svc.reserveForCart({
      cart_id: cart.id,
      pickup_point_id: pointId,
      order_cycle_id: cycleId,
      perishability,
      customer_id: row.customer_id ?? null,
      now,
    })
    // A cart completed before (a retry) has its reservation: Medusa creates no order and no reservation again.
    const lines = (cart as any).completed_at ? [] : stockLinesOf(cart)
    try {
      await holdStock(container, cart.id, lines, (cart as any).sales_channel_id ?? null)
    } catch (error) {
      if (reservation.created) await svc.releaseCartAssignment(cart.id)
      throw error
    }
    return new StepResponse(reservation, { cartId: cart.id, placeTaken: reservation.created, stockHeld: lines.length > 0 })
  },
  async (comp, { container }) => {
    if (!comp) return
    if (comp.stockHeld) await releaseStock(container, comp.cartId)
    if (comp.placeTaken) await pickupService(container).releaseCartAssignment(comp.cartId)
  }
)

/** The cart's lines whose stock Medusa will reserve: managed inventory, no backorder. */
function stockLinesOf(cart: any): StockLine[] {
  const lines: StockLine[] = []
  for (const item of cart?.items ?? []) {
    const variant = item?.variant
    if (!variant?.manage_inventory || variant.allow_backorder) continue
    for (const link of variant.inventory_items ?? []) {
      lines.push({
        inventory_item_id: link.inventory_item_id,
        required: Number(link.required_quantity ?? 1) * Number(item.quantity),
        variant_id: item.variant_id,
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

type CartHook = (
  handler: (input: { input: { id: string } }, ctx: { container: any }) => Promise<unknown>
) => void

/**
 * Medusa's reservation step has run (the reservation is committed): the next
 * resident waiting for the same products may check the stock now.
 */
;((completeCartWorkflow.hooks as unknown as { beforePaymentAuthorization: CartHook }).beforePaymentAuthorization)(
  async ({ input }, { container }) => {
    await container.resolve(Modules.LOCKING).releaseAll({ ownerId: stockOwner(input.id) })
  }
)

type OrderCreatedHook = (
  handler: (input: { order_id: string; cart_id: string }, ctx: { container: any }) => Promise<StepResponse<unknown, unknown>>,
  compensate?: (data: any, ctx: { container: any }) => Promise<void>
) => void

/**
 * The order exists: the reservation becomes its assignment (lines, masked
 * name, last four phone digits), gets its first pickup code, is linked to the
 * order, and the customer's point is remembered for next time.
 */
;((completeCartWorkflow.hooks as unknown as { orderCreated: OrderCreatedHook }).orderCreated)(
  async ({ order_id, cart_id }, { container }) => {
    const svc = pickupService(container)
    const [reservation] = await svc.listPickupAssignments({ cart_id }, { take: 1 })
    if (!reservation) return new StepResponse(null, null)
    const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
    const { data } = await query.graph({
      entity: "order",
      fields: [
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
      ],
      filters: { id: order_id },
    })
    const order = data[0]
    const address = order.shipping_address ?? {}
    const placed = await svc.placeReservation({
      cart_id,
      order_id,
      resident_name_masked: maskResidentName(`${address.last_name ?? ""}${address.first_name ?? ""}`),
      phone_last4: phoneLast4(address.phone),
      order_total_fen: toFen(order.total ?? 0),
      lines: (order.items ?? []).map((i: any) => ({
        line_item_id: i.id,
        variant_id: i.variant_id ?? null,
        product_id: i.product_id ?? null,
        title: i.title,
        quantity: Number(i.quantity),
        amount_fen: toFen(i.total ?? 0),
      })),
    })
    if (!placed) return new StepResponse(null, null)
    // The code exists from placement; its digits are shown to nobody. The
    // resident's first request for a code issues the one they see (docs/pickup.md).
    await svc.issueCode(placed.id)

    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const links: Record<string, Record<string, string>>[] = [
      { [Modules.ORDER]: { order_id }, [PICKUP_MODULE]: { pickup_assignment_id: placed.id } },
    ]
    let dismissed: Record<string, Record<string, string>>[] = []
    if (order.customer_id) {
      const { data: customers } = await query.graph({
        entity: "customer",
        fields: ["id", "pickup_point.id"],
        filters: { id: order.customer_id },
      })
      const remembered = customers[0]?.pickup_point?.id
      if (remembered !== reservation.pickup_point_id) {
        if (remembered) {
          dismissed = [{ [Modules.CUSTOMER]: { customer_id: order.customer_id }, [PICKUP_MODULE]: { pickup_point_id: remembered } }]
          await link.dismiss(dismissed as any)
        }
        links.push({
          [Modules.CUSTOMER]: { customer_id: order.customer_id },
          [PICKUP_MODULE]: { pickup_point_id: reservation.pickup_point_id },
        })
      }
    }
    await link.create(links as any)
    return new StepResponse(placed, { assignment_id: placed.id, links, dismissed })
  },
  async (comp: { assignment_id: string; links: any[]; dismissed: any[] } | null, { container }) => {
    if (!comp) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.dismiss(comp.links)
    if (comp.dismissed.length) await link.create(comp.dismissed)
    await pickupService(container).unplaceReservation(comp.assignment_id)
  }
)
