import type { MedusaContainer } from "@medusajs/framework/types"
import { mattersToday, shanghaiDay, sortByUrgency } from "../../../../../utils/pickup-counter"
import { pickupService } from "../../../../../workflows/pickup/steps/service"
import type { StaffTodayResponse } from "../../../../contract"

/**
 * The counter's day at a point (Asia/Shanghai) as of `now`: batches whose
 * pickup window is today, batches not yet arrived whose pickup starts within
 * 48 h, and ready batches still holding orders — most urgent first. The point
 * must be one of the caller's (the route checks that: ownPoint).
 */
export async function readCounterDay(
  scope: MedusaContainer,
  { point_id: pointId, now }: { point_id: string; now: Date }
): Promise<StaffTodayResponse> {
  const svc = pickupService(scope)
  const [point] = await svc.listPickupPoints({ id: pointId }, { take: 1, relations: ["office"] })
  const rows = (await svc.counterBatches({ point_id: pointId, day_start: shanghaiDay(now).start, now })).map((r) => ({
    ...r,
    pickup_starts_at: new Date(r.pickup_starts_at),
    pickup_ends_at: new Date(r.pickup_ends_at),
    ready_count: r.ready,
  }))
  const batches = sortByUrgency(
    rows.filter((r) => mattersToday(r, now)),
    now
  ).map((r) => ({
    batch: {
      id: r.id,
      status: r.status,
      arrived_at: r.arrived_at,
      checked_in_at: r.checked_in_at,
      harvest_frozen_at: r.harvest_frozen_at,
      reserved_chilled: r.reserved_chilled,
      reserved_ambient: r.reserved_ambient,
    },
    cycle: {
      id: r.cycle_id,
      name: r.cycle_name,
      kind: r.rhythm,
      producer_cutoff_at: r.producer_cutoff_at,
      resident_cutoff_at: r.resident_cutoff_at,
      pickup_start_at: r.pickup_starts_at,
      pickup_end_at: r.pickup_ends_at,
    },
    counts: {
      placed: r.placed,
      ready: r.ready,
      collected: r.collected,
      uncollected: r.uncollected,
      canceled: r.canceled,
    },
    short_lines: r.short_lines,
  }))
  const office = point.office
  return {
    point: {
      id: point.id,
      code: point.code,
      name: point.name,
      office: { id: office?.id, compound_name: office?.compound_name, address: office?.address },
    },
    batches,
    uncollected_pending: await svc.countUndisposed(pointId),
  }
}
