import type { InferTypeOf, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { HOUSEHOLD_MODULE } from "../../../modules/household"
import type HouseholdModuleService from "../../../modules/household/service"
import { LISTING_MODULE } from "../../../modules/listing"
import type ListingModuleService from "../../../modules/listing/service"
import type { PickupAssignment } from "../../../modules/pickup/models"
import { REVENUE_SHARE_MODULE } from "../../../modules/revenue-share"
import type RevenueShareModuleService from "../../../modules/revenue-share/service"
import { toFen } from "../../../utils/money"
import type { NotifyTemplateName } from "../../../utils/notify-templates"
import { rows } from "../../../utils/query-types"
import { pickupService, type Query } from "../../pickup/steps/service"
import { readHarvestBatchRecall } from "../../listing/trace-reads"
type Container = Pick<MedusaContainer, "resolve">

/**
 * Who a message is for: a customer (an account, or a guest who gave an email), staff, a household, or — for a guest
 * who gave only a mobile at checkout, so no customer exists — the order itself, reached through the contact details on
 * the order (read when sending, like every address).
 */
export type Recipient = { type: "customer" | "staff" | "household" | "order"; id: string }

/** One message to send to some recipients, before channels and languages are chosen. */
export type NotifySpec = {
  /** The event, e.g. `pickup.batch_ready`. */
  event: string
  /** What the message is about (assignment, order, listing …): with event, recipient and channel, the idempotency key. */
  subject: string
  template: NotifyTemplateName
  recipients: Recipient[]
  params: Record<string, string>
  /** Storefront path (`/orders/…`, `/office/…`). */
  link: string | null
  resource_type: string
  resource_id: string
}

/** Events we notify about, with the shape of their data. */
export const NOTIFY_EVENTS = [
  "order.placed",
  "order.canceled",
  "pickup.batch_ready",
  "pickup.hold_expiring",
  "pickup.uncollected",
  "pickup.shortage_recorded",
  "pickup.harvest_frozen",
  "pickup.cycle_changed",
  "listing.reviewed",
  "listing.batch_recalled",
  "statement.paid",
] as const
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number]

/** "滨江花园 1号柜台"; a point already named after its compound ("测试小区物业服务中心") is not repeated. */
export function placeName(compound: string | null | undefined, point: string | null | undefined): string {
  const c = (compound ?? "").trim()
  const p = (point ?? "").trim()
  if (!c) return p
  if (!p || p.includes(c)) return p || c
  return `${c} ${p}`
}

const query = (container: Container) => container.resolve(ContainerRegistrationKeys.QUERY) as Query

/** A placed order's assignment, with its batch, point, office and cycle. */
type PlacedAssignment = InferTypeOf<typeof PickupAssignment> & { order_id: string }

const hasOrder = (a: InferTypeOf<typeof PickupAssignment>): a is PlacedAssignment => !!a.order_id

type AssignmentContext = {
  assignment: PlacedAssignment
  order_no: string
  customer_id: string | null
  place: string
  address: string
  window_start: string
  window_end: string
}

async function assignmentContext(
  container: Container,
  where: { id?: string; order_id?: string }
): Promise<AssignmentContext | null> {
  const svc = pickupService(container)
  const [a] = await svc.listPickupAssignments(where, {
    take: 1,
    relations: ["batch", "batch.point", "batch.point.office", "batch.cycle"],
  })
  if (!a || !hasOrder(a)) return null
  const { data } = await query(container).graph({
    entity: "order",
    fields: ["id", "display_id", "customer_id"],
    filters: { id: a.order_id },
  })
  const order = data[0]
  const point = a.batch?.point
  const office = point?.office
  return {
    assignment: a,
    order_no: String(order?.display_id ?? a.order_id),
    customer_id: a.customer_id ?? order?.customer_id ?? null,
    place: placeName(office?.compound_name, point?.name),
    address: office?.address ?? "",
    window_start: new Date(a.batch?.cycle?.pickup_starts_at).toISOString(),
    window_end: new Date(a.batch?.cycle?.pickup_ends_at).toISOString(),
  }
}

/** The resident behind an order: their customer record, or the order's own contact details for a mobile-only guest. */
const residentOf = (customerId: string | null | undefined, orderId: string): Recipient =>
  customerId ? { type: "customer", id: customerId } : { type: "order", id: orderId }

function orderSpec(
  event: string,
  template: NotifyTemplateName,
  ctx: AssignmentContext,
  extra: Record<string, string> = {}
): NotifySpec[] {
  return [
    {
      event,
      subject: ctx.assignment.id,
      template,
      recipients: [residentOf(ctx.customer_id, ctx.assignment.order_id)],
      params: {
        order_no: ctx.order_no,
        place: ctx.place,
        address: ctx.address,
        window_start: ctx.window_start,
        window_end: ctx.window_end,
        assignment_id: ctx.assignment.id,
        ...extra,
      },
      link: `/orders/${ctx.assignment.order_id}`,
      resource_type: "order",
      resource_id: ctx.assignment.order_id,
    },
  ]
}

/** Active staff of the given points. */
async function staffOfPoints(container: Container, pointIds: string[]): Promise<string[]> {
  if (!pointIds.length) return []
  const links = await pickupService(container).listPickupStaffPoints({ point_id: pointIds }, { relations: ["staff"] })
  return [...new Set(links.filter((l) => l.staff?.is_active).map((l) => l.staff_id))].sort()
}

const asList = <T>(data: T | T[]): T[] => (Array.isArray(data) ? data : [data])

/** Reads what one event's messages say and who gets them. Pure reads; nothing is written. */
export async function collectNotifications(
  container: Container,
  event: NotifyEvent,
  data: unknown
): Promise<NotifySpec[]> {
  const specs: NotifySpec[] = []
  switch (event) {
    case "order.placed": {
      for (const d of asList(data as { id: string })) {
        const ctx = await assignmentContext(container, { order_id: d.id })
        // Paid online (captured at checkout, decision 013): the message confirms the payment too.
        if (ctx)
          specs.push(...orderSpec(event, "order_placed", ctx, { paid_fen: String(await capturedFen(container, d.id)) }))
      }
      break
    }
    case "order.canceled": {
      for (const d of asList(data as { id: string })) {
        const ctx = await assignmentContext(container, { order_id: d.id })
        if (!ctx) continue
        specs.push(...orderSpec(event, "order_canceled", ctx))
      }
      break
    }
    case "pickup.batch_ready": {
      for (const d of asList(data as { id: string })) {
        const ready = await pickupService(container).listPickupAssignments(
          { batch_id: d.id, status: "ready" },
          { take: 10_000, select: ["id"] }
        )
        for (const a of ready) {
          const ctx = await assignmentContext(container, { id: a.id })
          // A ready order's hold ends at hold_expires_at (set with ready); without one there is no date to announce.
          if (ctx?.assignment.hold_expires_at) {
            specs.push(
              ...orderSpec(event, "pickup_ready", ctx, {
                hold_until: new Date(ctx.assignment.hold_expires_at).toISOString(),
              })
            )
          }
        }
      }
      break
    }
    case "pickup.hold_expiring": {
      for (const d of asList(data as { id: string })) {
        const ctx = await assignmentContext(container, { id: d.id })
        if (ctx && ctx.assignment.status === "ready" && ctx.assignment.hold_expires_at) {
          specs.push(
            ...orderSpec(event, "hold_last_call", ctx, {
              hold_until: new Date(ctx.assignment.hold_expires_at).toISOString(),
            })
          )
        }
      }
      break
    }
    case "pickup.uncollected": {
      for (const d of asList(data as { id: string })) {
        const ctx = await assignmentContext(container, { id: d.id })
        if (ctx)
          specs.push(
            ...orderSpec(event, "uncollected", ctx, {
              policy: ctx.assignment.disposition ?? ctx.assignment.batch?.point?.uncollected_policy ?? "donate",
            })
          )
      }
      break
    }
    case "pickup.shortage_recorded": {
      for (const d of asList(data as { assignment_id: string })) {
        const ctx = await assignmentContext(container, { id: d.assignment_id })
        if (!ctx) continue
        const lines = await pickupService(container).listPickupLines({ assignment_id: d.assignment_id }, { take: 1000 })
        const short = lines.filter((l) => Number(l.short_quantity) > 0)
        if (!short.length) continue
        const refund = short.reduce((s, l) => s + Number(l.refund_fen), 0)
        specs.push(
          ...orderSpec(event, "shortage_refund", ctx, {
            items: short.map((l) => `${l.title} ×${l.short_quantity}`).join("、"),
            refund_fen: String(refund),
            paid: (await capturedFen(container, ctx.assignment.order_id)) > 0 ? "online" : "at_pickup",
          })
        )
      }
      break
    }
    case "pickup.harvest_frozen": {
      for (const d of asList(data as { id: string })) {
        const [batch] = await pickupService(container).listPickupBatches(
          { id: d.id },
          { take: 1, relations: ["point", "point.office", "cycle"] }
        )
        if (!batch) continue
        const snapshot = (batch.harvest_snapshot ?? {}) as { assignment_ids?: string[]; rows?: unknown[] }
        const staff = await staffOfPoints(container, [batch.point_id])
        if (!staff.length) continue
        specs.push({
          event,
          subject: batch.id,
          template: "harvest_frozen",
          recipients: staff.map((id) => ({ type: "staff" as const, id })),
          params: {
            place: placeName(batch.point?.office?.compound_name, batch.point?.name),
            cycle: batch.cycle?.name ?? "",
            window_start: new Date(batch.cycle?.pickup_starts_at).toISOString(),
            window_end: new Date(batch.cycle?.pickup_ends_at).toISOString(),
            orders: String(snapshot.assignment_ids?.length ?? 0),
            rows: String(snapshot.rows?.length ?? 0),
          },
          link: `/office/batches/${batch.id}/print`,
          resource_type: "pickup_batch",
          resource_id: batch.id,
        })
      }
      break
    }
    case "listing.batch_recalled": {
      // Every resident whose order line the batch filled, once per order (subject = batch and order).
      for (const d of asList(data as { id: string })) {
        const recall = await readHarvestBatchRecall(container, d.id)
        const b = recall.harvest_batch
        for (const o of recall.orders) {
          if (o.order_status === "canceled") continue
          specs.push({
            event,
            subject: `${b.id}:${o.order_id}`,
            template: "harvest_recall",
            recipients: [residentOf(o.customer_id, o.order_id)],
            params: {
              order_no: String(o.display_id ?? o.order_id),
              title: o.lines.map((l) => l.title).join("、") || recall.listing.title,
              harvested_on: b.harvested_on,
              certificate_no: b.certificate_no,
              reason: b.recall_reason ?? "",
            },
            link: `/orders/${o.order_id}`,
            resource_type: "order",
            resource_id: o.order_id,
          })
        }
      }
      break
    }
    case "pickup.cycle_changed": {
      // Every resident with a live order in the cycle; the subject carries the change's instant, so a second
      // change of the same cycle is a second notice while a redelivered event is not.
      for (const d of asList(data as { id: string; action: "close" | "extend"; reason?: string | null; at: string })) {
        const [cycle] = await pickupService(container).listOrderCycles({ id: d.id }, { take: 1 })
        if (!cycle) continue
        const live = await pickupService(container).listPickupAssignments(
          { order_cycle_id: d.id, status: ["placed", "ready"] },
          { take: 10_000, select: ["id"] }
        )
        for (const a of live) {
          const ctx = await assignmentContext(container, { id: a.id })
          if (!ctx) continue
          for (const spec of orderSpec(event, "cycle_changed", ctx, {
            cycle: cycle.name,
            change: d.action,
            cutoff_at: new Date(cycle.resident_cutoff_at).toISOString(),
            reason: d.reason ?? "",
          })) {
            specs.push({ ...spec, subject: `${a.id}@${d.at}` })
          }
        }
      }
      break
    }
    case "listing.reviewed": {
      for (const d of asList(data as { id: string })) {
        const listings = container.resolve<ListingModuleService>(LISTING_MODULE)
        const [listing] = await listings.listListings({ id: d.id }, { take: 1 })
        if (!listing || listing.status === "pending_review") continue
        const points = await pickupService(container).listPickupPoints(
          { office_id: listing.property_office_id },
          { select: ["id"] }
        )
        const staff = await staffOfPoints(
          container,
          points.map((p) => p.id)
        )
        const [household] = await container
          .resolve<HouseholdModuleService>(HOUSEHOLD_MODULE)
          .listHouseholds({ id: listing.household_id }, { take: 1, select: ["id", "code", "display_name"] })
        specs.push({
          event,
          subject: `${listing.id}:${listing.status}`,
          template: listing.status === "approved" ? "listing_approved" : "listing_rejected",
          recipients: staff.map((id) => ({ type: "staff" as const, id })),
          params: {
            title: listing.title,
            household: household ? `${household.display_name}（${household.code}）` : "",
            ...(listing.status === "rejected" ? { reason: listing.reject_reason ?? "" } : {}),
          },
          link: "/office/listings",
          resource_type: "listing",
          resource_id: listing.id,
        })
      }
      break
    }
    case "statement.paid": {
      for (const d of asList(data as { id: string })) {
        const ledger = container.resolve<RevenueShareModuleService>(REVENUE_SHARE_MODULE)
        const [statement] = await ledger.listStatements({ id: d.id }, { take: 1 })
        if (!statement) continue
        specs.push({
          event,
          subject: statement.id,
          template: "statement_paid",
          recipients: [{ type: "household", id: statement.household_id }],
          params: {
            amount_fen: String(Number(statement.total)),
            period_start: new Date(statement.period_start).toISOString(),
            period_end: new Date(statement.period_end).toISOString(),
          },
          link: null,
          resource_type: "statement",
          resource_id: statement.id,
        })
      }
      break
    }
  }
  return specs
}

async function capturedFen(container: Container, orderId: string): Promise<number> {
  const { data } = await query(container).graph({
    entity: "order",
    fields: ["id", "payment_collections.payments.captures.amount"],
    filters: { id: orderId },
  })
  let captured = 0
  for (const pc of rows(data[0]?.payment_collections)) {
    for (const p of rows(pc.payments)) for (const c of rows(p.captures)) captured += toFen(c.amount)
  }
  return captured
}
