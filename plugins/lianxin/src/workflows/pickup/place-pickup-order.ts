import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  addShippingMethodToCartStep,
  completeCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  listShippingOptionsForCartWithPricingWorkflow,
  refreshCartItemsWorkflow,
  releaseLockStep,
  removeShippingMethodFromCartStep,
  updateCartsStep,
  validateAndReturnShippingMethodsDataStep,
  validateCartShippingOptionsPriceStep,
} from "@medusajs/medusa/core-flows"
import { CheckoutRefusal } from "../../utils/checkout-refusal"
import { nowOf } from "../../utils/clock"
import { orderPerishability } from "../../utils/pickup-hold"
import { decidePickup, replaceCartPickupLinksStep, type PickupChoice } from "./set-cart-pickup"
import type { Query } from "./steps/service"

/** Medusa's built-in provider: the resident pays at the property office. */
export const PAY_AT_PICKUP_PROVIDER = "pp_system_default"

export type PlacePickupOrderInput = {
  cart_id: string
  /** The resident: who collects (first name) and their mobile; the order's contact. */
  name: string
  phone: string
  /** Guests may give one (an account takes the order over only with proof: claim-orders); a signed-in customer's is their account's. */
  email?: string | null
  pickup_point_id: string
  /** The cycle shown to the resident; without one, the next open cycle at the point for the cart's class. */
  order_cycle_id?: string
  /**
   * true: pay at pickup and place the order now. false: prepare everything up
   * to the payment collection (an online payment session is opened next, and
   * the cart completed once paid).
   */
  complete: boolean
  now?: Date | string
}

export type PickupSummary = {
  point_id: string
  compound_name: string
  address: string
  order_cycle_id: string
  pickup_starts_at: string
  pickup_ends_at: string
  resident_cutoff_at: string
}

/**
 * Reads the cart once and decides everything the checkout writes: the
 * pickup (the ordering rule, refusing with the next open cycle), the contact
 * and address (the point's office), the pickup shipping option and whether it
 * must be (re)added, the payment collection already there.
 */
const planPickupCheckoutStep = createStep("plan-pickup-checkout", async (input: PlacePickupOrderInput, { container }) => {
  const now = input.now ? new Date(input.now) : nowOf(container)
  const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "email",
      "completed_at",
      "customer_id",
      "metadata",
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
  const perishability = orderPerishability(cart.items.map((i: any) => i?.product))
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
    fields: ["id", "service_zone.fulfillment_set.type"],
  })
  const option = options.find((o: any) => o.service_zone?.fulfillment_set?.type === "pickup")
  if (!option) throw new MedusaError(MedusaError.Types.NOT_FOUND, "no pickup shipping option is set up")
  const methods: Array<{ id: string; shipping_option_id: string | null }> = cart.shipping_methods ?? []
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
  const previous: PickupChoice = { pickup_point_id: cart.pickup_point?.id ?? null, order_cycle_id: cart.order_cycle?.id ?? null }
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
      metadata: { ...(cart.metadata ?? {}), lx_pickup: pickup },
    },
    previous,
    next: { pickup_point_id: point.id, order_cycle_id: cycle.id } as PickupChoice,
    option_id: option.id as string,
    add_shipping: !hasPickupMethod,
    remove_method_ids: hasPickupMethod ? [] : methods.map((m) => m.id),
    payment_collection_id: (cart.payment_collection?.id as string | undefined) ?? null,
    pickup,
  })
})

type CheckoutCustomer = { id: string; email: string | null; has_account: boolean } | null

/**
 * Whose order this becomes. A cart of a signed-in customer stays theirs (the
 * route let only them through). A guest's email finds or makes the GUEST
 * customer record of that email (has_account false), never an account that
 * happens to use it: Medusa's findOrCreateCustomerStep takes the first
 * customer with the email, so whoever registered a resident's email first
 * would receive that resident's guest orders (issue 11). The order joins an
 * account later only with proof (claim-orders). Compensation removes a guest
 * record made here.
 */
export const resolveCheckoutCustomerStep = createStep(
  "resolve-checkout-customer",
  async (input: { customer_id: string | null; email: string | null }, { container }) => {
    const customers = container.resolve(Modules.CUSTOMER)
    const current = input.customer_id
      ? (await customers.listCustomers({ id: input.customer_id }, { take: 1 }))[0]
      : undefined
    if (current?.has_account) {
      return new StepResponse<CheckoutCustomer, string | null>({ id: current.id, email: current.email ?? null, has_account: true }, null)
    }
    const email = input.email?.trim() || null
    if (!email) {
      return new StepResponse<CheckoutCustomer, string | null>(current ? { id: current.id, email: current.email ?? null, has_account: false } : null, null)
    }
    if (current && current.email === email) {
      return new StepResponse<CheckoutCustomer, string | null>({ id: current.id, email, has_account: false }, null)
    }
    const [guest] = await customers.listCustomers({ email, has_account: false }, { take: 1 })
    if (guest) return new StepResponse<CheckoutCustomer, string | null>({ id: guest.id, email, has_account: false }, null)
    const created = await customers.createCustomers({ email, has_account: false })
    return new StepResponse<CheckoutCustomer, string | null>({ id: created.id, email, has_account: false }, created.id)
  },
  async (createdId, { container }) => {
    if (createdId) await container.resolve(Modules.CUSTOMER).deleteCustomers([createdId])
  }
)

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
export const placePickupOrderWorkflow = createWorkflow("place-pickup-order", (input: PlacePickupOrderInput) => {
  acquireLockStep({ key: input.cart_id, timeout: 30, ttl: 120 })
  const plan = planPickupCheckoutStep(input)

  // A guest's email: their guest customer record; an account's cart stays the account's (never assumed by email).
  const customer = resolveCheckoutCustomerStep({ customer_id: plan.customer_id, email: plan.email })
  const cartUpdate = transform({ plan, customer }, ({ plan, customer }) => ({
    ...plan.update,
    ...(customer ? { customer_id: customer.id, email: customer.has_account ? customer.email : (customer.email ?? plan.email) } : {}),
    ...(!customer && plan.email ? { email: plan.email } : {}),
  }))
  updateCartsStep([cartUpdate])
  replaceCartPickupLinksStep({ cart_id: input.cart_id, previous: plan.previous, next: plan.next })

  when("add-pickup-shipping", { plan }, ({ plan }) => plan.add_shipping).then(() => {
    const options = transform({ plan }, ({ plan }) => [{ id: plan.option_id }])
    const priced = listShippingOptionsForCartWithPricingWorkflow.runAsStep({
      input: { cart_id: input.cart_id, options, is_return: false },
    })
    validateCartShippingOptionsPriceStep({ shippingOptions: priced })
    const dataInput = transform({ plan, priced }, ({ plan, priced }) =>
      priced
        .filter((o: any) => o.id === plan.option_id)
        .map((o: any) => ({ id: o.id, provider_id: o.provider_id, option_data: o.data ?? {}, method_data: {}, context: { from_location: o.stock_location ?? {} } }))
    )
    const methodData = validateAndReturnShippingMethodsDataStep(dataInput as any)
    const methods = transform({ plan, priced, methodData }, ({ plan, priced, methodData }) => {
      const option = (priced as any[]).find((o) => o.id === plan.option_id)
      if (!option?.calculated_price) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Shipping option with ID ${plan.option_id} do not have a price`)
      }
      const data = (methodData as any[] | undefined)?.find((d) => d?.[option.id])?.[option.id] ?? {}
      return [
        {
          cart_id: plan.cart_id,
          shipping_option_id: option.id,
          name: option.name,
          amount: option.calculated_price.calculated_amount,
          is_tax_inclusive: !!option.calculated_price.is_calculated_price_tax_inclusive,
          data,
        },
      ]
    })
    const removeIds = transform({ plan }, ({ plan }) => ({ shipping_method_ids: plan.remove_method_ids }))
    removeShippingMethodFromCartStep(removeIds)
    addShippingMethodToCartStep({ shipping_methods: methods })
  })

  // Once, after everything that changes prices or taxes (the address is the point's office): Medusa's own refresh.
  refreshCartItemsWorkflow.runAsStep({ input: { cart_id: input.cart_id, force_refresh: true } })

  const created = when("create-payment-collection", { plan }, ({ plan }) => !plan.payment_collection_id).then(() =>
    createPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id: input.cart_id } })
  )
  const collectionId = transform({ plan, created }, ({ plan, created }) => plan.payment_collection_id ?? (created as { id?: string } | undefined)?.id)

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
