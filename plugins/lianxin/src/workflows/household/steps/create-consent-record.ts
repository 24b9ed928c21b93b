import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RecordConsentInput } from "../types"
import { householdService } from "./service"

export const createConsentRecordStepId = "create-consent-record"

/** Appends one consent record. Only a rollback of this very workflow removes it again. */
export const createConsentRecordStep = createStep(
  createConsentRecordStepId,
  async (input: RecordConsentInput, { container }) => {
    const record = await householdService(container).createConsentRecords({
      household_id: input.household_id,
      kind: input.kind,
      granted: input.granted,
      method: input.method,
      note: input.note ?? null,
      recorded_at: input.recorded_at ? new Date(input.recorded_at) : new Date(),
      recorded_by: input.recorded_by,
    })
    return new StepResponse(record, record.id)
  },
  async (id, { container }) => {
    if (id) {
      await householdService(container).rollbackAppendOnly("consent_record", [id])
    }
  }
)
