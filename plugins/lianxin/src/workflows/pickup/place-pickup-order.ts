import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  addShippingMethodToCartStep,
  completeCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  refreshCartItemsWorkflow,
  releaseLockStep,
  removeShippingMethodFromCartStep,
  updateCartsStep,
} from "@medusajs/medusa/core-flows"
import { replaceCartPickupLinksStep } from "./steps/replace-cart-pickup-links"
import { planPickupCheckoutStep } from "./steps/plan-pickup-checkout"
import { resolveCheckoutCustomerStep } from "./steps/resolve-checkout-customer"
import type { PlacePickupOrderInput } from "./types"

/** Medusa's built-in provider: the resident pays at the property office. */
export const PAY_AT_PICKUP_PROVIDER = "pp_system_default"

/**
 * One checkout in one workflow (issue 10): contact and address, the pickup
 * point and cycle (the ordering rule), the pickup shipping method, one price
 * and tax refresh, the payment collection, and — paying at pickup — the pay at
 * pickup session and Medusa's completeCartWorkflow (with our validate and
 * orderCreated hooks: place, stock hold, assignment, code). Each part is
 * Medusa's own step or workflow with its compensation; a refusal at any point
 * rolls the cart back to what it was. Before, the storefront made eleven
 * requests one after another, two of which refreshed the whole cart each.
 * The cart's lock is held throughout (nested workflows skip their own).
 */
export const placePickupOrderWorkflowId = "place-pickup-order"

export const placePickupOrderWorkflow = createWorkflow(placePickupOrderWorkflowId, (input: PlacePickupOrderInput) => {
  // ttl: a checkout takes about a second; if the server dies holding the lock, the cart is free again after a minute.
  acquireLockStep({ key: input.cart_id, timeout: 30, ttl: 60 })
  const plan = planPickupCheckoutStep(input)

  // A guest's email: their guest customer record; an account's cart stays the account's (never assumed by email).
  const customer = resolveCheckoutCustomerStep({ customer_id: plan.customer_id, email: plan.email })
  const cartUpdate = transform({ plan, customer }, ({ plan, customer }) => ({
    ...plan.update,
    ...(customer
      ? { customer_id: customer.id, email: customer.has_account ? customer.email : (customer.email ?? plan.email) }
      : {}),
    ...(!customer && plan.email ? { email: plan.email } : {}),
  }))
  updateCartsStep([cartUpdate])
  replaceCartPickupLinksStep({ cart_id: input.cart_id, previous: plan.previous, next: plan.next })

  // The pickup method is added unpriced; the refresh below prices it (Medusa's refreshCartShippingMethodsWorkflow
  // lists the cart's options with prices and sets each method's amount, or removes a method whose option is not
  // offered to this cart, which completion then refuses). Pricing it here as well priced the option twice.
  when("add-pickup-shipping", { plan }, ({ plan }) => plan.add_shipping).then(() => {
    const removeIds = transform({ plan }, ({ plan }) => ({ shipping_method_ids: plan.remove_method_ids }))
    removeShippingMethodFromCartStep(removeIds)
    const methods = transform({ plan }, ({ plan }) => [
      { cart_id: plan.cart_id, shipping_option_id: plan.option_id, name: plan.option_name, amount: 0, data: {} },
    ])
    addShippingMethodToCartStep({ shipping_methods: methods })
  })

  // Once, after everything that changes prices or taxes (the address is the point's office): Medusa's own refresh
  // (items, the shipping method's price, taxes, promotions, an existing payment collection).
  refreshCartItemsWorkflow.runAsStep({ input: { cart_id: input.cart_id, force_refresh: true } })

  const created = when("create-payment-collection", { plan }, ({ plan }) => !plan.payment_collection_id).then(() =>
    createPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id: input.cart_id } })
  )
  const collectionId = transform(
    { plan, created },
    ({ plan, created }) => plan.payment_collection_id ?? (created as { id?: string } | undefined)?.id
  )

  const order = when("pay-at-pickup-and-complete", { input }, ({ input }) => input.complete).then(() => {
    const sessionInput = transform({ collectionId }, ({ collectionId }) => ({
      payment_collection_id: collectionId as string,
      provider_id: PAY_AT_PICKUP_PROVIDER,
    }))
    createPaymentSessionsWorkflow.runAsStep({ input: sessionInput })
    return completeCartWorkflow.runAsStep({ input: { id: input.cart_id } })
  })

  releaseLockStep({ key: input.cart_id })
  const result = transform({ order, plan, collectionId }, ({ order, plan, collectionId }) => ({
    order_id: (order as { id?: string } | undefined)?.id ?? null,
    payment_collection_id: (collectionId as string | undefined) ?? null,
    pickup: plan.pickup,
  }))
  return new WorkflowResponse(result)
})
