import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createPickupStaffWorkflow } from "../../../workflows/pickup/create-pickup-staff"
import type PickupModuleService from "../../../modules/pickup/service"
import { pickup } from "../../pickup-staff/helpers"
import type { AdminCreatePickupStaffType, AdminListQueryType } from "../pickup-offices/validators"

type StaffRow = Awaited<ReturnType<PickupModuleService["listPickupStaffs"]>>[number]

const view = (s: StaffRow) => ({
  id: s.id,
  name: s.name,
  email: s.email,
  phone: s.phone,
  is_active: s.is_active,
  point_ids: (s.point_links ?? []).map((l) => l.point_id),
})

export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListQueryType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const [staff, count] = await pickup(req).listAndCountPickupStaffs(
    {},
    { take: q.limit, skip: q.offset, relations: ["point_links"], order: { created_at: "ASC" } }
  )
  res.json({ pickup_staff: staff.map(view), count, offset: q.offset, limit: q.limit })
}

/** Creates a staff member with their own login (POST /auth/pickup_staff/emailpass). */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreatePickupStaffType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await createPickupStaffWorkflow(req.scope).run({ input: body })
  const [staff] = await pickup(req).listPickupStaffs({ id: result.id }, { take: 1, relations: ["point_links"] })
  res.status(201).json({ pickup_staff: view(staff) })
}

export { view as staffAdminView }
