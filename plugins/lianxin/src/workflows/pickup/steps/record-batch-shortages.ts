import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { allocateShortage, shortRefundFen } from "../../../utils/pickup-shortage"
import { jsonList, pickupService } from "./service"

export type ShortageInput = { variant_id: string; missing_quantity: number }

export type LinePlan = {
  id: string
  assignment_id: string
  order_id: string
  line_item_id: string
  short_quantity: number
  refund_fen: number
}

/**
 * Shares each reported shortage among the batch's lines of that variant, pro
 * rata (see utils/pickup-shortage), and writes the short quantity and the
 * refund it implies on every line. Compensation puts the lines back and
 * deletes the shortage records.
 */
export const recordBatchShortagesStepId = "record-batch-shortages"

export const recordBatchShortagesStep = createStep(
  recordBatchShortagesStepId,
  async (input: { batch_id: string; staff_id: string; shortages: ShortageInput[] }, { container }) => {
    const svc = pickupService(container)
    const [batch] = await svc.listPickupBatches({ id: input.batch_id }, { take: 1 })
    if (!batch) throw new MedusaError(MedusaError.Types.NOT_FOUND, `batch ${input.batch_id} was not found`)
    if (batch.status === "ready") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `这批货已经验收过了，不能重复验收。(batch ${batch.id} was checked in already at ${new Date(batch.checked_in_at ?? Date.now()).toISOString()})`
      )
    }
    if (batch.status !== "arrived") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `请先确认到货，再验收。(batch ${batch.id} is ${batch.status}; mark it arrived first)`
      )
    }
    // Placed assignments: each has its order.
    const assignments = (
      await svc.listPickupAssignments({ batch_id: batch.id, status: "placed" }, { take: 10_000, relations: ["lines"] })
    ).filter((a): a is typeof a & { order_id: string } => a.order_id !== null)
    const plans: LinePlan[] = []
    const shortages: Array<{
      batch_id: string
      variant_id: string
      missing_quantity: number
      recorded_by: string
      allocations: Record<string, unknown>
    }> = []
    const seen = new Set<string>()
    input.shortages.forEach((s, index) => {
      if (seen.has(s.variant_id)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `shortages.${index}.variant_id is listed twice`)
      }
      seen.add(s.variant_id)
      const lines = assignments.flatMap((a) =>
        (a.lines ?? [])
          .filter((l) => l.variant_id === s.variant_id)
          .map((l) => ({ ...l, order_id: a.order_id, assignment_id: a.id }))
      )
      const ordered = lines.reduce((sum, l) => sum + Number(l.quantity), 0)
      if (!lines.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `shortages.${index}.variant_id is not in this batch's manifest`
        )
      }
      if (s.missing_quantity > ordered) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `shortages.${index}.missing_quantity ${s.missing_quantity} is more than the ${ordered} ordered`
        )
      }
      const allocation = allocateShortage(
        batch.id,
        s.missing_quantity,
        lines.map((l) => ({ line_item_id: l.line_item_id, order_id: l.order_id, quantity: Number(l.quantity) }))
      )
      for (const a of allocation) {
        // Every allocated line is one of `lines`.
        const line = lines.find((l) => l.line_item_id === a.line_item_id)!
        if (!a.short_quantity) continue
        plans.push({
          id: line.id,
          assignment_id: line.assignment_id,
          order_id: a.order_id,
          line_item_id: a.line_item_id,
          short_quantity: a.short_quantity,
          refund_fen: shortRefundFen(Number(line.amount_fen), Number(line.quantity), a.short_quantity),
        })
      }
      shortages.push({
        batch_id: batch.id,
        variant_id: s.variant_id,
        missing_quantity: s.missing_quantity,
        recorded_by: input.staff_id,
        allocations: jsonList(allocation),
      })
    })
    const created: Array<{ id: string }> = shortages.length ? await svc.createPickupShortages(shortages) : []
    if (plans.length) {
      await svc.updatePickupLines(
        plans.map((p) => ({ id: p.id, short_quantity: p.short_quantity, refund_fen: p.refund_fen }))
      )
    }
    return new StepResponse(
      { plans, shortage_ids: created.map((c) => c.id) },
      { line_ids: plans.map((p) => p.id), shortage_ids: created.map((c) => c.id) }
    )
  },
  async (comp, { container }) => {
    if (!comp) return
    const svc = pickupService(container)
    if (comp.line_ids.length) {
      await svc.updatePickupLines(comp.line_ids.map((id) => ({ id, short_quantity: 0, refund_fen: 0 })))
    }
    if (comp.shortage_ids.length) await svc.deletePickupShortages(comp.shortage_ids)
  }
)
