import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { households, officeContext } from "../households/office"
import type { StaffVillagesResponse } from "../../contract"

/** Villages and their cooperatives, for the registration form. Public names only. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StaffVillagesResponse>) {
  await officeContext(req)
  const villages = await households(req).listVillages(
    {},
    { relations: ["cooperatives"], order: { code: "ASC" }, take: 1000 }
  )
  res.json({
    villages: villages.map((v) => ({
      id: v.id,
      code: v.code,
      name: v.name,
      province: v.province,
      county: v.county,
      township: v.township,
      cooperatives: (v.cooperatives ?? [])
        .map((c) => ({ id: c.id, name: c.name }))
        .sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
    })),
  })
}
