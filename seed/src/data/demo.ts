import type { AdminUserSeed } from "../admin-user"
import type { PickupLocationSeed } from "../fulfillment"
import { CATEGORIES } from "./categories"
import { HOUSEHOLDS } from "./households"
import { pickupLocation } from "./pickup"
import { PRODUCTS } from "./products"
import type { HistorySeed } from "../history"
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

/**
 * Orders residents placed before the demo starts: enough that every
 * household has sales, the impact page has more than five households to
 * show, and statements list real ledger lines. The first ten were collected.
 */
export const DEMO_HISTORY: HistorySeed = {
  policies: [
    {
      name: "茶叶：合作社代加工",
      category_handle: "tea",
      household_bp: 6500,
      cooperative_bp: 1500,
      property_office_bp: 1000,
      platform_bp: 1000,
      note: "夏秋茶多由村合作社统一杀青、揉捻，合作社份额相应提高。",
    },
  ],
  collected: 10,
  orders: [
    [["fuji-apple-luochuan", 2], ["hillside-eggs-shuangjiang", 1]],
    [["orah-mandarin-shuangjiang", 1], ["mengku-black-tea", 1]],
    [["guiqi-mango-tiandong", 1], ["chinese-bee-honey-tiandong", 1]],
    [["xianghe-glutinous-rice-liping", 2], ["paddy-duck-eggs-liping", 1]],
    [["yellow-millet-luochuan", 3], ["courtyard-eggs-luochuan", 1]],
    [["log-grown-shiitake-liping", 1], ["rapeseed-oil-liping", 1]],
    [["dried-bolete-shuangjiang", 1], ["spring-sun-dried-maocha", 1]],
    [["locust-honey-luochuan", 1], ["purple-garlic-luochuan", 2]],
    [["red-skin-peanuts-tiandong", 2], ["dried-wood-ear-tiandong", 1]],
    [["old-tree-pear-liping", 1], ["early-spring-green-tea-liping", 1]],
    [["fuji-apple-luochuan", 1], ["red-sweet-potato-tiandong", 2]],
    [["yellow-potato-luochuan", 2], ["fresh-chili-liping", 1]],
  ],
  residents: [
    { name: "陈女士", email: "chen.demo@example.com", phone: "13800138001", compound: "滨江花园", city: "杭州市" },
    { name: "李先生", email: "li.demo@example.com", phone: "13800138002", compound: "翠苑一区", city: "杭州市" },
    { name: "王阿姨", email: "wang.demo@example.com", phone: "13800138003", compound: "锦绣天地", city: "成都市" },
  ],
}
