import type {
  StoreAvailabilityResponse,
  StoreOrderCycle,
  StoreOrderPickup,
  StoreOwnOrder,
  StorePickupPoint,
} from "@lianxin/plugin/contract"
import type {
  CatalogProduct,
  StoreCatalogProductResponse,
} from "../../../../../plugins/lianxin/src/api/store/lianxin/catalog/product-contract"

/**
 * Backend answers for the fake store, typed with the plugin's contract: a
 * test cannot feed the parsers a shape the backend does not send, and a field
 * renamed in the plugin fails these builders' typecheck.
 */

export function pointJson(
  id: string,
  compound: string,
  overrides: { name?: string; city?: string; office?: Partial<StorePickupPoint["office"]> } = {}
): StorePickupPoint {
  return {
    id,
    code: id.toUpperCase(),
    name: overrides.name ?? "物业前台",
    remembered: false,
    office: {
      id: `pof_${id}`,
      company: null,
      compound_name: compound,
      address: "幸福路 1 号",
      city: overrides.city ?? "杭州市",
      district: "西湖区",
      latitude: null,
      longitude: null,
      phone: null,
      opening_hours: null,
      ...overrides.office,
    },
  }
}

export function cycleJson(overrides: Partial<StoreOrderCycle> = {}): StoreOrderCycle {
  return {
    id: "pcyc_1",
    name: "11月30日",
    rhythm: "weekly",
    resident_cutoff_at: "2026-11-29T14:00:00Z",
    pickup_starts_at: "2026-11-30T08:00:00Z",
    pickup_ends_at: "2026-11-30T12:00:00Z",
    places_left: { chilled: 10, ambient: 10 },
    ...overrides,
  }
}

export function availabilityJson(
  overrides: Partial<StoreAvailabilityResponse["availability"]> = {}
): StoreAvailabilityResponse {
  return {
    availability: {
      order_cycle_id: "pcyc_1",
      open: true,
      reason: null,
      classes: { chilled: { capacity: 10, remaining: 10 }, ambient: { capacity: 10, remaining: 10 } },
      ...overrides,
    },
  }
}

export function orderPickupJson(overrides: Partial<StoreOrderPickup> = {}): StoreOrderPickup {
  return {
    status: "placed",
    bag_number: null,
    pickup_point: { id: "ppt_1", name: "物业前台", compound_name: "幸福里", address: "杭州市西湖区幸福路 1 号" },
    order_cycle: {
      id: "pcyc_1",
      name: "11月30日",
      resident_cutoff_at: "2026-11-29T14:00:00Z",
      pickup_starts_at: "2026-11-30T08:00:00Z",
      pickup_ends_at: "2026-11-30T12:00:00Z",
    },
    cancellable: true,
    hold_expires_at: null,
    refunded_fen: 0,
    collect_reduction_fen: 0,
    lines: [],
    qr_token: null,
    ...overrides,
  }
}

type Item = StoreOwnOrder["items"][number]
export function orderItemJson(overrides: Partial<Item> = {}): Item {
  return {
    id: "ordli_1",
    product_id: "prod_1",
    variant_id: "variant_1",
    product_handle: "apple",
    product_title: "高山苹果",
    title: "5斤装",
    variant_title: "5斤装",
    quantity: 1,
    unit_price: 38.4,
    total: 38.4,
    ...overrides,
  }
}

export function ownOrderJson(overrides: Partial<StoreOwnOrder> = {}): StoreOwnOrder {
  return {
    id: "order_1",
    display_id: 1,
    status: "pending",
    version: 1,
    fulfillment_status: "not_fulfilled",
    payment_status: "authorized",
    created_at: "2026-11-28T10:00:00Z",
    email: null,
    currency_code: "cny",
    total: 38.4,
    subtotal: 38.4,
    items: [orderItemJson()],
    shipping_address: { first_name: "王小明", phone: "13800138000" },
    ...overrides,
  }
}

/** GET /store/lianxin/catalog/products/:handle (decision 027): one product with no producer and no breakdown. */
export function catalogProductJson(
  handle: string,
  overrides: Partial<Omit<CatalogProduct, "origin">> & { origin?: Partial<CatalogProduct["origin"]> } = {}
): StoreCatalogProductResponse {
  const { origin, ...rest } = overrides
  return {
    product: {
      id: `prod_${handle}`,
      handle,
      title: handle,
      description: null,
      thumbnail: null,
      images: [],
      storage: "ambient",
      variants: [
        {
          id: `variant_${handle}`,
          title: "5斤装",
          price_fen: 1280,
          manage_inventory: true,
          allow_backorder: false,
          inventory_quantity: 20,
          weight_g: null,
        },
      ],
      household: null,
      price_breakdown: null,
      ...rest,
      origin: {
        village: null,
        village_region: null,
        cooperative: null,
        household_code: null,
        harvest: null,
        harvest_note: null,
        ...origin,
      },
    },
  }
}
