import { MedusaError } from "@medusajs/framework/utils"
import { CheckoutRefusal, nextCycleView } from "../../../utils/checkout-refusal"
import { nextOpenCycle, orderRefusal } from "../../../utils/order-rule"
import type { Perishability } from "../../../utils/pickup-hold"
import type { CycleRow, PointCapacity } from "../../../modules/pickup/service"
import { pickupService } from "../steps/service"
import type { PickupChoice } from "../types"

export type Choice = PickupChoice

/**
 * The pickup a cart's order would get: an active point, and a cycle the
 * ordering rule (utils/order-rule) lets an order of this class join now — the
 * one given, or the next open cycle at the point. A cycle that refuses is a
 * CheckoutRefusal (409, naming the refused cycle and the next open one).
 * Reads only; shared by set-cart-pickup and place-pickup-order.
 */
export async function decidePickup(
  container: { resolve: (key: string) => any },
  input: { pickup_point_id: string; order_cycle_id?: string; perishability: Perishability; now: Date }
): Promise<{ point: PointCapacity; cycle: CycleRow }> {
  const { now, perishability } = input
  const svc = pickupService(container)
  const { point, cycles } = await svc.cyclesAtPoint({
    point_id: input.pickup_point_id,
    now,
    cycle_id: input.order_cycle_id,
  })
  if (!point) throw new MedusaError(MedusaError.Types.INVALID_DATA, "pickup_point_id: no such active pickup point")
  if (input.order_cycle_id) {
    if (!cycles[0]) throw new MedusaError(MedusaError.Types.INVALID_DATA, "order_cycle_id: no such order cycle")
    const refusal = orderRefusal(cycles[0], perishability, now)
    if (refusal) {
      const open = await svc.cyclesAtPoint({ point_id: point.id, now })
      const next = nextOpenCycle(
        open.cycles.filter((c) => c.cycle.id !== input.order_cycle_id),
        now,
        perishability
      )
      throw new CheckoutRefusal(refusal, {
        pickup_point_id: point.id,
        order_cycle_id: input.order_cycle_id,
        order_cycle: nextCycleView(cycles[0].cycle),
        next_order_cycle: next ? nextCycleView(next.cycle) : null,
      })
    }
    return { point, cycle: cycles[0].cycle }
  }
  const next = nextOpenCycle(cycles, now, perishability)
  if (!next) throw new CheckoutRefusal("no_cycle", { pickup_point_id: point.id, next_order_cycle: null })
  return { point, cycle: next.cycle }
}
