import type { MedusaContainer } from "@medusajs/framework/types"
import { nowOf } from "../../../../utils/clock"
import { pickupService } from "../../../../workflows/pickup/steps/service"
import type { StoreOrderPickup, StoreOrderPickupResponse } from "../../../contract"

/**
 * The order's pickup assignment as ownPickup (./helpers) reads it for its owner, with the fields read here typed as
 * they travel (res.json writes its Dates as ISO strings).
 */
export type OwnedPickup = Pick<
  StoreOrderPickup,
  "status" | "bag_number" | "hold_expires_at" | "refunded_fen" | "collect_reduction_fen"
> & {
  id: string
  order_id: string
  pickup_point_id: string
  order_cycle_id: string
  code_version: number
  lines?: StoreOrderPickup["lines"] | null
}

/**
 * Where and when to collect, the state, what is left to pay, and the QR token (never the code) of a pickup the
 * caller was shown to own (the route checks that: ownPickup).
 */
export async function readStoreOrderPickup(
  scope: MedusaContainer,
  { pickup: a }: { pickup: OwnedPickup }
): Promise<StoreOrderPickupResponse> {
  const svc = pickupService(scope)
  const [point] = await svc.listPickupPoints({ id: a.pickup_point_id }, { take: 1, relations: ["office"] })
  const [cycle] = await svc.listOrderCycles({ id: a.order_cycle_id }, { take: 1 })
  const live = ["placed", "ready"].includes(a.status)
  return {
    pickup: {
      status: a.status,
      bag_number: a.bag_number,
      pickup_point: {
        id: point.id,
        name: point.name,
        compound_name: point.office.compound_name,
        address: point.office.address,
      },
      order_cycle: {
        id: cycle.id,
        name: cycle.name,
        resident_cutoff_at: cycle.resident_cutoff_at.toISOString(),
        pickup_starts_at: cycle.pickup_starts_at.toISOString(),
        pickup_ends_at: cycle.pickup_ends_at.toISOString(),
      },
      // What POST /store/lianxin/orders/:id/cancel will accept right now.
      cancellable: a.status === "placed" && new Date(cycle.resident_cutoff_at).getTime() > nowOf(scope).getTime(),
      hold_expires_at: a.hold_expires_at,
      refunded_fen: a.refunded_fen,
      collect_reduction_fen: a.collect_reduction_fen,
      lines: (a.lines ?? []).map((l) => ({
        line_item_id: l.line_item_id,
        title: l.title,
        quantity: l.quantity,
        short_quantity: l.short_quantity,
      })),
      qr_token:
        live && a.code_version > 0
          ? svc.signToken({ a: a.id, o: a.order_id, p: a.pickup_point_id, v: a.code_version })
          : null,
    },
  }
}
