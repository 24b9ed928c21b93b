import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCartsStep } from "@medusajs/medusa/core-flows"
import { resolveCheckoutCustomerStep } from "../pickup/steps/resolve-checkout-customer"

export type AttachGuestCustomerInput = { cart_id: string; email: string }

/**
 * A cart without a customer that is given an email becomes the cart of that
 * email's guest customer record (found or made, never an account), so the
 * email update Medusa runs next keeps it a guest cart. Medusa's own step
 * would take whichever customer has the email, an account first.
 */
export const attachGuestCustomerToCartWorkflow = createWorkflow(
  "attach-guest-customer-to-cart",
  (input: AttachGuestCustomerInput) => {
    const customer = resolveCheckoutCustomerStep({ customer_id: null, email: input.email })
    when("guest-customer-found", { customer }, ({ customer }) => !!customer).then(() => {
      const update = transform({ input, customer }, ({ input, customer }) => [
        { id: input.cart_id, customer_id: customer!.id, email: customer!.email },
      ])
      updateCartsStep(update)
    })
    return new WorkflowResponse(customer)
  }
)
