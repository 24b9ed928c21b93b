import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../modules/pickup"
import { orderPerishability } from "../../utils/pickup-hold"
import { maskResidentName, phoneLast4 } from "../../utils/pickup-manifest"
import { toFen } from "../../utils/money"
import { pickupService, type Query } from "../pickup/steps/service"

/**
 * Checkout takes its place at the chosen pickup point in the chosen cycle, or
 * is refused — before any order exists or any payment is authorized. The
 * cutoff and the capacity are checked by one conditional UPDATE in
 * reserveForCart; an order is never moved to another cycle or point. A cart
 * without a chosen point and cycle is always refused (docs/decisions/005).
 *
 * Compensation gives the place back whether the reservation had already been
 * placed for the order or not: a failure anywhere after this hook (the order's
 * own steps, the orderCreated hook below) leaves no assignment, no lines and
 * no counted place behind.
 */
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "customer_id", "pickup_point.id", "order_cycle.id", "items.product_id"],
      filters: { id: cart.id },
    })
    const row = data[0]
    const svc = pickupService(container)
    if (!row?.pickup_point?.id || !row?.order_cycle?.id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "请先选择自提点和自提批次，再提交订单。(pickup_point_id: the cart has no pickup point and cycle; choose one with POST /store/carts/:id/pickup)"
      )
    }
    const productIds = [...new Set<string>((row.items ?? []).map((i: any) => i?.product_id).filter(Boolean))]
    const { data: products } = productIds.length
      ? await query.graph({ entity: "product", fields: ["id", "metadata"], filters: { id: productIds } })
      : { data: [] }
    const reservation = await svc.reserveForCart({
      cart_id: cart.id,
      pickup_point_id: row.pickup_point.id,
      order_cycle_id: row.order_cycle.id,
      perishability: orderPerishability(products),
      customer_id: row.customer_id ?? null,
      now: new Date(),
    })
    return new StepResponse(reservation, reservation.created ? cart.id : null)
  },
  async (cartId, { container }) => {
    if (cartId) await pickupService(container).releaseCartAssignment(cartId)
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
    // The code exists from placement, unshown; the order-placed message and the
    // resident's first request for a code both give this one (decision 014).
    await svc.issueCode(placed.id, { shown: false })

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
