import type { LinkDefinition } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { Choice } from "../utils/decide-pickup"

export function linkDefs(cartId: string, choice: Choice) {
  const defs: LinkDefinition[] = []
  if (choice.pickup_point_id) {
    defs.push({ [Modules.CART]: { cart_id: cartId }, [PICKUP_MODULE]: { pickup_point_id: choice.pickup_point_id } })
  }
  if (choice.order_cycle_id) {
    defs.push({ [Modules.CART]: { cart_id: cartId }, [PICKUP_MODULE]: { order_cycle_id: choice.order_cycle_id } })
  }
  return defs
}

/** Swaps the cart's point and cycle links; compensation swaps them back. */
export const replaceCartPickupLinksStepId = "replace-cart-pickup-links"

export const replaceCartPickupLinksStep = createStep(
  replaceCartPickupLinksStepId,
  async (input: { cart_id: string; previous: Choice; next: Choice }, { container }) => {
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const old = linkDefs(input.cart_id, input.previous)
    if (old.length) await link.dismiss(old)
    await link.create(linkDefs(input.cart_id, input.next))
    return new StepResponse(input.next, input)
  },
  async (input, { container }) => {
    if (!input) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.dismiss(linkDefs(input.cart_id, input.next))
    const old = linkDefs(input.cart_id, input.previous)
    if (old.length) await link.create(old)
  }
)
