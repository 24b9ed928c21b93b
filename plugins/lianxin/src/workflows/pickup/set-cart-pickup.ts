import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../modules/pickup"
import { CheckoutRefusal, nextCycleView } from "../../utils/checkout-refusal"
import { nowOf } from "../../utils/clock"
import { nextOpenCycle, orderRefusal } from "../../utils/order-rule"
import { orderPerishability, type Perishability } from "../../utils/pickup-hold"
import type { CycleRow, PointCapacity } from "../../modules/pickup/service"
import { pickupService, type Query } from "./steps/service"

export type SetCartPickupInput = { cart_id: string; pickup_point_id: string; order_cycle_id?: string; now?: Date | string }
export type PickupChoice = { pickup_point_id: string | null; order_cycle_id: string | null }
type Choice = PickupChoice

/**
 * The pickup a cart's order would get: an active point, and a cycle the
 * ordering rule (utils/order-rule) lets an order of this class join now — the
 * one given, or the next open cycle at the point. A cycle that refuses is a
 * CheckoutRefusal (409, naming the refused cycle and the next open one).
 * Reads only; shared by set-cart-pickup and place-pickup-order.
 */
export async function decidePickup(
  container: { resolve: (key: string) => any },
  input: { pickup_point_id: string; order_cycle_id?: string; perishability: Perishability; now: Date }
): Promise<{ point: PointCapacity; cycle: CycleRow }> {
  const { now, perishability } = input
  const svc = pickupService(container)
  const { point, cycles } = await svc.cyclesAtPoint({ point_id: input.pickup_point_id, now, cycle_id: input.order_cycle_id })
  if (!point) throw new MedusaError(MedusaError.Types.INVALID_DATA, "pickup_point_id: no such active pickup point")
  if (input.order_cycle_id) {
    if (!cycles[0]) throw new MedusaError(MedusaError.Types.INVALID_DATA, "order_cycle_id: no such order cycle")
    const refusal = orderRefusal(cycles[0], perishability, now)
    if (refusal) {
      const open = await svc.cyclesAtPoint({ point_id: point.id, now })
      const next = nextOpenCycle(
        open.cycles.filter((c) => c.cycle.id !== input.order_cycle_id),
        now,
        perishability
      )
      throw new CheckoutRefusal(refusal, {
        pickup_point_id: point.id,
        order_cycle_id: input.order_cycle_id,
        order_cycle: nextCycleView(cycles[0].cycle),
        next_order_cycle: next ? nextCycleView(next.cycle) : null,
      })
    }
    return { point, cycle: cycles[0].cycle }
  }
  const next = nextOpenCycle(cycles, now, perishability)
  if (!next) throw new CheckoutRefusal("no_cycle", { pickup_point_id: point.id, next_order_cycle: null })
  return { point, cycle: next.cycle }
}

/**
 * Checks the choice (decidePickup, for the cart's storage class). Nothing is
 * reserved here; checkout reserves, and refuses if the cycle closed meanwhile.
 */
const validateCartPickupStep = createStep(
  "validate-cart-pickup",
  async (input: SetCartPickupInput, { container }) => {
    const now = input.now ? new Date(input.now) : nowOf(container)
    const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
    const { data: carts } = await query.graph({
      entity: "cart",
      fields: ["id", "completed_at", "pickup_point.id", "order_cycle.id", "items.product.id", "items.product.metadata"],
      filters: { id: input.cart_id },
    })
    const cart = carts[0]
    if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `cart ${input.cart_id} was not found`)
    if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "this cart has already been checked out")
    const perishability = orderPerishability((cart.items ?? []).map((i: any) => i?.product))
    const { point, cycle } = await decidePickup(container, { ...input, perishability, now })
    const previous: Choice = { pickup_point_id: cart.pickup_point?.id ?? null, order_cycle_id: cart.order_cycle?.id ?? null }
    return new StepResponse({ previous, next: { pickup_point_id: point.id, order_cycle_id: cycle.id } })
  }
)

function linkDefs(cartId: string, choice: Choice) {
  const defs: Record<string, Record<string, string>>[] = []
  if (choice.pickup_point_id) {
    defs.push({ [Modules.CART]: { cart_id: cartId }, [PICKUP_MODULE]: { pickup_point_id: choice.pickup_point_id } })
  }
  if (choice.order_cycle_id) {
    defs.push({ [Modules.CART]: { cart_id: cartId }, [PICKUP_MODULE]: { order_cycle_id: choice.order_cycle_id } })
  }
  return defs
}

/** Swaps the cart's point and cycle links; compensation swaps them back. */
export const replaceCartPickupLinksStep = createStep(
  "replace-cart-pickup-links",
  async (input: { cart_id: string; previous: Choice; next: Choice }, { container }) => {
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const old = linkDefs(input.cart_id, input.previous)
    if (old.length) await link.dismiss(old as any)
    await link.create(linkDefs(input.cart_id, input.next) as any)
    return new StepResponse(input.next, input)
  },
  async (input, { container }) => {
    if (!input) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.dismiss(linkDefs(input.cart_id, input.next) as any)
    const old = linkDefs(input.cart_id, input.previous)
    if (old.length) await link.create(old as any)
  }
)

export const setCartPickupWorkflow = createWorkflow("set-cart-pickup", (input: SetCartPickupInput) => {
  const choice = validateCartPickupStep(input)
  const result = replaceCartPickupLinksStep({ cart_id: input.cart_id, previous: choice.previous, next: choice.next })
  return new WorkflowResponse(result)
})
