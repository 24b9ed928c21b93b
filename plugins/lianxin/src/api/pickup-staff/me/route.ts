import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pickup, staffContext } from "../helpers"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ctx = await staffContext(req)
  const [staff] = await pickup(req).listPickupStaffs({ id: ctx.staffId }, { take: 1 })
  const points = ctx.pointIds.length
    ? await pickup(req).listPickupPoints({ id: ctx.pointIds }, { take: 100, relations: ["office"] })
    : []
  res.json({
    staff: { id: staff.id, name: staff.name, email: staff.email },
    points: points.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      office: { id: p.office.id, compound_name: p.office.compound_name },
    })),
  })
}
