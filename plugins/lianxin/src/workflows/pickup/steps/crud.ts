import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

type Row = { id: string } & Record<string, unknown>
type Entity = "PropertyOffice" | "PickupPoint" | "OrderCycle" | "PickupStaff" | "PickupStaffPoint"

const method = (svc: any, verb: string, entity: Entity) => {
  const plural = entity.endsWith("s") ? `${entity}es` : entity === "PickupStaff" ? "PickupStaffs" : `${entity}s`
  return svc[`${verb}${plural}`].bind(svc)
}

/** Creates records of one entity; compensation deletes them. */
export function createRecordsStep(stepId: string, entity: Entity) {
  return createStep(
    stepId,
    async (input: Record<string, unknown>[], { container }) => {
      const created: Row[] = await method(pickupService(container), "create", entity)(input)
      return new StepResponse(created, created.map((r) => r.id))
    },
    async (ids, { container }) => {
      if (ids?.length) await method(pickupService(container), "delete", entity)(ids)
    }
  )
}

/** Updates one record; compensation writes the previous values back. */
export function updateRecordStep(stepId: string, entity: Entity) {
  return createStep(
    stepId,
    async (input: { id: string; data: Record<string, unknown> }, { container }) => {
      const svc = pickupService(container)
      const [before] = await method(svc, "list", entity)({ id: input.id }, { take: 1 })
      if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, `${input.id} was not found`)
      const previous = Object.fromEntries(Object.keys(input.data).map((k) => [k, before[k]]))
      const updated = await method(svc, "update", entity)({ id: input.id, ...input.data })
      return new StepResponse(updated as Row, { id: input.id, previous })
    },
    async (comp, { container }) => {
      if (comp) await method(pickupService(container), "update", entity)({ id: comp.id, ...comp.previous })
    }
  )
}

/** Soft-deletes records; compensation restores them. */
export function deleteRecordsStep(stepId: string, entity: Entity) {
  return createStep(
    stepId,
    async (ids: string[], { container }) => {
      if (ids.length) await method(pickupService(container), "softDelete", entity)(ids)
      return new StepResponse(ids, ids)
    },
    async (ids, { container }) => {
      if (ids?.length) await method(pickupService(container), "restore", entity)(ids)
    }
  )
}
