import type { Paginated, PickupStatus, Timestamp } from "./common"

/** Opening hours of a property office: ISO weekdays (1 = Monday) and "HH:MM" in Asia/Shanghai. */
export type StoreOpeningHours = { days: number[]; opens: string; closes: string }

/** A pickup point as residents see it (list element, detail, remembered point). */
export type StorePickupPoint = {
  id: string
  code: string
  name: string
  /** The signed-in resident's remembered point. */
  remembered: boolean
  office: {
    id: string
    company: string | null
    compound_name: string
    address: string
    city: string
    district: string | null
    latitude: number | null
    longitude: number | null
    phone: string | null
    opening_hours: StoreOpeningHours[] | null
  }
}

/** A cycle open for orders at a point, with the places each storage class has left (a hint: checkout decides). */
export type StoreOrderCycle = {
  id: string
  name: string
  rhythm: string
  resident_cutoff_at: Timestamp
  pickup_starts_at: Timestamp
  pickup_ends_at: Timestamp
  places_left: { chilled: number; ambient: number }
}

/** GET /store/pickup-points */
export type StorePickupPointsResponse = { pickup_points: StorePickupPoint[] } & Paginated
/** GET /store/pickup-points/:id */
export type StorePickupPointResponse = { pickup_point: StorePickupPoint & { order_cycles: StoreOrderCycle[] } }
/** GET /store/pickup-points/:id/cycles */
export type StoreOrderCyclesResponse = { order_cycles: StoreOrderCycle[] }

export type StoreAvailabilityReason = "no_cycle" | "cutoff_passed" | "batch_closed" | "point_full"
/** GET /store/pickup-points/:id/availability[?order_cycle_id=] */
export type StoreAvailabilityResponse = {
  availability: {
    order_cycle_id: string | null
    open: boolean
    /** Why not, when `open` is false. */
    reason: StoreAvailabilityReason | null
    classes: {
      chilled: { capacity: number; remaining: number }
      ambient: { capacity: number; remaining: number }
    }
  }
}

/** GET/POST /store/customers/me/pickup-point */
export type StoreRememberedPointResponse = { pickup_point: StorePickupPoint | null }

/** POST /store/carts/:id/pickup */
export type StoreCartPickupRequest = { pickup_point_id: string; order_cycle_id?: string }

/** What an order's pickup is: one source for where, when and in which state (GET /store/pickup-orders/:order_id). */
export type StoreOrderPickup = {
  status: PickupStatus
  bag_number: number | null
  pickup_point: { id: string; name: string; compound_name: string; address: string }
  order_cycle: {
    id: string
    name: string
    resident_cutoff_at: Timestamp
    pickup_starts_at: Timestamp
    pickup_ends_at: Timestamp
  }
  /** What POST /store/lianxin/orders/:id/cancel accepts right now. */
  cancellable: boolean
  hold_expires_at: Timestamp | null
  refunded_fen: number
  collect_reduction_fen: number
  lines: Array<{ line_item_id: string; title: string; quantity: number; short_quantity: number }>
  /** Signed QR token while the order can still be collected and a code was issued; never the code. */
  qr_token: string | null
}
/** GET /store/pickup-orders/:order_id[?cart_id=] */
export type StoreOrderPickupResponse = { pickup: StoreOrderPickup }

/** The guest's proof of an order: the cart it was placed from (a signed-in owner sends nothing). */
export type StorePickupOrderProof = { cart_id?: string }
/** POST /store/pickup-orders/:order_id/code: shown once; only its HMAC is kept. */
export type StoreIssuedCodeResponse = { pickup_code: { code: string; qr_token: string } }

/** Where and when the order is collected, as checkout placed it. */
export type StoreCheckoutPickup = {
  point_id: string
  compound_name: string
  address: string
  order_cycle_id: string
  pickup_starts_at: Timestamp
  pickup_ends_at: Timestamp
  resident_cutoff_at: Timestamp
}
/** POST /store/lianxin/checkout */
export type StoreCheckoutRequest = {
  cart_id: string
  pickup_point_id: string
  order_cycle_id?: string
  name: string
  phone: string
  email?: string
  /** true (default): pay at pickup and place the order now; false: prepare an online payment first. */
  complete?: boolean
}
/** POST /store/lianxin/checkout: the order (paying at pickup), or the payment to make first. */
export type StoreCheckoutResponse =
  | {
      type: "order"
      order: { id: string }
      pickup: StoreCheckoutPickup
      pickup_code: { code: string; qr_token: string } | null
    }
  | { type: "payment"; payment_collection_id: string; pickup: StoreCheckoutPickup }

/** The order fields GET /store/lianxin/orders/:id reads: the one list both sides use. */
export const STORE_ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "version",
  "fulfillment_status",
  "payment_status",
  "created_at",
  "email",
  "currency_code",
  "total",
  "subtotal",
  "items.id",
  "items.product_id",
  "items.variant_id",
  "items.product_handle",
  "items.product_title",
  "items.title",
  "items.variant_title",
  "items.quantity",
  "items.unit_price",
  "items.total",
  "shipping_address.first_name",
  "shipping_address.phone",
] as const

/** An order as its owner reads it (GET /store/lianxin/orders/:id, GET /store/orders with STORE_ORDER_FIELDS). Money in yuan as Medusa keeps it. */
export type StoreOwnOrder = {
  id: string
  display_id: number
  status: string
  /** Medusa's order version: an edit names the version it was made against (decision 024). */
  version: number
  fulfillment_status: string
  payment_status: string
  created_at: Timestamp
  email: string | null
  currency_code: string
  total: number
  subtotal: number
  items: Array<{
    id: string
    product_id: string | null
    variant_id: string | null
    product_handle: string | null
    product_title: string | null
    title: string
    variant_title: string | null
    quantity: number
    unit_price: number
    total: number
  }>
  shipping_address: { first_name: string | null; phone: string | null } | null
}
/** GET /store/lianxin/orders/:id[?cart_id=] */
export type StoreOwnOrderResponse = { order: StoreOwnOrder }
/** GET /store/orders?fields=STORE_ORDER_FIELDS */
export type StoreOrdersResponse = { orders: StoreOwnOrder[] } & Paginated

/** The harvest batch (合格证) behind an order line, as its owner sees it (decision 023). */
export type StoreHarvestBatch = {
  id: string
  harvested_on: string
  quantity: number
  quantity_unit: string
  certificate_no: string
  certificate_photo_url: string
  recalled: boolean
  recalled_at: Timestamp | null
}
/**
 * What the order sends to households from its own ledger postings (its accrual, moved
 * by edits and reversals): `pending` until the order.placed subscriber has posted the
 * accrual (no estimate), then the figure.
 */
export type StoreOrderHouseholdAccrual =
  | { status: "pending"; households: null; amount_fen: null }
  | { status: "posted"; households: number; amount_fen: number }
/** GET /store/lianxin/orders/:id/trace?cart_id= (owner only, like the order) */
export type StoreOrderTraceResponse = {
  trace: {
    order_id: string
    /**
     * Every line of the order. `traceable`: an office listing's product, whose batch is recorded (harvest_batch) or
     * will be at the harvest freeze or check-in (null until then); other products have no harvest record.
     */
    lines: Array<{ line_item_id: string; traceable: boolean; harvest_batch: StoreHarvestBatch | null }>
    households: StoreOrderHouseholdAccrual
  }
}

/**
 * GET /store/lianxin/catalog/version: changes whenever a public catalogue answer may have changed; storefronts key
 * their copies of those answers by it. `null`: the backend keeps no version (no search index), nothing may be kept.
 */
export type StoreCatalogVersionResponse = { version: string | null }
