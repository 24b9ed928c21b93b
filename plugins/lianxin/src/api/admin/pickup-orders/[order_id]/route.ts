import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { pickup } from "../../../pickup-staff/helpers"

export async function orderAssignment(req: AuthenticatedMedusaRequest) {
  const [a] = await pickup(req).listPickupAssignments(
    { order_id: req.params.order_id },
    { take: 1, relations: ["batch", "batch.point", "batch.point.office", "batch.cycle", "lines", "handovers"] }
  )
  if (!a) throw new MedusaError(MedusaError.Types.NOT_FOUND, `order ${req.params.order_id} has no pickup`)
  return a
}

/**
 * Medusa Admin's order widget: the order's pickup point, cycle, status, handovers (with the staff member's name),
 * shortages and refunds. Never the code: only when it was issued and its version.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const a = await orderAssignment(req)
  const handovers = [...(a.handovers ?? [])].sort(
    (x, y) => new Date(x.handed_over_at).getTime() - new Date(y.handed_over_at).getTime()
  )
  const staffIds = [...new Set(handovers.map((h) => h.staff_id).filter(Boolean))] as string[]
  const staff = staffIds.length ? await pickup(req).listPickupStaffs({ id: staffIds }, { take: staffIds.length }) : []
  const names = new Map(staff.map((s) => [s.id, s.name]))
  const point = a.batch?.point
  const cycle = a.batch?.cycle
  res.json({
    pickup: {
      id: a.id,
      order_id: a.order_id,
      status: a.status,
      perishability: a.perishability,
      bag_number: Number(a.bag_number),
      point: point
        ? { id: point.id, code: point.code, name: point.name, compound_name: point.office?.compound_name ?? null }
        : null,
      cycle: cycle
        ? {
            id: cycle.id,
            name: cycle.name,
            rhythm: cycle.rhythm,
            pickup_starts_at: cycle.pickup_starts_at,
            pickup_ends_at: cycle.pickup_ends_at,
          }
        : null,
      batch: a.batch ? { id: a.batch.id, status: a.batch.status } : null,
      ready_at: a.ready_at,
      hold_expires_at: a.hold_expires_at,
      collected_at: a.collected_at,
      uncollected_at: a.uncollected_at,
      code_version: Number(a.code_version),
      code_issued_at: a.code_issued_at,
      order_total_fen: Number(a.order_total_fen),
      refunded_fen: Number(a.refunded_fen),
      collect_reduction_fen: Number(a.collect_reduction_fen),
      disposal: a.disposed_at ? { policy: a.disposal_policy, note: a.disposal_note, disposed_at: a.disposed_at } : null,
      lines: (a.lines ?? []).map((l) => ({
        id: l.id,
        title: l.title,
        quantity: Number(l.quantity),
        short_quantity: Number(l.short_quantity),
        damaged_quantity: Number(l.damaged_quantity),
        handed_over_quantity: Number(l.handed_over_quantity),
        refund_fen: Number(l.refund_fen),
      })),
      handovers: handovers.map((h) => ({
        id: h.id,
        kind: h.kind,
        method: h.method,
        proxy: h.proxy,
        staff_name: names.get(h.staff_id) ?? null,
        captured_fen: Number(h.captured_fen),
        handed_over_at: h.handed_over_at,
      })),
    },
  })
}
