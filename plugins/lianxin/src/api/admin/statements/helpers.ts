import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { REVENUE_SHARE_MODULE } from "../../../modules/revenue-share"
import type RevenueShareModuleService from "../../../modules/revenue-share/service"
import { orderDisplayId } from "../../../utils/query-types"

/**
 * A statement with its lines, the household's public code, each line's product title and its order's display number
 * (#1042, what operators see in Admin's order list; null when the order is gone).
 */
export async function statementWithLines(scope: MedusaContainer, id: string) {
  const service: RevenueShareModuleService = scope.resolve(REVENUE_SHARE_MODULE)
  const [statement] = await service.listStatements({ id }, { relations: ["lines", "payment"] })
  if (!statement) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `statement ${id} was not found`)
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const orderIds = [...new Set(statement.lines.map((l) => l.order_id).filter(Boolean) as string[])]
  const productIds = [...new Set(statement.lines.map((l) => l.product_id).filter(Boolean) as string[])]
  const [{ data: products }, { data: households }, { data: orders }] = await Promise.all([
    productIds.length
      ? query.graph({ entity: "product", fields: ["id", "title"], filters: { id: productIds } })
      : Promise.resolve({ data: [] }),
    query.graph({
      entity: "household",
      fields: ["id", "code", "display_name"],
      filters: { id: statement.household_id },
    }),
    orderIds.length
      ? query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } })
      : Promise.resolve({ data: [] }),
  ])
  const displayIds = new Map(orders.map((o) => [o.id, orderDisplayId(o)]))
  const titles = new Map(products.map((p) => [p.id, p.title]))
  const lines = [...statement.lines]
    .sort((a, b) => new Date(a.occurred_at).getTime() - new Date(b.occurred_at).getTime() || a.id.localeCompare(b.id))
    .map((l) => ({
      ...l,
      amount: Number(l.amount),
      product_title: l.product_id ? (titles.get(l.product_id) ?? null) : null,
      order_display_id: l.order_id ? (displayIds.get(l.order_id) ?? null) : null,
    }))
  return {
    ...statement,
    total: Number(statement.total),
    household: households[0]
      ? { id: households[0].id, code: households[0].code, display_name: households[0].display_name }
      : null,
    lines,
  }
}
