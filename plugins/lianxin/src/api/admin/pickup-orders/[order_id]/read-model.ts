import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { pickupService } from "../../../../workflows/pickup/steps/service"

/**
 * What GET /admin/pickup-orders/:order_id answers (Medusa Admin's order widget; operators only, no contract type:
 * the widget is part of the plugin). Times are the service's Dates; res.json writes them as ISO strings.
 */
export type AdminPickupOrder = {
  id: string
  order_id: string | null
  status: string
  perishability: string
  bag_number: number
  point: { id: string; code: string; name: string; compound_name: string | null } | null
  cycle: { id: string; name: string; rhythm: string; pickup_starts_at: Date; pickup_ends_at: Date } | null
  batch: { id: string; status: string } | null
  ready_at: Date | null
  hold_expires_at: Date | null
  collected_at: Date | null
  uncollected_at: Date | null
  code_version: number
  code_issued_at: Date | null
  order_total_fen: number
  refunded_fen: number
  collect_reduction_fen: number
  disposal: { policy: string | null; note: string | null; disposed_at: Date } | null
  lines: Array<{
    id: string
    title: string
    quantity: number
    short_quantity: number
    damaged_quantity: number
    handed_over_quantity: number
    refund_fen: number
  }>
  handovers: Array<{
    id: string
    kind: string
    method: string
    proxy: boolean
    staff_name: string | null
    captured_fen: number
    handed_over_at: Date
  }>
}
export type AdminPickupOrderResponse = { pickup: AdminPickupOrder }

/** The order's pickup assignment with its batch (point, office, cycle), lines and handovers; 404 when it has none. */
export async function orderAssignment(scope: MedusaContainer, orderId: string) {
  const [a] = await pickupService(scope).listPickupAssignments(
    { order_id: orderId },
    { take: 1, relations: ["batch", "batch.point", "batch.point.office", "batch.cycle", "lines", "handovers"] }
  )
  if (!a) throw new MedusaError(MedusaError.Types.NOT_FOUND, `order ${orderId} has no pickup`)
  return a
}

/**
 * The order's pickup point, cycle, status, handovers (with the staff member's name), shortages and refunds.
 * Never the code: only when it was issued and its version.
 */
export async function readAdminPickupOrder(
  scope: MedusaContainer,
  { order_id }: { order_id: string }
): Promise<AdminPickupOrderResponse> {
  const a = await orderAssignment(scope, order_id)
  const handovers = [...(a.handovers ?? [])].sort(
    (x, y) => new Date(x.handed_over_at).getTime() - new Date(y.handed_over_at).getTime()
  )
  const staffIds = [...new Set(handovers.map((h) => h.staff_id).filter(Boolean))] as string[]
  const staff = staffIds.length
    ? await pickupService(scope).listPickupStaffs({ id: staffIds }, { take: staffIds.length })
    : []
  const names = new Map(staff.map((s) => [s.id, s.name]))
  const point = a.batch?.point
  const cycle = a.batch?.cycle
  return {
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
  }
}
