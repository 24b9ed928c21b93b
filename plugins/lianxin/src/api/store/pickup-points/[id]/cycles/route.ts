import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { parseOr400, pickup } from "../../../../pickup-staff/helpers"
import { StoreEmptyQuery } from "../../validators"

/** Cycles still open for orders at this point, with places left (a hint: checkout decides). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  parseOr400(StoreEmptyQuery, req.query)
  const svc = pickup(req)
  const [point] = await svc.listPickupPoints({ id: req.params.id, is_active: true }, { take: 1 })
  if (!point) throw new MedusaError(MedusaError.Types.NOT_FOUND, `pickup point ${req.params.id} was not found`)
  const cycles = await svc.listOrderCycles(
    { resident_cutoff_at: { $gt: new Date() }, canceled_at: null },
    { take: 50, order: { resident_cutoff_at: "ASC" } }
  )
  const batches = cycles.length
    ? await svc.listPickupBatches({ point_id: point.id, cycle_id: cycles.map((c) => c.id) }, { take: 50 })
    : []
  res.json({
    order_cycles: cycles.map((c) => {
      const b: any = batches.find((x: any) => x.cycle_id === c.id)
      return {
        id: c.id,
        name: c.name,
        rhythm: c.rhythm,
        resident_cutoff_at: c.resident_cutoff_at,
        pickup_starts_at: c.pickup_starts_at,
        pickup_ends_at: c.pickup_ends_at,
        places_left: {
          chilled: Math.max(0, point.capacity_chilled - Number(b?.reserved_chilled ?? 0)),
          ambient: Math.max(0, point.capacity_ambient - Number(b?.reserved_ambient ?? 0)),
        },
      }
    }),
  })
}
