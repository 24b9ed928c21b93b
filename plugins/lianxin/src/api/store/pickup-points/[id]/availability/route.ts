import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { parseOr400, pickup } from "../../../../pickup-staff/helpers"
import { activePoint, placesLeft } from "../../helpers"
import { StoreAvailabilityQuery } from "../../validators"

type Reason = null | "cutoff_passed" | "batch_closed" | "no_cycle"

/**
 * Whether this point's cycle (the given one, else the open cycle with the
 * nearest cutoff) still takes orders, and places left per storage class. A
 * product is chilled when product.metadata.perishability === "chilled" (as
 * checkout decides), else ambient. A hint for the shop: checkout decides.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const q = parseOr400(StoreAvailabilityQuery, req.query)
  const point = await activePoint(req, req.params.id)
  const svc = pickup(req)
  const now = new Date()
  let cycle: any
  if (q.order_cycle_id) {
    ;[cycle] = await svc.listOrderCycles({ id: q.order_cycle_id }, { take: 1 })
    if (!cycle) throw new MedusaError(MedusaError.Types.NOT_FOUND, `order cycle ${q.order_cycle_id} was not found`)
  } else {
    ;[cycle] = await svc.listOrderCycles(
      { resident_cutoff_at: { $gt: now }, canceled_at: null },
      { take: 1, order: { resident_cutoff_at: "ASC" } }
    )
  }
  const [batch] = cycle ? await svc.listPickupBatches({ point_id: point.id, cycle_id: cycle.id }, { take: 1 }) : []
  let reason: Reason = null
  if (!cycle || cycle.canceled_at) reason = "no_cycle"
  else if (new Date(cycle.resident_cutoff_at).getTime() <= now.getTime()) reason = "cutoff_passed"
  else if (batch && !["open", "harvest_frozen"].includes((batch as any).status)) reason = "batch_closed"
  const left = placesLeft(point, batch)
  const closed = reason !== null
  res.json({
    availability: {
      order_cycle_id: cycle?.id ?? null,
      open: !closed,
      reason,
      classes: {
        chilled: { capacity: Number(point.capacity_chilled), remaining: closed ? 0 : left.chilled },
        ambient: { capacity: Number(point.capacity_ambient), remaining: closed ? 0 : left.ambient },
      },
    },
  })
}
