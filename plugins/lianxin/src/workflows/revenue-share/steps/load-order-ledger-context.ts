import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { LineAttribution } from "../../../utils/ledger-postings"
import { toFen } from "../../../utils/money"
import { rows } from "../../../utils/query-types"
import type { Query } from "../../pickup/steps/service"
import { readOrderPickupPoint } from "../../pickup/utils/read-order-pickup-point"

export type LedgerLineContext = {
  line_item_id: string
  product_id: string | null
  title: string
  quantity: number
  /** What the resident paid for the line after discounts, integer fen. */
  amount_fen: number
  category_ids: string[]
  attribution: LineAttribution | null
}

export type OrderLedgerContext = {
  order_id: string
  currency_code: string
  status: string
  property_office_id: string | null
  lines: LedgerLineContext[]
}

/**
 * Who produced each product, read across the product ↔ attribution link of
 * the household module. Products without an attribution map to null.
 */
export async function readProductAttributions(
  query: Pick<Query, "graph">,
  productIds: string[]
): Promise<Map<string, LineAttribution | null>> {
  const result = new Map<string, LineAttribution | null>()
  if (!productIds.length) return result
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "attribution.cooperative_id", "attribution.shares.household_id", "attribution.shares.share_bp"],
    filters: { id: productIds },
  })
  for (const product of data) {
    const a = product.attribution
    result.set(
      product.id,
      a
        ? {
            cooperative_id: a.cooperative_id ?? null,
            households: rows(a.shares)
              .map((s) => ({ household_id: s.household_id, share_bp: Number(s.share_bp) }))
              .sort((x, y) => x.household_id.localeCompare(y.household_id)),
          }
        : null
    )
  }
  return result
}

/** Reads an order's lines, what was paid for each, the products' categories and producers. */
export const loadOrderLedgerContextStep = createStep(
  "load-order-ledger-context",
  async (input: { order_id: string }, { container }) => {
    const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      // The order-level "total" makes the order module compute totals, item
      // totals included; without it items come back without them.
      fields: [
        "id",
        "currency_code",
        "status",
        "total",
        "items.id",
        "items.title",
        "items.quantity",
        "items.total",
        "items.product_id",
      ],
      filters: { id: input.order_id },
    })
    const order = data[0]
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `order ${input.order_id} was not found`)
    }
    if (order.currency_code !== "cny") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `order ${order.id} is in ${order.currency_code}; the revenue ledger keeps CNY only`
      )
    }
    const productIds = [...new Set(rows(order.items).flatMap((i) => (i.product_id ? [i.product_id] : [])))]
    const attributions = await readProductAttributions(query, productIds)
    const categories = new Map<string, string[]>()
    if (productIds.length) {
      const { data: products } = await query.graph({
        entity: "product",
        fields: ["id", "categories.id"],
        filters: { id: productIds },
      })
      for (const p of products) {
        categories.set(
          p.id,
          rows(p.categories).map((c) => c.id)
        )
      }
    }
    const lines: LedgerLineContext[] = rows(order.items).map((item) => ({
      line_item_id: item.id,
      product_id: item.product_id ?? null,
      title: item.title,
      quantity: Number(item.quantity),
      amount_fen: toFen(item.total ?? 0),
      category_ids: item.product_id ? (categories.get(item.product_id) ?? []) : [],
      attribution: item.product_id ? (attributions.get(item.product_id) ?? null) : null,
    }))
    const context: OrderLedgerContext = {
      order_id: order.id,
      currency_code: order.currency_code,
      status: order.status,
      // The property office's share goes to the office whose pickup point handles the order.
      property_office_id: (await readOrderPickupPoint(query, order.id))?.property_office_id ?? null,
      lines,
    }
    return new StepResponse(context)
  }
)
