/**
 * Why checkout did not place an order, in a shape every caller can act on:
 * a machine-readable `code`, a Chinese message for API users, an English one,
 * and what the resident needs to fix it — the next cycle open at the same
 * point (for cycle refusals) or the product that ran out. Thrown as a
 * MedusaError (NOT_ALLOWED, so without our error handler it is still a 400);
 * the plugin's error handler (api/middlewares.ts) answers it as 409 with this
 * body, also from Medusa's own POST /store/carts/:id/complete.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { OrderRefusalCode } from "./order-rule"

export type CheckoutRefusalCode =
  | OrderRefusalCode
  | "point_inactive"
  | "out_of_stock"
  | "busy"
  | "cart_empty"
  | "cart_completed"

/** The next cycle offered at the same point, as GET /store/pickup-points/:id/cycles lists it. */
export type NextCycle = {
  id: string
  name: string
  resident_cutoff_at: string
  pickup_starts_at: string
  pickup_ends_at: string
}

export type RefusedProduct = {
  product_id: string | null
  variant_id: string
  title: string
  variant_title: string | null
  requested: number
  /** Units still available to order (0: sold out). */
  available: number
}

export type CheckoutRefusalBody = {
  code: CheckoutRefusalCode
  message: string
  message_en: string
  pickup_point_id?: string | null
  order_cycle_id?: string | null
  /** cart_completed: the order that cart became (a retry after a lost answer finds its order). */
  order_id?: string | null
  /** The refused cycle (when known): its pickup window names it to the resident. */
  order_cycle?: NextCycle | null
  next_order_cycle?: NextCycle | null
  product?: RefusedProduct
}

const NOT_PLACED = "订单未提交，也未扣款。"

function messages(code: CheckoutRefusalCode, product?: RefusedProduct): { zh: string; en: string } {
  switch (code) {
    case "point_inactive":
      return { zh: `此自提点已停用，${NOT_PLACED}请选择其他自提点后再下单。`, en: "the pickup point is not available" }
    case "no_cycle":
      return {
        zh: `目前没有可下单的批次，${NOT_PLACED}请稍后再来。`,
        en: "no order cycle is open at this pickup point",
      }
    case "cycle_canceled":
      return {
        zh: `所选的批次已取消，${NOT_PLACED}请改选下一期。`,
        en: "the order cycle was canceled; no order was placed",
      }
    case "cutoff_passed":
      return {
        zh: `本期已截单，${NOT_PLACED}请改选下一期。`,
        en: "the order cutoff for this cycle has passed; no order was placed",
      }
    case "batch_closed":
      return {
        zh: `本期的货已发往自提点，不能再加单，${NOT_PLACED}请改选下一期。`,
        en: "this cycle's delivery has left for the pickup point; no order was placed",
      }
    case "point_full":
      return {
        zh: `您的自提点本期已满，${NOT_PLACED}请改选下一期或其他自提点。`,
        en: "the pickup point is full for this cycle; no order was placed",
      }
    case "out_of_stock": {
      const name = product
        ? `「${product.title}${product.variant_title ? ` ${product.variant_title}` : ""}」`
        : "有一件商品"
      const left = product?.available ?? 0
      return left > 0
        ? {
            zh: `${name}只剩 ${left} 件，${NOT_PLACED}请减少数量后再下单。`,
            en: `only ${left} left of ${product?.title ?? "a product"}; no order was placed`,
          }
        : {
            zh: `${name}已售完，${NOT_PLACED}请从购物车删去这件商品后再下单。`,
            en: `${product?.title ?? "a product"} is sold out; no order was placed`,
          }
    }
    case "cart_empty":
      return { zh: "购物车是空的，订单未提交。", en: "the cart has no items; no order was placed" }
    case "cart_completed":
      return { zh: "这个购物车已经下过单了。", en: "this cart has already been checked out" }
    case "busy":
      return {
        zh: `下单的人太多，${NOT_PLACED}请稍等几秒再提交一次。`,
        en: "too many checkouts at once; try again in a few seconds",
      }
  }
}

export class CheckoutRefusal extends MedusaError {
  /** An own property: it survives the workflow engine's error serialization. */
  readonly lianxin_refusal: CheckoutRefusalBody

  constructor(code: CheckoutRefusalCode, details: Omit<CheckoutRefusalBody, "code" | "message" | "message_en"> = {}) {
    const { zh, en } = messages(code, details.product)
    super(MedusaError.Types.NOT_ALLOWED, zh)
    this.lianxin_refusal = { code, message: zh, message_en: en, ...details }
  }
}

/** The refusal carried by an error (also a serialized one from a workflow), or null. */
export function refusalOf(error: unknown): CheckoutRefusalBody | null {
  const body = (error as { lianxin_refusal?: unknown } | null)?.lianxin_refusal
  if (!body || typeof body !== "object" || typeof (body as CheckoutRefusalBody).code !== "string") return null
  return body as CheckoutRefusalBody
}

/** A cycle as refusals (and the cycles list) name it. */
export function nextCycleView(cycle: {
  id: string
  name: string
  resident_cutoff_at: Date | string
  pickup_starts_at: Date | string
  pickup_ends_at: Date | string
}): NextCycle {
  return {
    id: cycle.id,
    name: cycle.name,
    resident_cutoff_at: new Date(cycle.resident_cutoff_at).toISOString(),
    pickup_starts_at: new Date(cycle.pickup_starts_at).toISOString(),
    pickup_ends_at: new Date(cycle.pickup_ends_at).toISOString(),
  }
}
