import type { RemoteQueryFunction } from "@medusajs/framework/types"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import type { BaseSetup } from "./base"
import { containerAt, shanghaiAt, shanghaiDay } from "./clock"
import { runWorkflow } from "./producers"

export type PolicySeed = {
  name: string
  category_handle: string
  household_bp: number
  cooperative_bp: number
  property_office_bp: number
  platform_bp: number
  note: string
}

export type HistorySeed = {
  /** After the collected ones, this many orders are checked in and waiting at the counter. */
  ready: number
  /** Split policies besides the global one the migration writes. */
  policies: PolicySeed[]
  /** Orders as lists of [product handle, quantity]; the first `collected` are handed over. */
  orders: Array<Array<[string, number]>>
  collected: number
  residents: Array<{ name: string; email: string; phone: string; compound: string; city: string }>
}

/** Medusa's typed query (the container's `query`). */
type Query = Omit<RemoteQueryFunction, symbol>

/**
 * Past orders placed the way a resident's checkout places them (cart,
 * pickup shipping option, pay at pickup, complete), their ledger accruals,
 * handovers for the collected ones, one statement per household and one
 * statement paid — so the impact page and statements show real ledger data.
 *
 * History lives in past cycles only, so the cycles the shop offers at `now`
 * stay open whatever the hour: the first `collected + ready` orders were
 * placed two days before (order day D−2, collected D−1), the rest the day
 * before (order day D−1, its delivery due today). Each order is placed at its
 * own past instant through the plugin's clock seam, so checkout applies its
 * rules as it did then.
 */
export async function ensureHistory(
  container: MedusaContainer,
  base: BaseSetup,
  spec: HistorySeed,
  pickupPointIds: string[],
  now: Date = new Date()
): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const orderModule = container.resolve(Modules.ORDER)
  const [, existing] = await orderModule.listAndCountOrders({}, { take: 1 })
  if (existing > 0) return
  // Checkout refuses a cart without a pickup point and cycle (docs/decisions/005).
  if (!pickupPointIds.length)
    throw new Error("seed history: orders need a pickup network (no pickup point in this scenario)")

  for (const policy of spec.policies) {
    const { data: categories } = await query.graph({
      entity: "product_category",
      fields: ["id"],
      filters: { handle: policy.category_handle },
    })
    if (!categories[0]) throw new Error(`seed policy: no category ${policy.category_handle}`)
    const { data: existing } = await query.graph({
      entity: "split_policy",
      fields: ["id"],
      filters: { scope: "category", scope_id: categories[0].id },
    })
    if (existing.length) continue
    const { category_handle: _handle, ...shares } = policy
    await runWorkflow(container, "create-split-policy-version", {
      ...shares,
      scope: "category",
      scope_id: categories[0].id,
      created_by: "seed",
    })
  }

  const handles = [...new Set(spec.orders.flatMap((o) => o.map(([h]) => h)))]
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["handle", "variants.id", "variants.variant_rank"],
    filters: { handle: handles },
  })
  const variantOf = new Map<string, string>(
    products.map((p) => [p.handle, [...p.variants].sort((a, b) => (a.variant_rank ?? 0) - (b.variant_rank ?? 0))[0].id])
  )
  const { data: options } = await query.graph({ entity: "shipping_option", fields: ["id", "name"] })

  // The two past daily cycles (created if missing, as the hourly job would have then).
  await runWorkflow(container, "ensure-upcoming-order-cycles", { now: shanghaiAt(now, -2, "08:00"), days: 2 })
  const pastKeys = [
    `daily:${shanghaiDay(shanghaiAt(now, -2, "12:00"))}`,
    `daily:${shanghaiDay(shanghaiAt(now, -1, "12:00"))}`,
  ]
  const { data: pastCycles } = await query.graph({
    entity: "order_cycle",
    fields: ["id", "metadata", "resident_cutoff_at", "producer_cutoff_at"],
    filters: {
      resident_cutoff_at: { $gte: shanghaiAt(now, -2, "00:00"), $lt: shanghaiAt(now, 0, "00:00") },
      canceled_at: null,
    },
  })
  const cycles = pastKeys.map((key) => {
    const cycle = pastCycles.find((c) => c.metadata?.key === key)
    if (!cycle) throw new Error(`seed history: the past daily cycle ${key} is missing`)
    return cycle
  })
  const placedInFirstCycle = spec.collected + spec.ready

  const orderIds: string[] = []
  for (const [i, lines] of spec.orders.entries()) {
    const resident = spec.residents[i % spec.residents.length]
    const first = i < placedInFirstCycle
    // Placed at noon of its order day, a few minutes apart; the checkout rules see that instant.
    const placedAt = new Date(shanghaiAt(now, first ? -2 : -1, "12:00").getTime() + i * 7 * 60_000)
    const then = containerAt(container, placedAt)
    const { result: cart } = await createCartWorkflow(then).run({
      input: {
        region_id: base.regionId,
        sales_channel_id: base.salesChannelId,
        email: resident.email,
        items: lines.map(([handle, quantity]) => ({ variant_id: variantOf.get(handle)!, quantity })),
        shipping_address: {
          first_name: resident.name,
          phone: resident.phone,
          address_1: `${resident.compound}物业服务中心`,
          city: resident.city,
          country_code: "cn",
        },
      },
    })
    // Each resident collects at their own compound's office.
    await runWorkflow(container, "set-cart-pickup", {
      cart_id: cart.id,
      pickup_point_id: pickupPointIds[(i % spec.residents.length) % pickupPointIds.length],
      order_cycle_id: cycles[first ? 0 : 1].id,
      now: placedAt,
    })
    await addShippingMethodToCartWorkflow(then).run({ input: { cart_id: cart.id, options: [{ id: options[0].id }] } })
    const { result: collection } = await createPaymentCollectionForCartWorkflow(then).run({
      input: { cart_id: cart.id },
    })
    await createPaymentSessionsWorkflow(then).run({
      input: { payment_collection_id: collection.id, provider_id: "pp_system_default" },
    })
    const { result: order } = await completeCartWorkflow(then).run({ input: { id: cart.id } })
    // The order.placed subscriber accrues too; running it here keeps the seed
    // independent of event timing, and accrual is idempotent.
    await runWorkflow(container, "accrue-order-revenue", { order_id: order.id, source: "seed" })
    orderIds.push(order.id)
  }

  // The first cycle's producer cutoff came: its harvest lists were frozen (what
  // the job does every 5 minutes); its goods arrived the next afternoon and
  // were handed over. The second cycle's lists are frozen as of now.
  await runWorkflow(container, "freeze-harvest-lists", { now: new Date(cycles[0].producer_cutoff_at) })
  await receiveAndHandOver(container, query, orderIds.slice(0, placedInFirstCycle), spec.collected, now)
  await runWorkflow(container, "freeze-harvest-lists", { now })

  // The statement runs from the first order's noon to now, so an operator reads a period with dates ("12/05 – 12/07"),
  // not the seconds the seed took. Its start is never a Monday 00:00, the weekly job's period start: statements are
  // unique per household and period start, and the weekly run of that week must still state what is earned after.
  const statementIds = await runWorkflow<string[]>(container, "generate-household-statements", {
    period_start: shanghaiAt(now, -2, "12:00"),
    period_end: new Date(),
  })
  if (statementIds.length) {
    await runWorkflow(container, "mark-statement-paid", {
      statement_id: statementIds[0],
      method: "bank_transfer",
      reference: "DEMO-2026-0001",
      recorded_by: "seed",
    })
  }
}

/**
 * The first cycle's batches arrive and are checked in by each point's staff
 * the day before `now` at 15:00 (orders become ready, their hold counted from
 * then), then the first `collected` orders are handed over at the counter at
 * 17:30, which earns their ledger shares.
 */
async function receiveAndHandOver(
  container: MedusaContainer,
  query: Query,
  orderIds: string[],
  collected: number,
  now: Date
) {
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "pickup_assignment.id", "pickup_assignment.batch_id", "pickup_assignment.pickup_point_id"],
    filters: { id: orderIds },
  })
  const assignmentOf = new Map(orders.map((o) => [o.id, o.pickup_assignment]))
  const { data: links } = await query.graph({ entity: "pickup_staff_point", fields: ["staff_id", "point_id"] })
  const staffOf = (pointId: string) => links.find((l) => l.point_id === pointId)?.staff_id as string
  const batches = new Map<string, string>()
  for (const id of orderIds) {
    const a = assignmentOf.get(id)
    if (a?.batch_id) batches.set(a.batch_id, a.pickup_point_id)
  }
  for (const [batchId, pointId] of batches) {
    const arrivedAt = shanghaiAt(now, -1, "15:00")
    await runWorkflow(container, "mark-batch-arrived", {
      batch_id: batchId,
      staff_id: staffOf(pointId),
      now: arrivedAt,
    })
    await runWorkflow(container, "check-in-batch", {
      batch_id: batchId,
      staff_id: staffOf(pointId),
      shortages: [],
      now: arrivedAt,
    })
  }
  for (const id of orderIds.slice(0, collected)) {
    const a = assignmentOf.get(id)
    await runWorkflow(container, "hand-over-pickup", {
      assignment_id: a.id,
      staff_id: staffOf(a.pickup_point_id),
      method: "code",
      now: shanghaiAt(now, -1, "17:30"),
    })
  }
}
