import type { AdminUserSeed } from "../admin-user"
import type { PickupLocationSeed } from "../fulfillment"
import { CATEGORIES } from "./categories"
import { HOUSEHOLDS } from "./households"
import { pickupLocation } from "./pickup"
import { PRODUCTS } from "./products"
import type { HistorySeed } from "../history"
import type { OfficeListingSeed } from "./listings"
import type { PickupNetworkSeed } from "../pickup-network"
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
 * Produce two property offices listed on households' behalf (代农户上架) with the harvest batch and its 合格证, approved
 * by the operator. Orders in the history below buy them, so from the first start an order page shows its 产地批次,
 * and Admin's 产地批次 has batches with orders behind them. Handles are Medusa's `toHandle(title)`.
 */
export const DEMO_OFFICE_LISTINGS: OfficeListingSeed[] = [
  {
    compound: "锦绣天地",
    householdCode: "SX-YA-021",
    title: "刘婶家冰糖心苹果",
    description:
      "刘婶家坡地上的老树红富士，霜降后才摘，果心透明的“糖心”多一些。物业服务中心代刘婶上架，每箱按采摘批次装，箱上贴合格证编号。果面有自然斑点，个头不完全一致。",
    category: "fruit",
    priceFen: 4280,
    unitLabel: "5斤/箱",
    stock: 60,
    perishability: "ambient",
    emoji: "green-apple",
    harvest: { daysAgo: 6, quantity: 400, unit: "斤", certificateNo: "SX-YA-021-0001" },
  },
  {
    compound: "滨江花园",
    householdCode: "YN-LC-007",
    title: "岩叔家冬片生茶",
    description:
      "岩叔家茶地入冬前最后一轮采的冬片，手工杀青、揉捻、晒干，滋味清淡，香气偏花香。物业服务中心代岩叔上架，每袋标采摘批次和合格证编号。",
    category: "tea",
    priceFen: 5800,
    unitLabel: "100克/袋",
    stock: 40,
    perishability: "ambient",
    emoji: "herb",
    harvest: { daysAgo: 12, quantity: 25, unit: "斤", certificateNo: "YN-LC-007-0001" },
  },
]

/** The products the demo publishes: the catalogue's and the ones the offices listed for households. */
export const DEMO_PUBLISHED_PRODUCTS = DEMO_CATALOG.products.length + DEMO_OFFICE_LISTINGS.length

/**
 * Orders residents placed before the demo starts: enough that every
 * household has sales, the impact page has more than five households to
 * show, and statements list real ledger lines. The first eight were collected, two wait at the counter, two are in the next cycle.
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
  collected: 8,
  ready: 2,
  orders: [
    [
      ["fuji-apple-luochuan", 2],
      ["hillside-eggs-shuangjiang", 1],
      ["刘婶家冰糖心苹果", 1],
    ],
    [
      ["orah-mandarin-shuangjiang", 1],
      ["mengku-black-tea", 1],
    ],
    [
      ["guiqi-mango-tiandong", 1],
      ["chinese-bee-honey-tiandong", 1],
    ],
    [
      ["xianghe-glutinous-rice-liping", 2],
      ["paddy-duck-eggs-liping", 1],
    ],
    [
      ["yellow-millet-luochuan", 3],
      ["courtyard-eggs-luochuan", 1],
    ],
    [
      ["log-grown-shiitake-liping", 1],
      ["rapeseed-oil-liping", 1],
    ],
    [
      ["dried-bolete-shuangjiang", 1],
      ["spring-sun-dried-maocha", 1],
    ],
    [
      ["locust-honey-luochuan", 1],
      ["purple-garlic-luochuan", 2],
    ],
    [
      ["red-skin-peanuts-tiandong", 2],
      ["dried-wood-ear-tiandong", 1],
      ["岩叔家冬片生茶", 2],
    ],
    [
      ["old-tree-pear-liping", 1],
      ["early-spring-green-tea-liping", 1],
    ],
    [
      ["fuji-apple-luochuan", 1],
      ["red-sweet-potato-tiandong", 2],
    ],
    [
      ["yellow-potato-luochuan", 2],
      ["fresh-chili-liping", 1],
    ],
  ],
  residents: [
    { name: "陈女士", email: "chen.demo@example.com", phone: "13800138001", compound: "滨江花园", city: "杭州市" },
    { name: "李先生", email: "li.demo@example.com", phone: "13800138002", compound: "翠苑一区", city: "杭州市" },
    { name: "王阿姨", email: "wang.demo@example.com", phone: "13800138003", compound: "锦绣天地", city: "成都市" },
  ],
}

/**
 * Three compounds in two cities, each with its property office as a pickup
 * point and one staff login (local demos only; documented in seed/README.md).
 */
export const DEMO_PICKUP_NETWORK: PickupNetworkSeed = [
  {
    office: {
      company: "绿荫物业服务有限公司",
      compoundName: "滨江花园",
      address: "杭州市滨江区江南大道 1088 号 滨江花园 3 幢底商 物业服务中心",
      city: "杭州市",
      district: "滨江区",
      phone: "0571-86600001",
      latitude: 30.2085,
      longitude: 120.2119,
    },
    point: { code: "HZ-BJHY", name: "滨江花园物业服务中心", capacityChilled: 40, capacityAmbient: 120 },
    staff: { name: "周师傅", email: "staff.binjiang@lianxin.local", password: "lianxin-staff-2026" },
    households: ["YN-LC-007", "GZ-QDN-003", "SX-YA-008"],
  },
  {
    office: {
      company: "求是物业管理有限公司",
      compoundName: "翠苑一区",
      address: "杭州市西湖区文三路 478 号 翠苑一区 物业服务中心",
      city: "杭州市",
      district: "西湖区",
      phone: "0571-86600002",
      latitude: 30.2807,
      longitude: 120.1236,
    },
    point: { code: "HZ-CY1", name: "翠苑一区物业服务中心", capacityChilled: 30, capacityAmbient: 100 },
    staff: { name: "钱阿姨", email: "staff.cuiyuan@lianxin.local", password: "lianxin-staff-2026" },
    households: ["YN-LC-012", "GX-BS-002"],
  },
  {
    office: {
      company: "锦城物业服务有限公司",
      compoundName: "锦绣天地",
      address: "成都市武侯区锦绣路 66 号 锦绣天地 物业服务中心",
      city: "成都市",
      district: "武侯区",
      phone: "028-85500003",
      latitude: 30.6226,
      longitude: 104.0588,
    },
    point: { code: "CD-JXTD", name: "锦绣天地物业服务中心", capacityChilled: 30, capacityAmbient: 100 },
    staff: { name: "罗师傅", email: "staff.jinxiu@lianxin.local", password: "lianxin-staff-2026" },
    households: ["GZ-QDN-015", "SX-YA-021", "GX-BS-011"],
  },
]
