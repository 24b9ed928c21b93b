import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { assertCycleTimes } from "../../utils/pickup-cycle"
import { createRecordsStep, deleteRecordsStep, updateRecordStep } from "./steps/crud"
import { pickupService } from "./steps/service"

const createOfficesStep = createRecordsStep("create-property-offices", "PropertyOffice")
const updateOfficeStep = updateRecordStep("update-property-office", "PropertyOffice")
const createPointsStep = createRecordsStep("create-pickup-points", "PickupPoint")
const updatePointStep = updateRecordStep("update-pickup-point", "PickupPoint")
const createCyclesStep = createRecordsStep("create-order-cycles", "OrderCycle")
const updateCycleStep = updateRecordStep("update-order-cycle", "OrderCycle")

export const createPropertyOfficesWorkflow = createWorkflow(
  "create-property-offices",
  (input: { offices: Record<string, unknown>[] }) => new WorkflowResponse(createOfficesStep(input.offices))
)

export const updatePropertyOfficeWorkflow = createWorkflow(
  "update-property-office",
  (input: { id: string; data: Record<string, unknown> }) => new WorkflowResponse(updateOfficeStep(input))
)

const validatePointOfficeStep = createStep(
  "validate-pickup-point-office",
  async (input: { office_ids: string[] }, { container }) => {
    const ids = [...new Set(input.office_ids.filter(Boolean))]
    if (!ids.length) return new StepResponse(true)
    const found = await pickupService(container).listPropertyOffices({ id: ids }, { take: ids.length })
    const missing = ids.filter((id) => !found.some((o) => o.id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `office_id ${missing.join(", ")} does not exist`)
    }
    return new StepResponse(true)
  }
)

export const createPickupPointsWorkflow = createWorkflow(
  "create-pickup-points",
  (input: { points: Array<Record<string, unknown> & { office_id: string }> }) => {
    const officeIds = transform({ input }, ({ input }) => input.points.map((p) => p.office_id))
    validatePointOfficeStep({ office_ids: officeIds })
    return new WorkflowResponse(createPointsStep(input.points))
  }
)

export const updatePickupPointWorkflow = createWorkflow(
  "update-pickup-point",
  (input: { id: string; data: Record<string, unknown> }) => new WorkflowResponse(updatePointStep(input))
)

const validateCycleTimesStep = createStep(
  "validate-order-cycle-times",
  async (input: { id?: string; cycles: Array<Record<string, unknown>> }, { container }) => {
    let current: Record<string, unknown> = {}
    if (input.id) {
      const [cycle] = await pickupService(container).listOrderCycles({ id: input.id }, { take: 1 })
      if (!cycle) throw new MedusaError(MedusaError.Types.NOT_FOUND, `order cycle ${input.id} was not found`)
      current = cycle as unknown as Record<string, unknown>
    }
    for (const c of input.cycles) {
      const merged = { ...current, ...c }
      try {
        assertCycleTimes({
          producer_cutoff_at: new Date(merged.producer_cutoff_at as string),
          resident_cutoff_at: new Date(merged.resident_cutoff_at as string),
          pickup_starts_at: new Date(merged.pickup_starts_at as string),
          pickup_ends_at: new Date(merged.pickup_ends_at as string),
        })
      } catch (e) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, (e as Error).message)
      }
    }
    return new StepResponse(true)
  }
)

export const createOrderCyclesWorkflow = createWorkflow(
  "create-order-cycles",
  (input: { cycles: Record<string, unknown>[] }) => {
    validateCycleTimesStep({ cycles: input.cycles })
    return new WorkflowResponse(createCyclesStep(input.cycles))
  }
)

export const updateOrderCycleWorkflow = createWorkflow(
  "update-order-cycle",
  (input: { id: string; data: Record<string, unknown> }) => {
    const cycles = transform({ input }, ({ input }) => [input.data])
    validateCycleTimesStep({ id: input.id, cycles })
    return new WorkflowResponse(updateCycleStep(input))
  }
)

// ---- staff -------------------------------------------------------------------

const createStaffStep = createRecordsStep("create-pickup-staff-records", "PickupStaff")
const linkStaffPointsStep = createRecordsStep("link-pickup-staff-points", "PickupStaffPoint")
const unlinkStaffPointsStep = deleteRecordsStep("unlink-pickup-staff-points", "PickupStaffPoint")

const validateStaffPointsStep = createStep(
  "validate-pickup-staff-points",
  async (input: { point_ids: string[] }, { container }) => {
    const ids = [...new Set(input.point_ids)]
    const found = ids.length ? await pickupService(container).listPickupPoints({ id: ids }, { take: ids.length }) : []
    const missing = ids.filter((id) => !found.some((p) => p.id === id))
    if (missing.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `point_ids: ${missing.join(", ")} do not exist`)
    return new StepResponse(ids)
  }
)

/**
 * An emailpass auth identity for the staff member whose app_metadata names
 * them (pickup_staff_id), so POST /auth/pickup_staff/emailpass logs them in.
 * Compensation deletes the identity.
 */
const registerStaffIdentityStep = createStep(
  "register-pickup-staff-identity",
  async (input: { email: string; password: string; staff_id: string }, { container }) => {
    const auth = container.resolve("auth") as any
    const { success, authIdentity, error } = await auth.register("emailpass", {
      body: { email: input.email, password: input.password },
    })
    if (!success || !authIdentity) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `email: ${error ?? "could not register this email"}`)
    }
    await auth.updateAuthIdentities({
      id: authIdentity.id,
      app_metadata: { ...(authIdentity.app_metadata ?? {}), pickup_staff_id: input.staff_id },
    })
    return new StepResponse(authIdentity.id as string, authIdentity.id as string)
  },
  async (id, { container }) => {
    if (id) await (container.resolve("auth") as any).deleteAuthIdentities([id])
  }
)

export type CreatePickupStaffInput = { name: string; email: string; phone?: string | null; password: string; point_ids: string[] }

export const createPickupStaffWorkflow = createWorkflow("create-pickup-staff", (input: CreatePickupStaffInput) => {
  validateStaffPointsStep({ point_ids: input.point_ids })
  const records = transform({ input }, ({ input }) => [
    { name: input.name, email: input.email.toLowerCase(), phone: input.phone ?? null },
  ])
  const created = createStaffStep(records)
  const staff = transform({ created }, ({ created }) => created[0] as { id: string })
  const links = transform({ input, staff }, ({ input, staff }) =>
    [...new Set(input.point_ids)].map((point_id) => ({ staff_id: staff.id, point_id }))
  )
  linkStaffPointsStep(links)
  const identity = transform({ input, staff }, ({ input, staff }) => ({
    email: input.email.toLowerCase(),
    password: input.password,
    staff_id: staff.id,
  }))
  registerStaffIdentityStep(identity)
  return new WorkflowResponse(staff)
})

const diffStaffPointsStep = createStep(
  "diff-pickup-staff-points",
  async (input: { staff_id: string; point_ids: string[] | null }, { container }) => {
    if (!input.point_ids) return new StepResponse({ add: [] as Array<{ staff_id: string; point_id: string }>, remove: [] as string[] })
    const wanted = input.point_ids
    const existing = await pickupService(container).listPickupStaffPoints({ staff_id: input.staff_id }, { take: 1000 })
    const remove = existing.filter((l: any) => !wanted.includes(l.point_id)).map((l) => l.id)
    const have = new Set(existing.map((l: any) => l.point_id))
    const add = wanted.filter((p) => !have.has(p)).map((point_id) => ({ staff_id: input.staff_id, point_id }))
    return new StepResponse({ add, remove })
  }
)

export const updatePickupStaffWorkflow = createWorkflow(
  "update-pickup-staff",
  (input: { id: string; data: { name?: string; phone?: string | null; is_active?: boolean }; point_ids?: string[] }) => {
    const updated = updateRecordStep("update-pickup-staff-record", "PickupStaff")({ id: input.id, data: input.data })
    const pointIds = transform({ input }, ({ input }) => input.point_ids ?? null)
    validateStaffPointsStep({ point_ids: transform({ input }, ({ input }) => input.point_ids ?? []) })
    const plan = diffStaffPointsStep(
      transform({ input, pointIds }, ({ input, pointIds }) => ({ staff_id: input.id, point_ids: pointIds }))
    )
    unlinkStaffPointsStep(transform({ plan }, ({ plan }) => plan.remove))
    linkStaffPointsStep(transform({ plan }, ({ plan }) => plan.add)).config({ name: "link-pickup-staff-points-update" })
    return new WorkflowResponse(updated)
  }
)
