import type {
  PickupStatus,
  StaffCategoriesResponse,
  StaffCheckInResponse,
  StaffCounterPickup,
  StaffHarvestRow,
  StaffHousehold,
  StaffHouseholdCounterResponse,
  StaffHouseholdsResponse,
  StaffListing,
  StaffPickupListRow,
  StaffTodayBatch,
  StaffTodayResponse,
  StaffUncollectedRow,
  StaffUploadsResponse,
  StaffVillagesResponse,
  StoreAvailabilityResponse,
  StoreCheckoutPickup,
  StoreCheckoutResponse,
  StoreIssuedCodeResponse,
  StoreOrderCycle,
  StoreOrderPickup,
  StoreOrderTraceResponse,
  StoreOwnOrder,
  StorePickupPoint,
} from "@lianxin/plugin/contract"
import { z } from "zod"
// Types only (erased): the plugin's catalogue product answer, in a file that imports nothing (decision 027).
import type { StoreCatalogProductResponse } from "../../../plugins/lianxin/src/api/store/lianxin/catalog/product-contract"

/**
 * The storefront's parsers of backend answers, written against the plugin's
 * HTTP contract (decision 021). Each schema `satisfies z.ZodType<…>` of the
 * contract type, or of a Pick of it naming the fields the storefront reads: a
 * field renamed or retyped in the plugin fails the storefront's typecheck, and
 * a backend answer that drifts from its type fails the parse (tests/contract).
 * No coercion and no guessed alternatives: what the contract says, or an error.
 */

const timestamp = z.string().min(1)
const pickupStatus = z.enum([
  "placed",
  "ready",
  "collected",
  "uncollected",
  "canceled",
]) satisfies z.ZodType<PickupStatus>
const disposalPolicy = z.enum(["donate", "dispose", "sell_off"])

// ---- store: pickup points, cycles, availability, order pickup, checkout, order read

export const openingHoursSchema = z.object({
  days: z.array(z.number().int().min(1).max(7)),
  opens: z.string().regex(/^\d{2}:\d{2}$/),
  closes: z.string().regex(/^\d{2}:\d{2}$/),
})

export const pickupPointSchema = z.object({
  id: z.string(),
  name: z.string(),
  office: z.object({
    compound_name: z.string(),
    address: z.string(),
    city: z.string(),
    district: z.string().nullable(),
    phone: z.string().nullable(),
    opening_hours: z.array(openingHoursSchema).nullable(),
  }),
}) satisfies z.ZodType<
  Pick<StorePickupPoint, "id" | "name"> & {
    office: Pick<
      StorePickupPoint["office"],
      "compound_name" | "address" | "city" | "district" | "phone" | "opening_hours"
    >
  }
>

export const pickupPointsSchema = z.object({ pickup_points: z.array(pickupPointSchema) })
export const pickupPointAnswerSchema = z.object({ pickup_point: pickupPointSchema })
export const rememberedPointSchema = z.object({ pickup_point: pickupPointSchema.nullable() })

export const orderCycleSchema = z.object({
  id: z.string(),
  name: z.string(),
  rhythm: z.string(),
  resident_cutoff_at: timestamp,
  pickup_starts_at: timestamp,
  pickup_ends_at: timestamp,
  places_left: z.object({ chilled: z.number(), ambient: z.number() }),
}) satisfies z.ZodType<StoreOrderCycle>
export const orderCyclesSchema = z.object({ order_cycles: z.array(orderCycleSchema) })

const classPlaces = z.object({ capacity: z.number(), remaining: z.number() })
export const availabilitySchema = z.object({
  availability: z.object({
    order_cycle_id: z.string().nullable(),
    open: z.boolean(),
    reason: z.enum(["no_cycle", "cutoff_passed", "batch_closed", "point_full"]).nullable(),
    classes: z.object({ chilled: classPlaces, ambient: classPlaces }),
  }),
}) satisfies z.ZodType<StoreAvailabilityResponse>

export const orderPickupSchema = z.object({
  status: pickupStatus,
  qr_token: z.string().nullable(),
  cancellable: z.boolean(),
  pickup_point: z.object({ id: z.string(), name: z.string(), compound_name: z.string(), address: z.string() }),
  order_cycle: z.object({
    id: z.string(),
    name: z.string(),
    resident_cutoff_at: timestamp,
    pickup_starts_at: timestamp,
    pickup_ends_at: timestamp,
  }),
}) satisfies z.ZodType<Pick<StoreOrderPickup, "status" | "qr_token" | "cancellable" | "pickup_point" | "order_cycle">>
export const orderPickupAnswerSchema = z.object({ pickup: orderPickupSchema })

const issuedCode = z.object({ code: z.string().regex(/^\d{8,}$/), qr_token: z.string().min(1) })
export const issuedCodeSchema = z.object({ pickup_code: issuedCode }) satisfies z.ZodType<StoreIssuedCodeResponse>

export const checkoutPickupSchema = z.object({
  point_id: z.string(),
  compound_name: z.string(),
  address: z.string(),
  order_cycle_id: z.string(),
  pickup_starts_at: timestamp,
  pickup_ends_at: timestamp,
  resident_cutoff_at: timestamp,
}) satisfies z.ZodType<StoreCheckoutPickup>

export const checkoutAnswerSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("order"),
    order: z.object({ id: z.string() }),
    pickup: checkoutPickupSchema,
    pickup_code: issuedCode.nullable(),
  }),
  z.object({ type: z.literal("payment"), payment_collection_id: z.string(), pickup: checkoutPickupSchema }),
]) satisfies z.ZodType<StoreCheckoutResponse>

/** Medusa keeps money in yuan as a number (a BigNumber serialized). */
const yuan = z.number()
export const ownOrderSchema = z.object({
  id: z.string(),
  display_id: z.number(),
  status: z.string(),
  // Medusa's list answer may leave it out; absent reads as null (no edit form without it).
  version: z
    .number()
    .nullish()
    .transform((v) => v ?? null),
  fulfillment_status: z.string(),
  created_at: timestamp,
  total: yuan,
  items: z.array(
    z.object({
      id: z.string(),
      product_id: z.string().nullable(),
      variant_id: z.string().nullable(),
      product_handle: z.string().nullable(),
      product_title: z.string().nullable(),
      title: z.string(),
      variant_title: z.string().nullable(),
      quantity: z.number(),
      unit_price: yuan.nullish().transform((v) => v ?? null),
      total: yuan,
    })
  ),
  // Medusa's own GET /store/orders leaves the address out of its list answer even when asked for its fields; the
  // order route (GET /store/lianxin/orders/:id) sends it. Absent reads as null (no contact shown).
  shipping_address: z
    .object({ first_name: z.string().nullable(), phone: z.string().nullable() })
    .nullish()
    .transform((v) => v ?? null),
}) satisfies z.ZodType<
  Pick<
    StoreOwnOrder,
    "id" | "display_id" | "status" | "fulfillment_status" | "created_at" | "total" | "shipping_address"
  > & {
    items: Array<
      Pick<
        StoreOwnOrder["items"][number],
        | "id"
        | "product_id"
        | "variant_id"
        | "product_handle"
        | "product_title"
        | "title"
        | "variant_title"
        | "quantity"
        | "total"
      >
    >
  }
>
export const ownOrderAnswerSchema = z.object({ order: ownOrderSchema })

/** GET /store/lianxin/orders/:id/trace: the batch behind each line and the order's household accruals (decision 023). */
export const orderTraceAnswerSchema = z.object({
  trace: z.object({
    order_id: z.string(),
    lines: z.array(
      z.object({
        line_item_id: z.string(),
        traceable: z.boolean(),
        harvest_batch: z
          .object({
            id: z.string(),
            harvested_on: z.string(),
            quantity: z.number(),
            quantity_unit: z.string(),
            certificate_no: z.string(),
            certificate_photo_url: z.string(),
            recalled: z.boolean(),
            recalled_at: timestamp.nullable(),
          })
          .nullable(),
      })
    ),
    households: z.discriminatedUnion("status", [
      z.object({ status: z.literal("pending"), households: z.null(), amount_fen: z.null() }),
      z.object({ status: z.literal("posted"), households: z.number().int(), amount_fen: z.number().int() }),
    ]),
  }),
}) satisfies z.ZodType<StoreOrderTraceResponse>
export const ordersAnswerSchema = z.object({ orders: z.array(ownOrderSchema) })

// ---- pickup staff: the counter's day, lists, check-in, handover, uncollected

const countsSchema = z.object({
  placed: z.number(),
  ready: z.number(),
  collected: z.number(),
  uncollected: z.number(),
  canceled: z.number(),
})

export const todayBatchSchema = z.object({
  batch: z.object({ id: z.string(), status: z.string(), arrived_at: timestamp.nullable() }),
  cycle: z.object({ resident_cutoff_at: timestamp, pickup_start_at: timestamp, pickup_end_at: timestamp }),
  counts: countsSchema,
  short_lines: z.number(),
}) satisfies z.ZodType<{
  batch: Pick<StaffTodayBatch["batch"], "id" | "status" | "arrived_at">
  cycle: Pick<StaffTodayBatch["cycle"], "resident_cutoff_at" | "pickup_start_at" | "pickup_end_at">
  counts: StaffTodayBatch["counts"]
  short_lines: StaffTodayBatch["short_lines"]
}>
export const todaySchema = z.object({
  batches: z.array(todayBatchSchema),
  uncollected_pending: z.number(),
}) satisfies z.ZodType<
  Omit<StaffTodayResponse, "point" | "batches"> & { batches: Array<z.infer<typeof todayBatchSchema>> }
>

export const pickupListRowSchema = z.object({
  bag_number: z.number(),
  resident: z.string(),
  phone_last4: z.string(),
  order_id: z.string(),
  status: z.string(),
  items: z.string(),
  amount_to_collect_fen: z.number().int(),
  harvest_batches: z.string(),
}) satisfies z.ZodType<StaffPickupListRow>

export const harvestRowSchema = z.object({
  producer: z.string(),
  household_ids: z.string(),
  household_codes: z.string(),
  household_names: z.string(),
  cooperative_id: z.string(),
  cooperative_name: z.string(),
  variant_id: z.string(),
  title: z.string(),
  quantity: z.number(),
}) satisfies z.ZodType<Omit<StaffHarvestRow, "product_id" | "section">>

const manifestBatch = z.object({ id: z.string(), status: z.string() })
export const pickupManifestSchema = z.object({
  batch: manifestBatch,
  kind: z.literal("pickup"),
  rows: z.array(pickupListRowSchema),
})
export const harvestManifestSchema = z.object({
  batch: manifestBatch,
  kind: z.literal("harvest"),
  rows: z.array(harvestRowSchema),
})

export const checkInAnswerSchema = z.object({
  ready_count: z.number().int(),
  shortages: z.array(
    z.object({
      order_id: z.string(),
      line_item_id: z.string(),
      short_quantity: z.number(),
      refund_fen: z.number().int(),
    })
  ),
}) satisfies z.ZodType<Omit<StaffCheckInResponse, "batch">>

const counterLine = z.object({
  line_item_id: z.string(),
  title: z.string(),
  quantity: z.number(),
  short_quantity: z.number(),
  handed_over_quantity: z.number(),
})
export const counterPickupSchema = z.object({
  id: z.string(),
  order_id: z.string(),
  status: pickupStatus,
  bag_number: z.number().nullable(),
  resident: z.string(),
  phone_last4: z.string(),
  amount_to_collect_fen: z.number().int(),
  lines: z.array(counterLine),
}) satisfies z.ZodType<
  Pick<
    StaffCounterPickup,
    "id" | "order_id" | "status" | "bag_number" | "resident" | "phone_last4" | "amount_to_collect_fen"
  > & {
    lines: Array<
      Pick<
        StaffCounterPickup["lines"][number],
        "line_item_id" | "title" | "quantity" | "short_quantity" | "handed_over_quantity"
      >
    >
  }
>
export const counterPickupAnswerSchema = z.object({ pickup: counterPickupSchema })
export const handoverAnswerSchema = z.object({
  pickup: counterPickupSchema,
  amount_to_collect_fen: z.number().int(),
  kind: z.enum(["full", "partial"]),
})

export const uncollectedRowSchema = z.object({
  id: z.string(),
  order_id: z.string(),
  display_id: z.number().nullable(),
  bag_number: z.number(),
  masked_name: z.string(),
  phone_last4: z.string(),
  status: pickupStatus,
  hold_expires_at: timestamp.nullable(),
  policy: disposalPolicy.nullable(),
  disposal: z.object({ policy: disposalPolicy }).nullable(),
}) satisfies z.ZodType<
  Omit<StaffUncollectedRow, "disposal"> & {
    disposal: Pick<NonNullable<StaffUncollectedRow["disposal"]>, "policy"> | null
  }
>
export const uncollectedSchema = z.object({ assignments: z.array(uncollectedRowSchema), count: z.number().int() })

// ---- office: households, villages, categories, counter view, listings

export const staffHouseholdSchema = z.object({
  id: z.string(),
  code: z.string(),
  display_name: z.string(),
  village: z.object({ id: z.string(), name: z.string() }),
}) satisfies z.ZodType<Pick<StaffHousehold, "id" | "code" | "display_name" | "village">>
export const householdsSchema = z.object({ households: z.array(staffHouseholdSchema) }) satisfies z.ZodType<{
  households: Array<Pick<StaffHouseholdsResponse["households"][number], "id" | "code" | "display_name" | "village">>
}>

export const villagesSchema = z.object({
  villages: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      cooperatives: z.array(z.object({ id: z.string(), name: z.string() })),
    })
  ),
}) satisfies z.ZodType<{
  villages: Array<Pick<StaffVillagesResponse["villages"][number], "id" | "name" | "cooperatives">>
}>

export const categoriesSchema = z.object({
  categories: z.array(z.object({ id: z.string(), name: z.string(), handle: z.string() })),
}) satisfies z.ZodType<StaffCategoriesResponse>

type Counter = StaffHouseholdCounterResponse
export const householdCounterSchema = z.object({
  household: staffHouseholdSchema,
  period: z.discriminatedUnion("type", [
    z.object({
      type: z.literal("cycle"),
      cycle_id: z.string(),
      name: z.string(),
      pickup_starts_at: timestamp,
      pickup_ends_at: timestamp,
    }),
    z.object({ type: z.literal("week"), start: timestamp, end: timestamp }),
  ]),
  sold: z.array(
    z.object({
      product_title: z.string().nullable(),
      variant_title: z.string().nullable(),
      quantity: z.number().nullable(),
      amount_fen: z.number().int(),
    })
  ),
  accrued_fen: z.number().int(),
  earned_fen: z.number().int(),
  latest_statement: z
    .object({
      id: z.string(),
      period_start: timestamp,
      period_end: timestamp,
      total_fen: z.number().int(),
      status: z.enum(["paid", "unpaid"]),
    })
    .nullable(),
}) satisfies z.ZodType<{
  household: Pick<Counter["household"], "id" | "code" | "display_name" | "village">
  period: Counter["period"]
  sold: Array<Pick<Counter["sold"][number], "product_title" | "variant_title" | "quantity" | "amount_fen">>
  accrued_fen: number
  earned_fen: number
  latest_statement: Pick<
    NonNullable<Counter["latest_statement"]>,
    "id" | "period_start" | "period_end" | "total_fen" | "status"
  > | null
}>

export const listingSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(["pending_review", "approved", "rejected"]),
  reject_reason: z.string().nullable(),
  price_fen: z.number().int(),
  household: z
    .object({ id: z.string(), code: z.string(), display_name: z.string(), village: z.string().nullable() })
    .nullable(),
}) satisfies z.ZodType<Pick<StaffListing, "id" | "title" | "status" | "reject_reason" | "price_fen" | "household">>
export const listingsSchema = z.object({ listings: z.array(listingSchema) })

export const uploadsSchema = z.object({
  files: z.array(z.object({ id: z.string(), url: z.string().min(1) })),
}) satisfies z.ZodType<StaffUploadsResponse>

// ---- store: the product page (GET /store/lianxin/catalog/products/:handle)

/**
 * The product page in one backend call (decision 027):
 * GET /store/lianxin/catalog/products/:handle answers the product with its
 * variants (price in fen, stock count), origin, the producer household's public
 * profile and the revenue-share breakdown. The backend's integration test parses
 * its answers with this schema.
 */
const nullableText = z.string().nullable()
export const catalogProductSchema = z.object({
  product: z.object({
    id: z.string(),
    handle: z.string(),
    title: z.string(),
    description: nullableText,
    thumbnail: nullableText,
    images: z.array(z.string()),
    storage: z.enum(["chilled", "ambient"]),
    origin: z.object({
      village: nullableText,
      village_region: nullableText,
      cooperative: nullableText,
      household_code: nullableText,
      harvest: nullableText,
      harvest_note: nullableText,
    }),
    variants: z.array(
      z.object({
        id: z.string(),
        title: nullableText,
        price_fen: z.number().int().nonnegative().nullable(),
        manage_inventory: z.boolean(),
        allow_backorder: z.boolean(),
        inventory_quantity: z.number().int().nullable(),
        weight_g: z.number().positive().nullable(),
      })
    ),
    household: z
      .object({
        code: z.string(),
        public_profile: z.boolean(),
        display_name: nullableText,
        story: nullableText,
        photo_url: nullableText,
        village: z
          .object({ name: z.string(), township: nullableText, county: z.string(), province: z.string() })
          .nullable(),
      })
      .nullable(),
    price_breakdown: z
      .object({
        product_id: z.string(),
        policy_version: z.number().int(),
        household_codes: z.array(z.string()),
        variants: z.array(
          z.object({
            variant_id: z.string(),
            title: nullableText,
            price_fen: z.number().int(),
            shares_fen: z.object({
              household: z.number().int(),
              cooperative: z.number().int(),
              property_office: z.number().int(),
              platform: z.number().int(),
            }),
          })
        ),
      })
      .nullable(),
  }),
}) satisfies z.ZodType<StoreCatalogProductResponse>
