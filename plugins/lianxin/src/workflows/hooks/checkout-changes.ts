import type { LinkDefinition } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PICKUP_MODULE } from "../../modules/pickup"
import type { ReserveInput } from "../../modules/pickup/types"
import { toFen } from "../../utils/money"
import { maskResidentName, phoneLast4 } from "../../utils/pickup-manifest"
import { type QueryRow, rows } from "../../utils/query-types"
import { pickupService, type Query } from "../pickup/steps/service"
import { holdStock, releaseStock, type StockLine } from "./stock-hold"

/**
 * The four changes checkout makes on the pickup side, each with its own named
 * undo (as a step and its compensation; Medusa's hooks give one handler per
 * hook, so the handlers in complete-cart-pickup.ts run these in order):
 *
 * 1. takePickupPlace / givePickupPlaceBack — the cart's place in its batch
 * 2. holdCartStock / releaseCartStock — the hold on the cart's products
 * 3. placePickupAssignment / unplacePickupAssignment — the reservation becomes the order's assignment (lines, code)
 * 4. linkOrderPickup / unlinkOrderPickup — order ↔ assignment, and the customer's remembered point
 *
 * A change returns what its undo needs, or null when it changed nothing. A
 * handler that fails part-way undoes the changes it made (undoCheckoutChanges);
 * a hook's compensation undoes them all when a later step of Medusa's checkout fails.
 */
export type CheckoutUndo =
  | { change: "take-pickup-place"; cart_id: string }
  | { change: "hold-cart-stock"; cart_id: string }
  | { change: "place-pickup-assignment"; assignment_id: string }
  | { change: "link-order-pickup"; links: LinkDefinition[]; dismissed: LinkDefinition[] }

type Container = { resolve: (key: string) => any }
type Reservation = Awaited<ReturnType<ReturnType<typeof pickupService>["reserveForCart"]>>

/** 1. The place at the chosen point in the chosen cycle, under the ordering rule (see the service). */
export async function takePickupPlace(container: Container, input: ReserveInput) {
  const reservation: Reservation = await pickupService(container).reserveForCart(input)
  // A retried checkout finds its reservation: it took nothing now, so it gives nothing back.
  const undo: CheckoutUndo | null = reservation.created ? { change: "take-pickup-place", cart_id: input.cart_id } : null
  return { reservation, undo }
}

export async function givePickupPlaceBack(container: Container, undo: { cart_id: string }) {
  await pickupService(container).releaseCartAssignment(undo.cart_id)
}

/** 2. The hold on the cart's managed inventory until Medusa's reservation step has run (stock-hold.ts). */
export async function holdCartStock(
  container: Container,
  input: { cart_id: string; lines: StockLine[]; sales_channel_id: string | null }
): Promise<CheckoutUndo | null> {
  await holdStock(container, input.cart_id, input.lines, input.sales_channel_id)
  return input.lines.length ? { change: "hold-cart-stock", cart_id: input.cart_id } : null
}

export async function releaseCartStock(container: Container, undo: { cart_id: string }) {
  await releaseStock(container, undo.cart_id)
}

/** The placed order as complete-cart-pickup reads it (ORDER_FIELDS). */
type PlacedOrder = Pick<QueryRow<"order">, "customer_id" | "total" | "items" | "shipping_address">

/**
 * 3. The cart's reservation becomes the order's assignment: lines, masked
 * name, last four phone digits, and its first pickup code (unshown: the
 * order-placed message and the resident's first request both give this one,
 * decision 014). Null when the reservation was placed already.
 */
export async function placePickupAssignment(
  container: Container,
  input: { cart_id: string; order_id: string; order: PlacedOrder }
) {
  const svc = pickupService(container)
  const { order } = input
  const address = order.shipping_address
  const placed = await svc.placeReservation({
    cart_id: input.cart_id,
    order_id: input.order_id,
    resident_name_masked: maskResidentName(`${address?.last_name ?? ""}${address?.first_name ?? ""}`),
    phone_last4: phoneLast4(address?.phone),
    order_total_fen: toFen(order.total ?? 0),
    lines: rows(order.items).map((i) => ({
      line_item_id: i.id,
      variant_id: i.variant_id ?? null,
      product_id: i.product_id ?? null,
      title: i.title,
      quantity: Number(i.quantity),
      amount_fen: toFen(i.total ?? 0),
    })),
  })
  if (!placed) return { placed: null, undo: null }
  const undo: CheckoutUndo = { change: "place-pickup-assignment", assignment_id: placed.id }
  try {
    await svc.issueCode(placed.id, { shown: false })
  } catch (error) {
    await unplacePickupAssignment(container, undo)
    throw error
  }
  return { placed, undo }
}

export async function unplacePickupAssignment(container: Container, undo: { assignment_id: string }) {
  await pickupService(container).unplaceReservation(undo.assignment_id)
}

/**
 * 4. The order is linked to its assignment, and a signed-in customer's
 * remembered point becomes this order's point (the previous one is dismissed).
 */
export async function linkOrderPickup(
  container: Container,
  input: { order_id: string; assignment_id: string; pickup_point_id: string; customer_id: string | null }
): Promise<CheckoutUndo> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const links: LinkDefinition[] = [
    { [Modules.ORDER]: { order_id: input.order_id }, [PICKUP_MODULE]: { pickup_assignment_id: input.assignment_id } },
  ]
  const dismissed: LinkDefinition[] = []
  if (input.customer_id) {
    const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "pickup_point.id"],
      filters: { id: input.customer_id },
    })
    const remembered: string | undefined = customers[0]?.pickup_point?.id
    if (remembered !== input.pickup_point_id) {
      if (remembered) {
        dismissed.push({
          [Modules.CUSTOMER]: { customer_id: input.customer_id },
          [PICKUP_MODULE]: { pickup_point_id: remembered },
        })
      }
      links.push({
        [Modules.CUSTOMER]: { customer_id: input.customer_id },
        [PICKUP_MODULE]: { pickup_point_id: input.pickup_point_id },
      })
    }
  }
  if (dismissed.length) await link.dismiss(dismissed)
  try {
    await link.create(links)
  } catch (error) {
    if (dismissed.length) await link.create(dismissed)
    throw error
  }
  return { change: "link-order-pickup", links, dismissed }
}

export async function unlinkOrderPickup(
  container: Container,
  undo: { links: LinkDefinition[]; dismissed: LinkDefinition[] }
) {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.dismiss(undo.links)
  if (undo.dismissed.length) await link.create(undo.dismissed)
}

/** Undoes changes in the reverse order of making them. */
export async function undoCheckoutChanges(container: Container, done: CheckoutUndo[]) {
  for (const undo of [...done].reverse()) {
    switch (undo.change) {
      case "take-pickup-place":
        await givePickupPlaceBack(container, undo)
        break
      case "hold-cart-stock":
        await releaseCartStock(container, undo)
        break
      case "place-pickup-assignment":
        await unplacePickupAssignment(container, undo)
        break
      case "link-order-pickup":
        await unlinkOrderPickup(container, undo)
        break
    }
  }
}
