import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { nowOf } from "../../../utils/clock"
import { orderPerishability } from "../../../utils/pickup-hold"
import type { Query } from "./service"
import { type Choice, decidePickup } from "../utils/decide-pickup"
import type { SetCartPickupInput } from "../types"

/**
 * Checks the choice (decidePickup, for the cart's storage class). Nothing is
 * reserved here; checkout reserves, and refuses if the cycle closed meanwhile.
 */
export const validateCartPickupStepId = "validate-cart-pickup"

export const validateCartPickupStep = createStep(
  validateCartPickupStepId,
  async (input: SetCartPickupInput, { container }) => {
    const now = input.now ? new Date(input.now) : nowOf(container)
    const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: carts } = await query.graph({
      entity: "cart",
      fields: ["id", "completed_at", "pickup_point.id", "order_cycle.id", "items.product.id", "items.product.metadata"],
      filters: { id: input.cart_id },
    })
    const cart = carts[0]
    if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `cart ${input.cart_id} was not found`)
    if (cart.completed_at)
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "this cart has already been checked out")
    const perishability = orderPerishability((cart.items ?? []).map((i) => i?.product))
    const { point, cycle } = await decidePickup(container, { ...input, perishability, now })
    const previous: Choice = {
      pickup_point_id: cart.pickup_point?.id ?? null,
      order_cycle_id: cart.order_cycle?.id ?? null,
    }
    return new StepResponse({ previous, next: { pickup_point_id: point.id, order_cycle_id: cycle.id } })
  }
)
