import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../modules/pickup"
import { cycleClosedReason } from "../../utils/pickup-cycle"
import { pickupService, type Query } from "./steps/service"

export type SetCartPickupInput = { cart_id: string; pickup_point_id: string; order_cycle_id?: string; now?: Date }
type Choice = { pickup_point_id: string | null; order_cycle_id: string | null }

/**
 * Checks the choice: an active point, and a cycle still open for orders (the
 * one given, or the open cycle with the nearest cutoff). Nothing is reserved
 * here; checkout reserves, and refuses if the cycle closed meanwhile.
 */
const validateCartPickupStep = createStep(
  "validate-cart-pickup",
  async (input: SetCartPickupInput, { container }) => {
    const now = input.now ?? new Date()
    const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
    const { data: carts } = await query.graph({
      entity: "cart",
      fields: ["id", "completed_at", "pickup_point.id", "order_cycle.id"],
      filters: { id: input.cart_id },
    })
    const cart = carts[0]
    if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `cart ${input.cart_id} was not found`)
    if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "this cart has already been checked out")
    const svc = pickupService(container)
    const [point] = await svc.listPickupPoints({ id: input.pickup_point_id }, { take: 1, relations: ["office"] })
    if (!point?.is_active || !(point as any).office?.is_active) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "pickup_point_id: no such active pickup point")
    }
    let cycleId = input.order_cycle_id
    if (cycleId) {
      const [cycle] = await svc.listOrderCycles({ id: cycleId }, { take: 1 })
      if (!cycle) throw new MedusaError(MedusaError.Types.INVALID_DATA, "order_cycle_id: no such order cycle")
      const reason = cycleClosedReason(cycle, now)
      if (reason) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          reason === "canceled" ? "这个批次已取消，请选择其他批次。" : "这个批次已截单，请选择下一个批次。"
        )
      }
    } else {
      const [next] = await svc.listOrderCycles(
        { resident_cutoff_at: { $gt: now }, canceled_at: null },
        { take: 1, order: { resident_cutoff_at: "ASC" } }
      )
      if (!next) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "目前没有可下单的批次，请稍后再来。(no open order cycle)")
      cycleId = next.id
    }
    const previous: Choice = { pickup_point_id: cart.pickup_point?.id ?? null, order_cycle_id: cart.order_cycle?.id ?? null }
    return new StepResponse({ previous, next: { pickup_point_id: point.id, order_cycle_id: cycleId } })
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
const replaceCartPickupLinksStep = createStep(
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
