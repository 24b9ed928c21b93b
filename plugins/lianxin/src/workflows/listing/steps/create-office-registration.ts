import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { listingService } from "./service"

export const createOfficeRegistrationStepId = "create-office-registration"

export type OfficeRegistrationInput = {
  idempotency_key: string
  household_id: string
  property_office_id: string
  staff_id: string
}

/** Records which office registered the household under which key (unique: a racing double tap fails here). */
export const createOfficeRegistrationStep = createStep(
  createOfficeRegistrationStepId,
  async (input: OfficeRegistrationInput, { container }) => {
    const row = await listingService(container).createOfficeRegistrations(input)
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (id) await listingService(container).deleteOfficeRegistrations([id])
  }
)
