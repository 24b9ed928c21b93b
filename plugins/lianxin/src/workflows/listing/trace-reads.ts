import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { REVENUE_SHARE_MODULE } from "../../modules/revenue-share"
import type ListingModuleService from "../../modules/listing/service"
import type RevenueShareModuleService from "../../modules/revenue-share/service"
import { householdAccrual, type HouseholdAccrual } from "../../utils/harvest-trace"
import { orderDisplayId, rows } from "../../utils/query-types"
import { pickupService, type Query } from "../pickup/steps/service"
import { listingService } from "./steps/service"

type Container = Pick<MedusaContainer, "resolve">

/** A harvest batch as a resident, the counter and an operator see it (never who registered it). */
export type HarvestBatchView = {
  id: string
  harvested_on: string
  quantity: number
  quantity_unit: string
  certificate_no: string
  certificate_photo_url: string
  recalled: boolean
  recalled_at: string | null
}

type HarvestBatchRow = Awaited<ReturnType<ListingModuleService["listHarvestBatches"]>>[number]

export function harvestBatchView(
  b: Pick<
    HarvestBatchRow,
    "id" | "harvested_on" | "quantity" | "quantity_unit" | "certificate_no" | "certificate_photo_url" | "recalled_at"
  >
): HarvestBatchView {
  return {
    id: b.id,
    harvested_on: b.harvested_on,
    quantity: Number(b.quantity),
    quantity_unit: b.quantity_unit,
    certificate_no: b.certificate_no,
    certificate_photo_url: b.certificate_photo_url,
    recalled: Boolean(b.recalled_at),
    recalled_at: b.recalled_at ? new Date(b.recalled_at).toISOString() : null,
  }
}

/** The harvest batch of each given order line that has one (decision 023). */
export async function harvestBatchesOfLines(
  container: Container,
  lineItemIds: string[]
): Promise<Map<string, HarvestBatchView>> {
  const out = new Map<string, HarvestBatchView>()
  if (!lineItemIds.length) return out
  const rows = await listingService(container as MedusaContainer).listHarvestAllocations(
    { line_item_id: lineItemIds },
    { take: lineItemIds.length, relations: ["harvest_batch"] }
  )
  for (const r of rows) if (r.harvest_batch) out.set(r.line_item_id, harvestBatchView(r.harvest_batch))
  return out
}

export type OrderTrace = {
  order_id: string
  lines: Array<{ line_item_id: string; traceable: boolean; harvest_batch: HarvestBatchView | null }>
  households: HouseholdAccrual
}

/**
 * What an order's owner reads: the batch behind each line (`traceable`: the
 * product is an office listing, so a batch is or will be recorded) and what
 * the order's own accruals credit to households.
 */
export async function readOrderTrace(
  container: Container,
  orderId: string,
  items: Array<{ id: string; product_id?: string | null }>
): Promise<OrderTrace> {
  const batches = await harvestBatchesOfLines(
    container,
    items.map((i) => i.id)
  )
  const productIds = [...new Set(items.map((i) => i.product_id).filter((p): p is string => Boolean(p)))]
  const listed = productIds.length
    ? await listingService(container as MedusaContainer).listListings(
        { product_id: productIds },
        { take: productIds.length * 4, select: ["id", "product_id"] }
      )
    : []
  const listedProducts = new Set(listed.map((l) => l.product_id))
  const ledger = container.resolve<RevenueShareModuleService>(REVENUE_SHARE_MODULE)
  const entries = await ledger.listLedgerEntries(
    { order_id: orderId },
    { take: 5000, select: ["kind", "account", "direction", "amount", "party_type", "party_id"] }
  )
  return {
    order_id: orderId,
    lines: items.map((i) => ({
      line_item_id: i.id,
      traceable: batches.has(i.id) || Boolean(i.product_id && listedProducts.has(i.product_id)),
      harvest_batch: batches.get(i.id) ?? null,
    })),
    households: householdAccrual(entries),
  }
}

export type RecallOrder = {
  order_id: string
  display_id: number | null
  order_status: string
  pickup_status: string | null
  pickup_point_id: string | null
  customer_id: string | null
  lines: Array<{ line_item_id: string; title: string; quantity: number }>
}
export type RecallResident = {
  customer_id: string | null
  name: string
  phone: string | null
  email: string | null
  order_ids: string[]
}
export type HarvestBatchRecall = {
  harvest_batch: HarvestBatchView & { recall_reason: string | null; recalled_by: string | null }
  listing: { id: string; title: string; product_id: string; status: string }
  orders: RecallOrder[]
  residents: RecallResident[]
}

/**
 * Everything a recall of this batch touches: the orders whose lines it filled
 * (with the lines) and their residents with contact details — for operators
 * only (Medusa Admin API). Canceled orders are listed too, with their status.
 */
export async function readHarvestBatchRecall(container: Container, batchId: string): Promise<HarvestBatchRecall> {
  const svc = listingService(container as MedusaContainer)
  const [batch] = await svc.listHarvestBatches({ id: batchId }, { take: 1, relations: ["listing"] })
  if (!batch) throw new MedusaError(MedusaError.Types.NOT_FOUND, `harvest batch ${batchId} was not found`)
  const allocations = await svc.listHarvestAllocations({ harvest_batch_id: batchId }, { take: 100_000 })
  const orderIds = [...new Set(allocations.map((a) => a.order_id))].sort()
  const query = container.resolve(ContainerRegistrationKeys.QUERY) as Query
  const orders = orderIds.length
    ? (
        await query.graph({
          entity: "order",
          fields: [
            "id",
            "display_id",
            "status",
            "customer_id",
            "email",
            "shipping_address.first_name",
            "shipping_address.last_name",
            "shipping_address.phone",
            "items.id",
            "items.title",
            "items.product_title",
          ],
          filters: { id: orderIds },
        })
      ).data
    : []
  const assignments = orderIds.length
    ? await pickupService(container).listPickupAssignments({ order_id: orderIds }, { take: orderIds.length })
    : []
  const assignmentOf = new Map(assignments.map((a) => [a.order_id, a]))
  const linesOf = new Map<string, Set<string>>()
  const quantityOf = new Map<string, number>(allocations.map((a) => [a.line_item_id, Number(a.quantity)]))
  for (const a of allocations) {
    if (!linesOf.has(a.order_id)) linesOf.set(a.order_id, new Set())
    linesOf.get(a.order_id)!.add(a.line_item_id)
  }
  const byId = new Map(orders.map((o) => [o.id, o]))
  const recallOrders: RecallOrder[] = []
  const residents = new Map<string, RecallResident>()
  for (const id of orderIds) {
    const o = byId.get(id)
    if (!o) continue
    const a = assignmentOf.get(id)
    const wanted = linesOf.get(id) ?? new Set()
    recallOrders.push({
      order_id: id,
      display_id: o.display_id == null ? null : orderDisplayId(o),
      order_status: o.status,
      pickup_status: a?.status ?? null,
      pickup_point_id: a?.pickup_point_id ?? null,
      customer_id: o.customer_id ?? null,
      // Quantities as traced (the line as it was when the batch filled it).
      lines: rows(o.items)
        .filter((i) => wanted.has(i.id))
        .map((i) => ({
          line_item_id: i.id,
          title: i.product_title ?? i.title,
          quantity: Number(quantityOf.get(i.id) ?? 0),
        })),
    })
    const key = o.customer_id ?? `order:${id}`
    const name = [o.shipping_address?.last_name, o.shipping_address?.first_name].filter(Boolean).join("")
    const r: RecallResident = residents.get(key) ?? {
      customer_id: o.customer_id ?? null,
      name,
      phone: o.shipping_address?.phone ?? null,
      email: o.email ?? null,
      order_ids: [],
    }
    r.order_ids.push(id)
    residents.set(key, r)
  }
  const listing = batch.listing
  return {
    harvest_batch: {
      ...harvestBatchView(batch),
      recall_reason: batch.recall_reason ?? null,
      recalled_by: batch.recalled_by ?? null,
    },
    listing: { id: listing.id, title: listing.title, product_id: listing.product_id, status: listing.status },
    orders: recallOrders,
    residents: [...residents.values()],
  }
}
