import { createRequire } from "node:module"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import { E2E, seed } from "@lianxin/seed"
import { createAdminSession } from "../helpers/admin"
import { placeOrder, productIdByHandle, variantIdByHandle } from "../helpers/checkout"
import { createCycle } from "../helpers/pickup-network"
import { attempt, createResident, loginPickupStaff, type Headers } from "../helpers/pickup-staff"
import { trackSubscribers } from "../helpers/wait"

const nodeRequire = createRequire(import.meta.url)

/** The actors every row of the authorization matrix is tried as. */
export const ACTORS = ["anonymous", "residentA", "residentB", "staffA", "staffB", "admin"] as const
export type Actor = (typeof ACTORS)[number]

/** A 1×1 PNG: real bytes, so the upload's content sniffing accepts it. */
export const PNG_1PX = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64"
)

/**
 * The world the matrix runs in (seed scenario e2e plus a few records): two
 * property offices A and B with a point and a staff member each, residents A
 * and B with accounts, an operator, and resident A's things — an order at
 * point A, an open cart — and office A's things — a household registered
 * through it, a listing, a batch. Every "other's id" in the matrix is one of
 * A's, tried by B.
 */
export type World = {
  /** Waits until subscribers and workflows started so far have finished (before a test's database is restored). */
  idle: () => Promise<void>
  key: string
  headers: Record<Actor, Headers>
  ids: {
    officeA: string
    officeB: string
    pointA: string
    pointB: string
    staffA: string
    cycle: string
    village: string
    cooperative: string
    household: string
    householdCode: string
    product: string
    variant: string
    orderA: string
    orderCartA: string
    assignmentA: string
    batchA: string
    cartA: string
    listingA: string
    /** The harvest batch (合格证) of that listing. */
    harvestBatchA: string
    messageA: string
    categoryFruit: string
    photoUrl: string
  }
}

export async function buildWorld(api: AxiosInstance, container: MedusaContainer): Promise<World> {
  const subscribers = trackSubscribers(container)
  const key = (await seed(container, "e2e")).publishableKey
  const pub = { "x-publishable-api-key": key }
  const admin = (await createAdminSession(api, container)).headers
  const staffA = await loginPickupStaff(api, E2E.pickup.staff.email, E2E.pickup.staff.password)
  const staffB = await loginPickupStaff(api, E2E.pickupB.staff.email, E2E.pickupB.staff.password)
  const residentA = await createResident(api, key, "matrix-a@lianxin.test")
  const residentB = await createResident(api, key, "matrix-b@lianxin.test")

  const meA = (await api.get("/pickup-staff/me", { headers: staffA })).data
  const meB = (await api.get("/pickup-staff/me", { headers: staffB })).data
  const pointA = meA.points[0].id as string
  const pointB = meB.points[0].id as string
  const pickup = container.resolve("pickup") as any
  const [pA] = await pickup.listPickupPoints({ id: pointA }, { take: 1 })
  const [pB] = await pickup.listPickupPoints({ id: pointB }, { take: 1 })

  const households = container.resolve("household") as any
  const [village] = await households.listVillages({ code: E2E.village.codePrefix })
  const [household] = await households.listHouseholds({ code: E2E.households.orchard.code })
  const { data: coop } = await api.post(
    "/admin/cooperatives",
    { name: "矩阵测试合作社", village_id: village.id },
    { headers: admin }
  )
  const cycle = await createCycle(api, admin, { name: "授权矩阵批次" })

  const product = await productIdByHandle(api, key, E2E.products.apple.handle)
  const variant = await variantIdByHandle(api, key, E2E.products.apple.handle)
  const order = await placeOrder(api, key, [{ variant_id: variant, quantity: 1 }], {
    email: residentA.email,
    headers: residentA.headers,
    pickup_point_id: pointA,
    order_cycle_id: cycle,
  })
  const [assignment] = await pickup.listPickupAssignments({ order_id: order.id }, { take: 1 })

  // An open cart of resident A's with a line, for the cart and checkout routes.
  const { data: regions } = await api.get("/store/regions", { headers: pub })
  const region = regions.regions.find((r: { currency_code: string }) => r.currency_code === "cny")
  const { data: cart } = await api.post("/store/carts", { region_id: region.id }, { headers: residentA.headers })
  await api.post(
    `/store/carts/${cart.cart.id}/line-items`,
    { variant_id: variant, quantity: 1 },
    { headers: residentA.headers }
  )

  // A listing by staff A for office A's household.
  const { data: cats } = await api.get("/pickup-staff/categories", { headers: staffA })
  const fruit = cats.categories.find((c: any) => c.handle === E2E.categories.fruit.handle).id
  const form = new FormData()
  for (const name of ["苹果.png", "合格证.png"])
    form.append("files", new Blob([new Uint8Array(PNG_1PX)], { type: "image/png" }), name)
  const up = await attempt(api.post("/pickup-staff/uploads", form, { headers: staffA }))
  if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${JSON.stringify(up.data)}`)
  const [photo, certificate] = up.data.files.map((f: any) => f.url as string)
  const { data: listing } = await api.post(
    "/pickup-staff/listings",
    {
      household_id: household.id,
      title: "矩阵苹果",
      description: "授权矩阵用的上架申请。",
      category_id: fruit,
      price_fen: 1990,
      unit_label: "5斤/箱",
      stock: 10,
      perishability: "ambient",
      image_urls: [photo],
      harvest: {
        harvested_on: "2026-11-25",
        quantity: 50,
        quantity_unit: "斤",
        certificate_no: "HGZ-MATRIX-0001",
        certificate_photo_url: certificate,
      },
      idempotency_key: "matrix-listing-0001",
    },
    { headers: staffA }
  )

  // The order's notifications (in-app 消息 for resident A) come from subscribers.
  await subscribers.idle()
  const notify = container.resolve("notify") as any
  const messages = await notify.listNotifyMessages({}, { take: 50 })
  const customerA = (await api.get("/store/customers/me", { headers: residentA.headers })).data.customer.id
  const messageA = messages.find((m: any) => m.recipient_type === "customer" && m.recipient_id === customerA)
  if (!messageA) throw new Error("placing resident A's order left no message for resident A")

  return {
    idle: () => subscribers.idle(),
    key,
    headers: {
      anonymous: pub,
      residentA: residentA.headers,
      residentB: residentB.headers,
      // Staff and operators send the publishable key too, as any browser of theirs would on store routes.
      staffA: { ...pub, ...staffA },
      staffB: { ...pub, ...staffB },
      admin: { ...pub, ...admin },
    },
    ids: {
      officeA: (pA as any).office_id,
      officeB: (pB as any).office_id,
      pointA,
      pointB,
      staffA: meA.staff.id,
      cycle,
      village: village.id,
      cooperative: coop.cooperative.id,
      household: household.id,
      householdCode: household.code,
      product,
      variant,
      orderA: order.id,
      orderCartA: order.cart_id,
      assignmentA: assignment.id,
      batchA: assignment.batch_id,
      cartA: cart.cart.id,
      listingA: (listing.listing ?? listing).id,
      harvestBatchA: (listing.listing ?? listing).harvest_batches[0].id,
      messageA: messageA.id,
      categoryFruit: fruit,
      photoUrl: photo,
    },
  }
}

/** The plugin's workflows, from the same module instances as the app. */
export const workflows = () => nodeRequire("@lianxin/plugin/workflows")
