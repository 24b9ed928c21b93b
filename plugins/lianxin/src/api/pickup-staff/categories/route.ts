import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { officeContext } from "../households/office"
import type { StaffCategoriesResponse } from "../../contract"

/** Active public categories a listing can go in. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StaffCategoriesResponse>) {
  await officeContext(req)
  const categories = await req.scope
    .resolve(Modules.PRODUCT)
    .listProductCategories(
      { is_active: true, is_internal: false },
      { select: ["id", "name", "handle", "rank"], take: 1000 }
    )
  res.json({
    categories: categories
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
      .map((c) => ({ id: c.id, name: c.name, handle: c.handle })),
  })
}
