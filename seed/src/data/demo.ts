import type { AdminUserSeed } from "../admin-user"
import type { PickupLocationSeed } from "../fulfillment"
import { CATEGORIES } from "./categories"
import { HOUSEHOLDS } from "./households"
import { pickupLocation } from "./pickup"
import { PRODUCTS } from "./products"
import type { Catalog } from "./types"
import { VILLAGES } from "./villages"

export const DEMO_CATALOG: Catalog = {
  villages: VILLAGES,
  households: HOUSEHOLDS,
  categories: CATEGORIES,
  products: PRODUCTS,
}

export const DEMO_STOCK_LOCATION: PickupLocationSeed = pickupLocation("连心集货仓")

/** For local demos only; documented in seed/README.md. Never use on a public server. */
export const DEMO_ADMIN: AdminUserSeed = {
  email: "admin@lianxin.local",
  password: "lianxin-demo-2026",
  firstName: "连心",
  lastName: "管理员",
}
