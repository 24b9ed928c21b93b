import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { replaceRememberedPointStep } from "./remember-pickup-point"
import { pickupService, type Query } from "./steps/service"

/**
 * What proves an order is the account's (decision 015): the cart it was
 * placed from (kept in the browser's session), or a code to its contact just
 * checked for this account (`contact`: every guest order placed with that
 * mobile number, or that email). An email an account merely registered with
 * proves nothing.
 */
export type ClaimOrdersInput = {
  customer_id: string
  proofs?: Array<{ order_id: string; cart_id: string }>
  contact?: { channel: "sms" | "email"; value: string }
}

type Claimable = { id: string; previous_customer_id: string | null; assignment_id: string | null; pickup_point_id: string | null }
type Selection = { claimable: Claimable[]; mine: string[]; requested: string[] }

const ORDER_FIELDS = ["id", "email", "customer_id", "created_at", "customer.has_account", "pickup_assignment.id", "pickup_assignment.pickup_point_id"]

/** The spellings a mainland mobile may have been stored with (our checkout stores the 11 digits). */
function phoneSpellings(phone: string) {
  return [phone, `+86${phone}`, `86${phone}`, `+86 ${phone}`]
}

/**
 * Which orders this customer may take: guest orders (no customer, or one
 * without an account) proven by their cart or by the checked contact.
 * Orders already theirs count as claimed (idempotent); everything else is
 * skipped without saying why.
 */
export const selectClaimableOrdersStep = createStep(
  "select-claimable-orders",
  async (input: ClaimOrdersInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "has_account"],
      filters: { id: input.customer_id },
    })
    const customer = customers[0]
    if (!customer?.has_account) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "sign in to claim orders")
    let orders: any[] = []
    let requested: string[] = []
    if (input.proofs?.length) {
      requested = [...new Set(input.proofs.map((p) => p.order_id))]
      const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id", "cart_id"], filters: { order_id: requested } })
      const proven = new Set(
        input.proofs.filter((p) => links.some((l: any) => l.order_id === p.order_id && l.cart_id === p.cart_id)).map((p) => p.order_id)
      )
      const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: requested } })
      orders = data.filter((o: any) => proven.has(o.id) || o.customer_id === customer.id)
    } else if (input.contact) {
      // Emails compared without case (Medusa keeps what the resident typed); LIKE's wildcards escaped.
      const filters =
        input.contact.channel === "email"
          ? { email: { $ilike: input.contact.value.trim().replace(/[\\%_]/g, (c) => `\\${c}`) } }
          : { shipping_address: { phone: phoneSpellings(input.contact.value) } }
      const found = await container.resolve(Modules.ORDER).listOrders(filters as any, { select: ["id"], take: 200 })
      const ids = found.map((o: any) => o.id)
      if (ids.length) orders = (await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: ids } })).data
      requested = orders.map((o: any) => o.id)
    }
    const mine: string[] = []
    const claimable: Claimable[] = []
    for (const o of [...orders].sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())) {
      if (o.customer_id === customer.id) {
        mine.push(o.id)
        continue
      }
      const guest = !o.customer_id || !o.customer?.has_account
      if (!guest) continue
      claimable.push({
        id: o.id,
        previous_customer_id: o.customer_id ?? null,
        assignment_id: o.pickup_assignment?.id ?? null,
        pickup_point_id: o.pickup_assignment?.pickup_point_id ?? null,
      })
    }
    return new StepResponse<Selection>({ claimable, mine, requested })
  }
)

/** Medusa's order.customer_id → the customer; compensation gives each order back to its guest record. */
export const moveOrdersToCustomerStep = createStep(
  "move-orders-to-customer",
  async (input: { customer_id: string; orders: Claimable[] }, { container }) => {
    if (!input.orders.length) return new StepResponse([] as string[], null)
    const orderModule = container.resolve(Modules.ORDER)
    await orderModule.updateOrders(input.orders.map((o) => ({ id: o.id, customer_id: input.customer_id })))
    return new StepResponse(
      input.orders.map((o) => o.id),
      input.orders.map((o) => ({ id: o.id, customer_id: o.previous_customer_id }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    await container.resolve(Modules.ORDER).updateOrders(previous as any)
  }
)

/** The pickup assignments follow their orders; compensation restores the previous customer. */
export const moveAssignmentsToCustomerStep = createStep(
  "move-pickup-assignments-to-customer",
  async (input: { customer_id: string; orders: Claimable[] }, { container }) => {
    const withPickup = input.orders.filter((o) => o.assignment_id)
    if (!withPickup.length) return new StepResponse(null, null)
    const svc = pickupService(container)
    const before = await svc.listPickupAssignments({ id: withPickup.map((o) => o.assignment_id!) }, { take: withPickup.length })
    await svc.updatePickupAssignments(before.map((a) => ({ id: a.id, customer_id: input.customer_id })))
    return new StepResponse(null, before.map((a) => ({ id: a.id, customer_id: a.customer_id ?? null })))
  },
  async (previous, { container }) => {
    if (previous?.length) await pickupService(container).updatePickupAssignments(previous)
  }
)

/**
 * A resident who ordered as a guest and then signed in (or registered) takes
 * those orders onto the account, with proof (ClaimOrdersInput); the compound
 * of the latest one becomes the remembered point if the account has none.
 */
export const claimOrdersWorkflow = createWorkflow("claim-orders", (input: ClaimOrdersInput) => {
  const selection = selectClaimableOrdersStep(input)
  const move = transform({ input, selection }, ({ input, selection }) => ({
    customer_id: input.customer_id,
    orders: selection.claimable,
  }))
  moveOrdersToCustomerStep(move)
  moveAssignmentsToCustomerStep(move)
  replaceRememberedPointStep(
    transform({ input, selection }, ({ input, selection }) => ({
      customer_id: input.customer_id,
      pickup_point_id: [...selection.claimable].reverse().find((o) => o.pickup_point_id)?.pickup_point_id ?? null,
      only_if_unset: true,
    }))
  )
  const claimed = transform({ selection }, ({ selection }) => {
    const owned = new Set([...selection.mine, ...selection.claimable.map((o) => o.id)])
    return selection.requested.filter((id) => owned.has(id))
  })
  return new WorkflowResponse({ claimed })
})
