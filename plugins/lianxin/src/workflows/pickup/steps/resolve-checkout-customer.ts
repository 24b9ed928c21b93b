import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type CheckoutCustomer = { id: string; email: string | null; has_account: boolean } | null

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
export const resolveCheckoutCustomerStepId = "resolve-checkout-customer"

export const resolveCheckoutCustomerStep = createStep(
  resolveCheckoutCustomerStepId,
  async (input: { customer_id: string | null; email: string | null }, { container }) => {
    const customers = container.resolve(Modules.CUSTOMER)
    const current = input.customer_id
      ? (await customers.listCustomers({ id: input.customer_id }, { take: 1 }))[0]
      : undefined
    if (current?.has_account) {
      return new StepResponse<CheckoutCustomer, string | null>(
        { id: current.id, email: current.email ?? null, has_account: true },
        null
      )
    }
    const email = input.email?.trim() || null
    if (!email) {
      return new StepResponse<CheckoutCustomer, string | null>(
        current ? { id: current.id, email: current.email ?? null, has_account: false } : null,
        null
      )
    }
    if (current && current.email === email) {
      return new StepResponse<CheckoutCustomer, string | null>({ id: current.id, email, has_account: false }, null)
    }
    const [guest] = await customers.listCustomers({ email, has_account: false }, { take: 1 })
    if (guest)
      return new StepResponse<CheckoutCustomer, string | null>({ id: guest.id, email, has_account: false }, null)
    const created = await customers.createCustomers({ email, has_account: false })
    return new StepResponse<CheckoutCustomer, string | null>({ id: created.id, email, has_account: false }, created.id)
  },
  async (createdId, { container }) => {
    if (createdId) await container.resolve(Modules.CUSTOMER).deleteCustomers([createdId])
  }
)
