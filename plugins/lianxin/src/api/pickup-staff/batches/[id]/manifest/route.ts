import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { toCsvRecords } from "../../../../../utils/csv"
import { PICKUP_LIST_COLUMNS } from "../../../../../utils/pickup-manifest"
import { NAMED_HARVEST_COLUMNS } from "../../../../../workflows/pickup/steps/harvest"
import { buildManifest, ownBatch, staffContext, type PickupBatchRow } from "../../../helpers"
import type { ManifestQueryType } from "../../../validators"

export async function GET(req: AuthenticatedMedusaRequest<unknown, ManifestQueryType>, res: MedusaResponse) {
  const ctx = await staffContext(req)
  const q = req.validatedQuery
  const batch = await ownBatch(req, ctx, req.params.id)
  await sendManifest(req, res, batch, q)
}

export async function sendManifest(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  batch: PickupBatchRow,
  q: { kind: "pickup" | "harvest"; format: "json" | "csv" }
) {
  const { pickupList, harvest } = await buildManifest(req, batch)
  res.setHeader("Cache-Control", "no-store")
  if (q.format === "csv") {
    const csv =
      q.kind === "pickup" ? toCsvRecords(PICKUP_LIST_COLUMNS, pickupList) : toCsvRecords(NAMED_HARVEST_COLUMNS, harvest)
    res.setHeader("Content-Type", "text/csv; charset=utf-8")
    res.setHeader("Content-Disposition", `attachment; filename="${batch.id}-${q.kind}.csv"`)
    res.status(200).send(csv)
    return
  }
  res.json({
    batch: {
      id: batch.id,
      status: batch.status,
      cycle_id: batch.cycle_id,
      point_id: batch.point_id,
      harvest_frozen_at: batch.harvest_frozen_at ?? null,
    },
    kind: q.kind,
    rows: q.kind === "pickup" ? pickupList : harvest,
  })
}
