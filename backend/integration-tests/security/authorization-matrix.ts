import { E2E } from "@lianxin/seed"
import type { RouteKey } from "./routes"
import { ACTORS, type Actor, type World } from "./world"

/**
 * The authorization matrix (issue 11): one row for every (method, path) a
 * route file of the plugin serves — security-authorization.spec.ts fails when
 * a route has no row or a row has no route — and for every actor the status
 * it must get. Every row is run against a real backend.
 *
 * The request of a row is the same for every actor and always about A's
 * things (resident A's order and cart, office A's point, batch, household and
 * listing): resident B and staff B try A's ids. Statuses are exact: 401 for a
 * missing or wrong kind of login, 404 for someone else's thing (it does not
 * exist for them — never 403, which would confirm it does), and for the
 * actor who may, the route's own answer (2xx, or the 400/409 the route gives
 * this request once authorization has passed). Actors expected to be refused
 * run first, so a write that succeeds does not change what they see.
 */
export type Expectation = Record<Actor, number>

export type MatrixRow = {
  route: RouteKey
  target: (w: World) => string
  /** JSON body (it may differ per actor where a route limits per contact); `form` sends multipart instead. */
  body?: (w: World, actor: Actor) => unknown
  form?: (w: World) => FormData
  expect: Expectation
  /** Why the expectation is what it is, where that is not obvious. */
  note?: string
}

const each = (status: number): Expectation => Object.fromEntries(ACTORS.map((a) => [a, status])) as Expectation

/** Medusa's /admin authentication: only a Medusa Admin user. */
const admin = (ok: number): Expectation => ({ ...each(401), admin: ok })
/** pickup_staff of point A's office may; staff B is told it does not exist. */
const staffOfA = (ok: number, staffB = 404): Expectation => ({ ...each(401), staffA: ok, staffB })
/** Any signed-in pickup_staff, about themselves or their own office. */
const anyStaff = (ok: number): Expectation => ({ ...each(401), staffA: ok, staffB: ok })
/** Public store data: the publishable key is enough. */
const everyone = (ok: number): Expectation => each(ok)
/** A signed-in resident, about themselves. */
const anyResident = (ok: number): Expectation => ({ ...each(401), residentA: ok, residentB: ok })
/**
 * Resident A's order: without a customer login and without the cart id it is a
 * 401 (nothing to prove ownership with); resident B gets A's order as missing.
 */
const orderOwner = (ok: number): Expectation => ({ ...each(401), residentA: ok, residentB: 404 })
/** Resident A's cart: a registered customer's cart is not found for anyone else. */
const cartOwner = (ok: number): Expectation => ({ ...each(404), residentA: ok })

const STATEMENT = "stmt_01MATRIXNOSUCHSTATEMENT0"
/** One mobile number per actor: codes are limited to one a minute per number. */
const mobileOf = (actor: Actor) => `1390000000${ACTORS.indexOf(actor)}`
const json = (v: unknown) => () => v

export const MATRIX: MatrixRow[] = [
  // ── Medusa Admin (operators) ────────────────────────────────────────────────────────────────
  { route: "GET /admin/cooperatives", target: () => "/admin/cooperatives", expect: admin(200) },
  { route: "POST /admin/cooperatives", target: () => "/admin/cooperatives", body: json({}), expect: admin(400) },
  {
    route: "GET /admin/cooperatives/:id",
    target: (w) => `/admin/cooperatives/${w.ids.cooperative}`,
    expect: admin(200),
  },
  {
    route: "POST /admin/cooperatives/:id",
    target: (w) => `/admin/cooperatives/${w.ids.cooperative}`,
    body: json({ name: "矩阵测试合作社（改）" }),
    expect: admin(200),
  },
  { route: "GET /admin/households", target: () => "/admin/households", expect: admin(200) },
  { route: "POST /admin/households", target: () => "/admin/households", body: json({}), expect: admin(400) },
  { route: "GET /admin/households/:id", target: (w) => `/admin/households/${w.ids.household}`, expect: admin(200) },
  {
    route: "POST /admin/households/:id",
    target: (w) => `/admin/households/${w.ids.household}`,
    body: json({ display_name: "测试果园（改）" }),
    expect: admin(200),
  },
  {
    route: "GET /admin/households/:id/consents",
    target: (w) => `/admin/households/${w.ids.household}/consents`,
    expect: admin(200),
  },
  {
    route: "POST /admin/households/:id/consents",
    target: (w) => `/admin/households/${w.ids.household}/consents`,
    body: json({}),
    expect: admin(400),
  },
  {
    route: "GET /admin/households/:id/earnings",
    target: (w) => `/admin/households/${w.ids.household}/earnings`,
    expect: admin(200),
  },
  {
    route: "GET /admin/households/:id/registry",
    target: (w) => `/admin/households/${w.ids.household}/registry`,
    expect: admin(200),
  },
  {
    route: "POST /admin/households/:id/registry",
    target: (w) => `/admin/households/${w.ids.household}/registry`,
    body: json({}),
    expect: admin(400),
  },
  {
    route: "GET /admin/households/:id/registry/access-logs",
    target: (w) => `/admin/households/${w.ids.household}/registry/access-logs`,
    expect: admin(200),
  },
  {
    route: "POST /admin/households/:id/registry/reveal",
    target: (w) => `/admin/households/${w.ids.household}/registry/reveal`,
    body: json({}),
    expect: admin(400),
  },
  { route: "GET /admin/ledger/orders/:id", target: (w) => `/admin/ledger/orders/${w.ids.orderA}`, expect: admin(200) },
  {
    route: "POST /admin/ledger/orders/:id/earn",
    target: (w) => `/admin/ledger/orders/${w.ids.orderA}/earn`,
    body: json({}),
    expect: admin(200),
  },
  {
    route: "POST /admin/ledger/orders/:id/reversals",
    target: (w) => `/admin/ledger/orders/${w.ids.orderA}/reversals`,
    body: json({}),
    expect: admin(400),
  },
  { route: "GET /admin/ledger/trial-balance", target: () => "/admin/ledger/trial-balance", expect: admin(200) },
  { route: "GET /admin/listings", target: () => "/admin/listings", expect: admin(200) },
  {
    route: "POST /admin/listings/:id/approve",
    target: (w) => `/admin/listings/${w.ids.listingA}/approve`,
    body: json({}),
    expect: admin(200),
  },
  {
    route: "POST /admin/listings/:id/reject",
    target: (w) => `/admin/listings/${w.ids.listingA}/reject`,
    body: json({}),
    expect: admin(400),
  },
  { route: "GET /admin/harvest-batches", target: () => "/admin/harvest-batches", expect: admin(200) },
  {
    route: "GET /admin/harvest-batches/:id/recall",
    target: (w) => `/admin/harvest-batches/${w.ids.harvestBatchA}/recall`,
    expect: admin(200),
  },
  {
    route: "POST /admin/harvest-batches/:id/recall",
    target: (w) => `/admin/harvest-batches/${w.ids.harvestBatchA}/recall`,
    body: json({}),
    expect: admin(400),
    note: "without a reason: the recall itself is tested in http/traceability.spec.ts",
  },
  { route: "GET /admin/notify/messages", target: () => "/admin/notify/messages", expect: admin(200) },
  {
    route: "POST /admin/notify/messages/:id/retry",
    target: (w) => `/admin/notify/messages/${w.ids.messageA}/retry`,
    body: json({}),
    expect: admin(400),
    note: "the message was delivered already: only failed or dead messages are sent again (400 not_allowed)",
  },
  { route: "GET /admin/pickup-batches", target: () => "/admin/pickup-batches", expect: admin(200) },
  {
    route: "GET /admin/pickup-batches/:id",
    target: (w) => `/admin/pickup-batches/${w.ids.batchA}`,
    expect: admin(200),
  },
  {
    route: "GET /admin/pickup-batches/:id/manifest",
    target: (w) => `/admin/pickup-batches/${w.ids.batchA}/manifest`,
    expect: admin(200),
  },
  { route: "GET /admin/pickup-cycles", target: () => "/admin/pickup-cycles", expect: admin(200) },
  { route: "POST /admin/pickup-cycles", target: () => "/admin/pickup-cycles", body: json({}), expect: admin(400) },
  {
    route: "POST /admin/pickup-cycles/:id",
    target: (w) => `/admin/pickup-cycles/${w.ids.cycle}`,
    body: json({ name: "授权矩阵批次（改）" }),
    expect: admin(200),
  },
  {
    route: "POST /admin/pickup-cycles/:id/close",
    target: (w) => `/admin/pickup-cycles/${w.ids.cycle}/close`,
    body: json({ reason: 42 }),
    expect: admin(400),
    note: "a number is no reason (400); a real close would end ordering for the cycle the other rows order in",
  },
  {
    route: "POST /admin/pickup-cycles/:id/extend",
    target: (w) => `/admin/pickup-cycles/${w.ids.cycle}/extend`,
    body: json({}),
    expect: admin(400),
    note: "resident_cutoff_at is required",
  },
  { route: "GET /admin/pickup-offices", target: () => "/admin/pickup-offices", expect: admin(200) },
  { route: "POST /admin/pickup-offices", target: () => "/admin/pickup-offices", body: json({}), expect: admin(400) },
  {
    route: "POST /admin/pickup-offices/:id",
    target: (w) => `/admin/pickup-offices/${w.ids.officeA}`,
    body: json({ phone: "0571-88880001" }),
    expect: admin(200),
  },
  {
    route: "GET /admin/pickup-orders/:order_id",
    target: (w) => `/admin/pickup-orders/${w.ids.orderA}`,
    expect: admin(200),
  },
  {
    route: "POST /admin/pickup-orders/:order_id/code",
    target: (w) => `/admin/pickup-orders/${w.ids.orderA}/code`,
    body: json({ code: "00000000" }),
    expect: admin(400),
    note: "the body must be empty (400); a real reissue would replace resident A's code the other rows use",
  },
  { route: "GET /admin/pickup-points", target: () => "/admin/pickup-points", expect: admin(200) },
  { route: "POST /admin/pickup-points", target: () => "/admin/pickup-points", body: json({}), expect: admin(400) },
  {
    route: "POST /admin/pickup-points/:id",
    target: (w) => `/admin/pickup-points/${w.ids.pointA}`,
    body: json({ name: "测试小区物业前台" }),
    expect: admin(200),
  },
  { route: "GET /admin/pickup-staff", target: () => "/admin/pickup-staff", expect: admin(200) },
  { route: "POST /admin/pickup-staff", target: () => "/admin/pickup-staff", body: json({}), expect: admin(400) },
  {
    route: "POST /admin/pickup-staff/:id",
    target: (w) => `/admin/pickup-staff/${w.ids.staffA}`,
    body: json({ name: "测试店员甲" }),
    expect: admin(200),
  },
  {
    route: "POST /admin/pickup-staff/:id/password",
    target: (w) => `/admin/pickup-staff/${w.ids.staffA}/password`,
    body: json({ password: "short" }),
    expect: admin(400),
    note: "too short (400); a real reset would sign staff A out of the other rows",
  },
  { route: "GET /admin/pickup-uncollected", target: () => "/admin/pickup-uncollected", expect: admin(200) },
  {
    route: "POST /admin/pickup-uncollected/:id/disposal",
    target: (w) => `/admin/pickup-uncollected/${w.ids.assignmentA}/disposal`,
    body: json({ policy: "burn" }),
    expect: admin(400),
  },
  {
    route: "GET /admin/products/:id/attribution",
    target: (w) => `/admin/products/${w.ids.product}/attribution`,
    expect: admin(200),
  },
  {
    route: "POST /admin/products/:id/attribution",
    target: (w) => `/admin/products/${w.ids.product}/attribution`,
    body: json({}),
    expect: admin(400),
  },
  {
    route: "GET /admin/products/:id/revenue-split",
    target: (w) => `/admin/products/${w.ids.product}/revenue-split`,
    expect: admin(200),
  },
  { route: "GET /admin/security/key-rotation", target: () => "/admin/security/key-rotation", expect: admin(200) },
  {
    route: "POST /admin/security/key-rotation",
    target: () => "/admin/security/key-rotation",
    body: json({ batch_size: 50 }),
    expect: admin(200),
  },
  { route: "GET /admin/split-policies", target: () => "/admin/split-policies", expect: admin(200) },
  { route: "POST /admin/split-policies", target: () => "/admin/split-policies", body: json({}), expect: admin(400) },
  { route: "GET /admin/statements", target: () => "/admin/statements", expect: admin(200) },
  {
    route: "POST /admin/statements/generate",
    target: () => "/admin/statements/generate",
    body: json({ period_start: "2026-11-02T00:00:00Z" }),
    expect: admin(400),
  },
  {
    route: "GET /admin/statements/:id",
    target: () => `/admin/statements/${STATEMENT}`,
    expect: admin(404),
    note: "no statement exists yet: the operator reaches the handler, which finds none",
  },
  {
    route: "GET /admin/statements/:id/export",
    target: () => `/admin/statements/${STATEMENT}/export`,
    expect: admin(404),
  },
  {
    route: "POST /admin/statements/:id/payment",
    target: () => `/admin/statements/${STATEMENT}/payment`,
    body: json({ method: "cash", reference: "MATRIX-1" }),
    expect: admin(404),
  },
  { route: "GET /admin/villages", target: () => "/admin/villages", expect: admin(200) },
  { route: "POST /admin/villages", target: () => "/admin/villages", body: json({}), expect: admin(400) },
  { route: "GET /admin/villages/:id", target: (w) => `/admin/villages/${w.ids.village}`, expect: admin(200) },
  {
    route: "POST /admin/villages/:id",
    target: (w) => `/admin/villages/${w.ids.village}`,
    body: json({ township: "屏都街道（改）" }),
    expect: admin(200),
  },

  // ── Property office staff (pickup_staff actor) ────────────────────────────────────────────────
  { route: "GET /pickup-staff/me", target: () => "/pickup-staff/me", expect: anyStaff(200) },
  { route: "GET /pickup-staff/categories", target: () => "/pickup-staff/categories", expect: anyStaff(200) },
  { route: "GET /pickup-staff/villages", target: () => "/pickup-staff/villages", expect: anyStaff(200) },
  { route: "GET /pickup-staff/households", target: () => "/pickup-staff/households", expect: anyStaff(200) },
  {
    route: "POST /pickup-staff/households",
    target: () => "/pickup-staff/households",
    body: (w) => ({
      property_office_id: w.ids.officeA,
      village_id: w.ids.village,
      display_name: "矩阵测试户",
      consent: { public_profile: true, registry: false, method: "paper_form", signed_on: "2026-11-20" },
      idempotency_key: "matrix-register-0001",
    }),
    expect: staffOfA(201),
    note: "staff B names office A, which is not theirs",
  },
  {
    route: "GET /pickup-staff/households/:id/counter",
    target: (w) => `/pickup-staff/households/${w.ids.household}/counter`,
    expect: staffOfA(200),
  },
  { route: "GET /pickup-staff/listings", target: () => "/pickup-staff/listings", expect: anyStaff(200) },
  {
    route: "POST /pickup-staff/listings",
    target: () => "/pickup-staff/listings",
    body: (w) => ({
      household_id: w.ids.household,
      title: "矩阵橙子",
      description: "授权矩阵用的第二份申请。",
      category_id: w.ids.categoryFruit,
      price_fen: 2590,
      unit_label: "5斤/箱",
      stock: 5,
      perishability: "ambient",
      image_urls: [w.ids.photoUrl],
      harvest: {
        harvested_on: "2026-11-25",
        quantity: 20,
        quantity_unit: "斤",
        certificate_no: "HGZ-MATRIX-0002",
        certificate_photo_url: w.ids.photoUrl,
      },
      idempotency_key: "matrix-listing-0002",
    }),
    expect: staffOfA(201),
  },
  {
    route: "GET /pickup-staff/listings/:id",
    target: (w) => `/pickup-staff/listings/${w.ids.listingA}`,
    expect: staffOfA(200),
  },
  {
    route: "POST /pickup-staff/uploads",
    target: () => "/pickup-staff/uploads",
    form: () => {
      const form = new FormData()
      form.append(
        "files",
        new Blob(
          [
            new Uint8Array(
              Buffer.from(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
                "base64"
              )
            ),
          ],
          { type: "image/png" }
        ),
        "x.png"
      )
      return form
    },
    expect: anyStaff(201),
  },
  {
    route: "GET /pickup-staff/points/:point_id/batches",
    target: (w) => `/pickup-staff/points/${w.ids.pointA}/batches`,
    expect: staffOfA(200),
  },
  {
    route: "GET /pickup-staff/points/:point_id/today",
    target: (w) => `/pickup-staff/points/${w.ids.pointA}/today`,
    expect: staffOfA(200),
  },
  {
    route: "GET /pickup-staff/points/:point_id/uncollected",
    target: (w) => `/pickup-staff/points/${w.ids.pointA}/uncollected`,
    expect: staffOfA(200),
  },
  {
    route: "POST /pickup-staff/points/:point_id/verify",
    target: (w) => `/pickup-staff/points/${w.ids.pointA}/verify`,
    body: json({ code: "00000000" }),
    expect: staffOfA(422),
    note: "a code no order at the point has: staff A is told it is wrong (422 wrong_code, counted towards the lock), staff B that the point does not exist",
  },
  {
    route: "GET /pickup-staff/batches/:id/manifest",
    target: (w) => `/pickup-staff/batches/${w.ids.batchA}/manifest`,
    expect: staffOfA(200),
  },
  {
    route: "POST /pickup-staff/batches/:id/arrive",
    target: (w) => `/pickup-staff/batches/${w.ids.batchA}/arrive`,
    body: json({}),
    expect: staffOfA(200),
  },
  {
    route: "POST /pickup-staff/batches/:id/check-in",
    target: (w) => `/pickup-staff/batches/${w.ids.batchA}/check-in`,
    body: json({}),
    expect: staffOfA(400),
    note: "the batch has not arrived: staff A is told to mark it arrived first (400 not_allowed), staff B never learns the batch exists",
  },
  {
    route: "GET /pickup-staff/assignments/:id",
    target: (w) => `/pickup-staff/assignments/${w.ids.assignmentA}`,
    expect: staffOfA(200),
  },
  {
    route: "POST /pickup-staff/assignments/:id/handover",
    target: (w) => `/pickup-staff/assignments/${w.ids.assignmentA}/handover`,
    body: json({ code: "00000000" }),
    expect: staffOfA(422),
    note: "staff A reaches the code check (422 wrong_code)",
  },
  {
    route: "POST /pickup-staff/assignments/:id/disposal",
    target: (w) => `/pickup-staff/assignments/${w.ids.assignmentA}/disposal`,
    body: json({ policy: "donate" }),
    expect: staffOfA(400),
    note: "the order is not uncollected (400 not_allowed)",
  },
  { route: "GET /pickup-staff/notify/messages", target: () => "/pickup-staff/notify/messages", expect: anyStaff(200) },
  {
    route: "POST /pickup-staff/notify/messages/read",
    target: () => "/pickup-staff/notify/messages/read",
    body: json({ all: true }),
    expect: anyStaff(200),
  },
  {
    route: "GET /pickup-staff/notify/preferences",
    target: () => "/pickup-staff/notify/preferences",
    expect: anyStaff(200),
  },
  {
    route: "POST /pickup-staff/notify/preferences",
    target: () => "/pickup-staff/notify/preferences",
    body: json({ locale: "en" }),
    expect: anyStaff(200),
  },

  // ── Store (residents; the publishable key is public) ──────────────────────────────────────────
  { route: "GET /store/impact", target: () => "/store/impact", expect: everyone(200) },
  {
    route: "GET /store/households/:code",
    target: (w) => `/store/households/${w.ids.householdCode}`,
    expect: everyone(200),
  },
  {
    route: "GET /store/products/:id/price-breakdown",
    target: (w) => `/store/products/${w.ids.product}/price-breakdown`,
    expect: everyone(200),
  },
  { route: "GET /store/lianxin/status", target: () => "/store/lianxin/status", expect: everyone(200) },
  {
    route: "GET /store/lianxin/search",
    target: () => `/store/lianxin/search?q=${encodeURIComponent("苹果")}`,
    expect: everyone(200),
  },
  { route: "GET /store/lianxin/catalog", target: () => "/store/lianxin/catalog?limit=4", expect: everyone(200) },
  {
    // The catalogue's version (decision 029): public, no-store, the same stamp for every actor.
    route: "GET /store/lianxin/catalog/version",
    target: () => "/store/lianxin/catalog/version",
    expect: everyone(200),
  },
  {
    route: "GET /store/lianxin/catalog/villages",
    target: () => "/store/lianxin/catalog/villages",
    expect: everyone(200),
  },
  {
    // A published product's page in one call (decision 027): public, the same answer for every actor.
    route: "GET /store/lianxin/catalog/products/:handle",
    target: () => `/store/lianxin/catalog/products/${E2E.products.apple.handle}`,
    expect: everyone(200),
  },
  {
    route: "GET /store/lianxin/search/suggest",
    target: () => `/store/lianxin/search/suggest?q=${encodeURIComponent("苹")}`,
    expect: everyone(200),
  },
  { route: "GET /store/pickup-points", target: () => "/store/pickup-points", expect: everyone(200) },
  {
    route: "GET /store/pickup-points/:id",
    target: (w) => `/store/pickup-points/${w.ids.pointA}`,
    expect: everyone(200),
  },
  {
    route: "GET /store/pickup-points/:id/cycles",
    target: (w) => `/store/pickup-points/${w.ids.pointA}/cycles`,
    expect: everyone(200),
  },
  {
    route: "GET /store/pickup-points/:id/availability",
    target: (w) => `/store/pickup-points/${w.ids.pointA}/availability`,
    expect: everyone(200),
  },
  {
    route: "GET /store/customers/me/pickup-point",
    target: () => "/store/customers/me/pickup-point",
    expect: anyResident(200),
  },
  {
    route: "POST /store/customers/me/pickup-point",
    target: () => "/store/customers/me/pickup-point",
    body: (w) => ({ pickup_point_id: w.ids.pointA }),
    expect: anyResident(200),
  },
  { route: "GET /store/notify/messages", target: () => "/store/notify/messages", expect: anyResident(200) },
  {
    route: "POST /store/notify/messages/read",
    target: () => "/store/notify/messages/read",
    body: (w) => ({ ids: [w.ids.messageA] }),
    expect: anyResident(200),
    note: "someone else's ids change nothing (checked by notifications.spec)",
  },
  { route: "GET /store/notify/preferences", target: () => "/store/notify/preferences", expect: anyResident(200) },
  {
    route: "POST /store/notify/preferences",
    target: () => "/store/notify/preferences",
    body: json({ sms: false }),
    expect: anyResident(200),
  },
  {
    route: "POST /store/carts/:id/pickup",
    target: (w) => `/store/carts/${w.ids.cartA}/pickup`,
    body: (w) => ({ pickup_point_id: w.ids.pointA, order_cycle_id: w.ids.cycle }),
    expect: cartOwner(200),
  },
  {
    route: "POST /store/lianxin/checkout",
    target: () => "/store/lianxin/checkout",
    body: (w) => ({
      cart_id: w.ids.cartA,
      name: "王小明",
      phone: "13800138000",
      pickup_point_id: w.ids.pointA,
      order_cycle_id: w.ids.cycle,
    }),
    expect: cartOwner(200),
  },
  {
    route: "GET /store/pickup-orders/:order_id",
    target: (w) => `/store/pickup-orders/${w.ids.orderA}`,
    expect: orderOwner(200),
  },
  {
    route: "POST /store/pickup-orders/:order_id/code",
    target: (w) => `/store/pickup-orders/${w.ids.orderA}/code`,
    body: json({}),
    expect: orderOwner(201),
  },
  {
    route: "POST /store/lianxin/orders/:id/edit",
    target: (w) => `/store/lianxin/orders/${w.ids.orderA}/edit`,
    body: json({ version: 1, items: [{ id: "ordli_01MATRIXNOSUCHLINE00000", quantity: 1 }] }),
    expect: orderOwner(400),
    note: "the owner gets past ownership to the line check (no such line of the order: 400 items.0.id); the order is left as it is",
  },
  {
    route: "POST /store/lianxin/orders/:id/cancel",
    target: (w) => `/store/lianxin/orders/${w.ids.orderA}/cancel`,
    body: json({}),
    expect: orderOwner(200),
  },
  {
    route: "GET /store/lianxin/orders/:id",
    target: (w) => `/store/lianxin/orders/${w.ids.orderA}`,
    expect: orderOwner(200),
  },
  {
    route: "GET /store/lianxin/orders/:id/trace",
    target: (w) => `/store/lianxin/orders/${w.ids.orderA}/trace`,
    expect: orderOwner(200),
  },
  {
    route: "POST /store/lianxin/orders/claim",
    target: () => "/store/lianxin/orders/claim",
    body: (w) => ({ orders: [{ id: w.ids.orderA, cart_id: w.ids.orderCartA }] }),
    expect: anyResident(200),
    note: "A's order is already A's: B, even holding its cart id, claims nothing (claimed: [], checked below)",
  },
  {
    route: "POST /store/lianxin/orders/claim/code",
    target: () => "/store/lianxin/orders/claim/code",
    body: (_w, actor) => ({ channel: "sms", to: mobileOf(actor) }),
    expect: anyResident(202),
  },
  {
    route: "POST /store/lianxin/orders/claim/contact",
    target: () => "/store/lianxin/orders/claim/contact",
    body: (_w, actor) => ({ channel: "sms", to: mobileOf(actor), code: "000000" }),
    expect: each(401),
    note: "residents reach the code check (401 with code: wrong/expired); everyone else is not signed in (401) — the JSON differs, checked in identity.spec",
  },
  {
    route: "POST /store/lianxin/sign-in/phone/code",
    target: () => "/store/lianxin/sign-in/phone/code",
    body: (_w, actor) => ({ phone: mobileOf(actor) }),
    expect: everyone(202),
    note: "public: anyone may ask for a sign-in code (limited per number and address)",
  },
  {
    route: "POST /store/lianxin/sign-in/phone",
    target: () => "/store/lianxin/sign-in/phone",
    body: (_w, actor) => ({ phone: mobileOf(actor), code: "000000" }),
    expect: everyone(401),
    note: "public: a wrong code is 401 for anyone; a right code signs in (identity.spec)",
  },
]
