import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

export const updatePickupPointStepId = "update-pickup-point"

/** Updates one pickup point; compensation writes the previous values of the changed fields back. */
export const updatePickupPointStep = createStep(
  updatePickupPointStepId,
  async (input: { id: string; data: Record<string, unknown> }, { container }) => {
    const svc = pickupService(container)
    const [before] = await svc.listPickupPoints({ id: input.id }, { take: 1 })
    if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, `${input.id} was not found`)
    const row = before as unknown as Record<string, unknown>
    const previous = Object.fromEntries(Object.keys(input.data).map((k) => [k, row[k]]))
    const updated = await svc.updatePickupPoints({ id: input.id, ...input.data })
    return new StepResponse(updated, { id: input.id, previous })
  },
  async (comp, { container }) => {
    if (comp) await pickupService(container).updatePickupPoints({ id: comp.id, ...comp.previous })
  }
)
