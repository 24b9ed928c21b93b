import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CheckoutRefusal } from "../../../utils/checkout-refusal"
import { nowOf } from "../../../utils/clock"
import { orderPerishability } from "../../../utils/pickup-hold"
import { rows } from "../../../utils/query-types"
import type { Query } from "./service"
import { decidePickup } from "../utils/decide-pickup"
import type { PickupChoice, PickupSummary, PlacePickupOrderInput } from "../types"

/**
 * Reads the cart once and decides everything the checkout writes: the
 * pickup (the ordering rule, refusing with the next open cycle), the contact
 * and address (the point's office), the pickup shipping option and whether it
 * must be (re)added, the payment collection already there.
 */
export const planPickupCheckoutStepId = "plan-pickup-checkout"

export const planPickupCheckoutStep = createStep(
  planPickupCheckoutStepId,
  async (input: PlacePickupOrderInput, { container }) => {
    const now = input.now ? new Date(input.now) : nowOf(container)
    const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: carts } = await query.graph({
      entity: "cart",
      fields: [
        "id",
        "email",
        "completed_at",
        "customer_id",
        "pickup_point.id",
        "order_cycle.id",
        "items.id",
        "items.product.id",
        "items.product.metadata",
        "shipping_methods.id",
        "shipping_methods.shipping_option_id",
        "payment_collection.id",
      ],
      filters: { id: input.cart_id },
    })
    const cart = carts[0]
    if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `cart ${input.cart_id} was not found`)
    if (cart.completed_at) throw new CheckoutRefusal("cart_completed")
    if (!cart.items?.length) throw new CheckoutRefusal("cart_empty")
    const perishability = orderPerishability(cart.items.map((i) => i?.product))
    const { point, cycle } = await decidePickup(container, {
      pickup_point_id: input.pickup_point_id,
      order_cycle_id: input.order_cycle_id,
      perishability,
      now,
    })
    const { data: offices } = await query.graph({
      entity: "pickup_point",
      fields: ["id", "office.compound_name", "office.address", "office.city", "office.district"],
      filters: { id: point.id },
    })
    const office = offices[0]?.office ?? {}
    // The pickup option of the point's stock location (the one seeded per scenario): fulfillment set of type "pickup".
    const { data: options } = await query.graph({
      entity: "shipping_option",
      fields: ["id", "name", "service_zone.fulfillment_set.type"],
    })
    const option = options.find((o) => o.service_zone?.fulfillment_set?.type === "pickup")
    if (!option) throw new MedusaError(MedusaError.Types.NOT_FOUND, "no pickup shipping option is set up")
    const methods = rows(cart.shipping_methods)
    const hasPickupMethod = methods.length === 1 && methods[0].shipping_option_id === option.id
    const pickup: PickupSummary = {
      point_id: point.id,
      compound_name: office.compound_name ?? "",
      address: office.address ?? "",
      order_cycle_id: cycle.id,
      pickup_starts_at: cycle.pickup_starts_at.toISOString(),
      pickup_ends_at: cycle.pickup_ends_at.toISOString(),
      resident_cutoff_at: cycle.resident_cutoff_at.toISOString(),
    }
    const previous: PickupChoice = {
      pickup_point_id: cart.pickup_point?.id ?? null,
      order_cycle_id: cart.order_cycle?.id ?? null,
    }
    return new StepResponse({
      cart_id: cart.id as string,
      customer_id: (cart.customer_id as string | null) ?? null,
      email: input.email ?? (cart.email as string | null) ?? null,
      // The pickup point is the address (its office); copied to the order, so guests see where and when.
      update: {
        id: cart.id as string,
        shipping_address: {
          first_name: input.name,
          phone: input.phone,
          address_1: office.address ?? "",
          city: office.city ?? "",
          province: office.district ?? "",
          country_code: "cn",
        },
      },
      previous,
      next: { pickup_point_id: point.id, order_cycle_id: cycle.id } as PickupChoice,
      option_id: option.id as string,
      option_name: (option.name as string | null) ?? "",
      add_shipping: !hasPickupMethod,
      remove_method_ids: hasPickupMethod ? [] : methods.map((m) => m.id),
      payment_collection_id: (cart.payment_collection?.id as string | undefined) ?? null,
      pickup,
    })
  }
)
