import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { nowOf } from "../../../../utils/clock"
import { pickup } from "../../../pickup-staff/helpers"
import { type StorePickupOrderProofType, ownPickup } from "./helpers"
import type { StoreOrderPickupResponse } from "../../../contract"

/**
 * Where and when to collect, the state, what is left to pay, and the QR token
 * (never the code). For the signed-in owner, or a guest with ?cart_id= of the
 * cart the order was placed from.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, StorePickupOrderProofType>,
  res: MedusaResponse<StoreOrderPickupResponse>
) {
  const { cart_id } = req.validatedQuery
  const a = await ownPickup(req, cart_id)
  const svc = pickup(req)
  const [point] = await svc.listPickupPoints({ id: a.pickup_point_id }, { take: 1, relations: ["office"] })
  const [cycle] = await svc.listOrderCycles({ id: a.order_cycle_id }, { take: 1 })
  const live = ["placed", "ready"].includes(a.status)
  res.setHeader("Cache-Control", "no-store")
  res.json({
    pickup: {
      status: a.status,
      bag_number: a.bag_number,
      pickup_point: {
        id: point.id,
        name: point.name,
        compound_name: (point as any).office.compound_name,
        address: (point as any).office.address,
      },
      order_cycle: {
        id: cycle.id,
        name: cycle.name,
        resident_cutoff_at: cycle.resident_cutoff_at.toISOString(),
        pickup_starts_at: cycle.pickup_starts_at.toISOString(),
        pickup_ends_at: cycle.pickup_ends_at.toISOString(),
      },
      // What POST /store/lianxin/orders/:id/cancel will accept right now.
      cancellable: a.status === "placed" && new Date(cycle.resident_cutoff_at).getTime() > nowOf(req.scope).getTime(),
      hold_expires_at: a.hold_expires_at,
      refunded_fen: a.refunded_fen,
      collect_reduction_fen: a.collect_reduction_fen,
      lines: (a.lines ?? []).map((l: any) => ({
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
  })
}
