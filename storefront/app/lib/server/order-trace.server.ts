import { orderTraceAnswerSchema } from "../contract"
import { statusOf } from "./http.server"
import type { StoreClient } from "./medusa.server"

/** The harvest batch (合格证) behind an order line, as the order page shows it. */
export type LineBatchView = {
  harvestedOn: string
  quantity: number
  quantityUnit: string
  certificateNo: string
  certificatePhotoUrl: string
  recalled: boolean
}

/** What the order's own ledger accruals send to households: pending until posted (no estimate). */
export type HouseholdsView = { status: "pending" } | { status: "posted"; households: number; amountFen: number }

export type OrderTraceView = {
  /** By order line id; a line without a batch yet (or an unlisted product) is absent. */
  batches: Record<string, LineBatchView>
  /** Lines of office listings: their batch is shown, or said to come (the other products have no harvest record). */
  traceable: string[]
  households: HouseholdsView
}

/**
 * GET /store/lianxin/orders/:id/trace as the order's owner: the signed-in
 * customer first, then the guest holding the cart it was placed from.
 * null when neither proof is accepted (the order page has already checked it).
 */
export async function loadOrderTrace(
  store: StoreClient,
  orderId: string,
  proof: { token?: string; cartId?: string }
): Promise<OrderTraceView | null> {
  const attempts = [
    ...(proof.token ? [{ headers: { authorization: `Bearer ${proof.token}` } }] : []),
    ...(proof.cartId ? [{ query: { cart_id: proof.cartId } }] : []),
  ]
  for (const init of attempts) {
    try {
      const raw = await store.request<unknown>(
        `loading the trace of order ${orderId}`,
        `/store/lianxin/orders/${orderId}/trace`,
        init
      )
      return toTraceView(orderTraceAnswerSchema.parse(raw).trace)
    } catch (error) {
      const status = statusOf(error)
      if (status === 404 || status === 401) continue
      throw error
    }
  }
  return null
}

export function toTraceView(trace: ReturnType<typeof orderTraceAnswerSchema.parse>["trace"]): OrderTraceView {
  const batches: Record<string, LineBatchView> = {}
  const traceable: string[] = []
  for (const line of trace.lines) {
    if (line.traceable) traceable.push(line.line_item_id)
    const b = line.harvest_batch
    if (!b) continue
    batches[line.line_item_id] = {
      harvestedOn: b.harvested_on,
      quantity: b.quantity,
      quantityUnit: b.quantity_unit,
      certificateNo: b.certificate_no,
      certificatePhotoUrl: b.certificate_photo_url,
      recalled: b.recalled,
    }
  }
  const h = trace.households
  return {
    batches,
    traceable,
    households:
      h.status === "posted"
        ? { status: "posted", households: h.households, amountFen: h.amount_fen }
        : { status: "pending" },
  }
}
