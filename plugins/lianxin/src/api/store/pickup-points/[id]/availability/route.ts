import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { nowOf } from "../../../../../utils/clock"
import { cycleOffer, nextOpenCycle } from "../../../../../utils/order-rule"
import { pickup } from "../../../../pickup-staff/helpers"
import { activePoint } from "../../helpers"
import type { StoreAvailabilityQueryType } from "../../validators"
import type { StoreAvailabilityResponse } from "../../../../contract"

/**
 * Whether this point's cycle (the given one, else the next open cycle there —
 * the first of GET …/cycles) takes orders, and places left per storage class,
 * by the same rule checkout applies (utils/order-rule). A product is chilled
 * when product.metadata.perishability === "chilled" (as checkout decides),
 * else ambient. `reason` (when `open` is false): no_cycle (none open, or the
 * given one is canceled), cutoff_passed, batch_closed, point_full (no class
 * has a place left).
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, StoreAvailabilityQueryType>,
  res: MedusaResponse<StoreAvailabilityResponse>
) {
  const q = req.validatedQuery
  const point = await activePoint(req, req.params.id)
  const now = nowOf(req.scope)
  const { cycles } = await pickup(req).cyclesAtPoint({ point_id: point.id, now, cycle_id: q.order_cycle_id })
  if (q.order_cycle_id && !cycles[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `order cycle ${q.order_cycle_id} was not found`)
  }
  const state = q.order_cycle_id ? cycles[0] : nextOpenCycle(cycles, now)
  const offer = state ? cycleOffer(state, now) : null
  const reason = !offer || offer.refusal === "cycle_canceled" ? "no_cycle" : offer.refusal
  res.json({
    availability: {
      order_cycle_id: state?.cycle.id ?? null,
      open: reason === null,
      reason,
      classes: {
        chilled: { capacity: Number(point.capacity_chilled), remaining: offer?.places_left.chilled ?? 0 },
        ambient: { capacity: Number(point.capacity_ambient), remaining: offer?.places_left.ambient ?? 0 },
      },
    },
  })
}
