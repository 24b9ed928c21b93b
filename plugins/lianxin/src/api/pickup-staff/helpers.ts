import type { AuthenticatedMedusaRequest, MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { PICKUP_MODULE } from "../../modules/pickup"
import type PickupModuleService from "../../modules/pickup/service"
import { harvestList, maskResidentName, type Attribution, type HarvestListRow, type PickupListRow } from "../../utils/pickup-manifest"

export const pickup = (req: MedusaRequest) => req.scope.resolve(PICKUP_MODULE) as PickupModuleService

/** Parses with zod; a failure is a 400 naming each bad field. */
export function parseOr400<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value ?? {})
  if (!result.success) {
    const detail = result.error.issues
      .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
      .join("; ")
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${detail}`)
  }
  return result.data
}

/** The signed-in staff member and the points they act for; 401 when deactivated. */
export async function staffContext(req: AuthenticatedMedusaRequest) {
  const staffId = req.auth_context?.actor_id
  if (!staffId) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  const pointIds = await pickup(req).staffPointIds(staffId)
  if (!pointIds.length) {
    const [staff] = await pickup(req).listPickupStaffs({ id: staffId, is_active: true }, { take: 1 })
    if (!staff) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  }
  return { staffId, pointIds }
}

const notFound = (what: string, id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `${what} ${id} was not found`)

/** 404 unless the point is one of the staff member's: other points do not exist for them. */
export function ownPoint(ctx: { pointIds: string[] }, pointId: string) {
  if (!ctx.pointIds.includes(pointId)) throw notFound("pickup point", pointId)
  return pointId
}

export async function ownBatch(req: MedusaRequest, ctx: { pointIds: string[] }, batchId: string) {
  const [batch] = await pickup(req).listPickupBatches({ id: batchId }, { take: 1 })
  if (!batch || !ctx.pointIds.includes((batch as any).point_id)) throw notFound("batch", batchId)
  return batch as any
}

export async function ownAssignment(req: MedusaRequest, ctx: { pointIds: string[] }, id: string) {
  const [a] = await pickup(req).listPickupAssignments({ id }, { take: 1, relations: ["lines", "handovers"] })
  if (!a || !ctx.pointIds.includes(a.pickup_point_id) || !a.order_id) throw notFound("pickup", id)
  return a as any
}

/** What staff see of an order: no full name, no full phone, never the code hash. */
export function staffView(a: any) {
  return {
    id: a.id,
    order_id: a.order_id,
    pickup_point_id: a.pickup_point_id,
    order_cycle_id: a.order_cycle_id,
    status: a.status,
    perishability: a.perishability,
    bag_number: a.bag_number,
    resident: a.resident_name_masked,
    phone_last4: a.phone_last4,
    order_total_fen: a.order_total_fen,
    refunded_fen: a.refunded_fen,
    collect_reduction_fen: a.collect_reduction_fen,
    ready_at: a.ready_at,
    hold_expires_at: a.hold_expires_at,
    collected_at: a.collected_at,
    uncollected_at: a.uncollected_at,
    disposition: a.disposition,
    lines: (a.lines ?? []).map((l: any) => ({
      line_item_id: l.line_item_id,
      variant_id: l.variant_id,
      title: l.title,
      quantity: l.quantity,
      short_quantity: l.short_quantity,
      handed_over_quantity: l.handed_over_quantity,
      refund_fen: l.refund_fen,
    })),
    handovers: (a.handovers ?? []).map((h: any) => ({
      id: h.id,
      staff_id: h.staff_id,
      kind: h.kind,
      method: h.method,
      proxy: h.proxy,
      proxy_name: h.proxy_name,
      lines: h.lines,
      handed_over_at: h.handed_over_at,
    })),
  }
}

/** The batch's pickup list (by resident) and harvest list (by household). */
export async function buildManifest(req: MedusaRequest, batch: any) {
  const assignments = await pickup(req).listPickupAssignments(
    { batch_id: batch.id, status: ["placed", "ready", "collected", "uncollected"] },
    { take: 10_000, relations: ["lines"], order: { bag_number: "ASC" } }
  )
  const pickupList: PickupListRow[] = assignments.map((a: any) => ({
    bag_number: a.bag_number,
    resident: a.resident_name_masked ?? maskResidentName(""),
    phone_last4: a.phone_last4 ?? "",
    order_id: a.order_id,
    status: a.status,
    items: (a.lines ?? [])
      .map((l: any) => `${l.title}×${l.quantity - l.short_quantity}${l.short_quantity ? `（缺${l.short_quantity}）` : ""}`)
      .join("；"),
    amount_to_collect_fen: Math.max(0, Number(a.order_total_fen) - Number(a.collect_reduction_fen) - Number(a.refunded_fen)),
  }))
  const lines = assignments.flatMap((a: any) =>
    (a.lines ?? []).map((l: any) => ({
      product_id: l.product_id,
      variant_id: l.variant_id,
      title: l.title,
      quantity: Number(l.quantity),
      short_quantity: Number(l.short_quantity),
    }))
  )
  const productIds = [...new Set(lines.map((l) => l.product_id).filter(Boolean))] as string[]
  const attributions = new Map<string, Attribution>()
  if (productIds.length) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    try {
      const { data } = await query.graph({
        entity: "product",
        fields: ["id", "attribution.cooperative_id", "attribution.shares.household_id"],
        filters: { id: productIds },
      })
      for (const p of data as any[]) {
        attributions.set(
          p.id,
          p.attribution
            ? {
                cooperative_id: p.attribution.cooperative_id ?? null,
                household_ids: (p.attribution.shares ?? []).map((s: any) => s.household_id).sort(),
              }
            : null
        )
      }
    } catch {
      // Without the household module's link the list is still useful, unattributed.
    }
  }
  const harvest: HarvestListRow[] = batch.harvest_snapshot?.rows ?? harvestList(lines, attributions)
  return { pickupList, harvest }
}
