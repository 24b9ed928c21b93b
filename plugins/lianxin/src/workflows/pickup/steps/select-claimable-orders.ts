import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { FilterableOrderProps } from "@medusajs/framework/types"
import type { QueryRow } from "../../../utils/query-types"
import type { Query } from "./service"
import type { ClaimOrdersInput } from "../types"

export type Claimable = {
  id: string
  previous_customer_id: string | null
  assignment_id: string | null
  pickup_point_id: string | null
}

/** Orders by the contact given at checkout: the email (without case) or the shipping phone. */
type OrderContactFilter = { email: { $ilike: string } } | { shipping_address: { phone: string[] } }

export type Selection = { claimable: Claimable[]; mine: string[]; requested: string[] }

export const ORDER_FIELDS = [
  "id",
  "email",
  "customer_id",
  "created_at",
  "customer.has_account",
  "pickup_assignment.id",
  "pickup_assignment.pickup_point_id",
]

/** The spellings a mainland mobile may have been stored with (our checkout stores the 11 digits). */
export function phoneSpellings(phone: string) {
  return [phone, `+86${phone}`, `86${phone}`, `+86 ${phone}`]
}

/**
 * Which orders this customer may take: guest orders (no customer, or one
 * without an account) proven by their cart or by the checked contact.
 * Orders already theirs count as claimed (idempotent); everything else is
 * skipped without saying why.
 */
export const selectClaimableOrdersStepId = "select-claimable-orders"

export const selectClaimableOrdersStep = createStep(
  selectClaimableOrdersStepId,
  async (input: ClaimOrdersInput, { container }) => {
    const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "has_account"],
      filters: { id: input.customer_id },
    })
    const customer = customers[0]
    if (!customer?.has_account) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "sign in to claim orders")
    let orders: QueryRow<"order">[] = []
    let requested: string[] = []
    if (input.proofs?.length) {
      requested = [...new Set(input.proofs.map((p) => p.order_id))]
      const { data: links } = await query.graph({
        entity: "order_cart",
        fields: ["order_id", "cart_id"],
        filters: { order_id: requested },
      })
      const proven = new Set(
        input.proofs
          .filter((p) => links.some((l) => l.order_id === p.order_id && l.cart_id === p.cart_id))
          .map((p) => p.order_id)
      )
      const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: requested } })
      orders = data.filter((o) => proven.has(o.id) || o.customer_id === customer.id)
    } else if (input.contact) {
      // Emails compared without case (Medusa keeps what the resident typed); LIKE's wildcards escaped.
      // The Order Module filters its columns and relations; FilterableOrderProps names only a few of them.
      const filters: OrderContactFilter =
        input.contact.channel === "email"
          ? { email: { $ilike: input.contact.value.trim().replace(/[\\%_]/g, (c) => `\\${c}`) } }
          : { shipping_address: { phone: phoneSpellings(input.contact.value) } }
      const found = await container
        .resolve(Modules.ORDER)
        .listOrders(filters as unknown as FilterableOrderProps, { select: ["id"], take: 200 })
      const ids = found.map((o) => o.id)
      if (ids.length) orders = (await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: ids } })).data
      requested = orders.map((o) => o.id)
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
