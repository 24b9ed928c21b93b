import type { Query } from "../steps/service"

/**
 * The pickup point and property office an order was placed for, read across
 * the order ↔ pickup assignment link; null for an order without one.
 * The revenue ledger uses property_office_id as the property office's party.
 */
export async function readOrderPickupPoint(
  query: Pick<Query, "graph">,
  orderId: string
): Promise<{ pickup_point_id: string; property_office_id: string } | null> {
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "pickup_assignment.pickup_point_id", "pickup_assignment.property_office_id"],
    filters: { id: orderId },
  })
  const a = data[0]?.pickup_assignment
  return a?.pickup_point_id ? { pickup_point_id: a.pickup_point_id, property_office_id: a.property_office_id } : null
}
