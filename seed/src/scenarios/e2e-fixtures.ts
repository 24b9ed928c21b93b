/**
 * What the e2e scenario puts in the shop, for tests to import instead of
 * hard-coding: handles, titles, prices (fen), stock and credentials.
 * No Medusa imports, so Playwright can load it cheaply:
 *   import { E2E } from "@lianxin/seed/e2e-fixtures"   (or from "@lianxin/seed")
 * The office portal: staff A works at E2E.pickup, staff B at E2E.pickupB.
 */
import { CURRENCY_CODE, PICKUP_SHIPPING_OPTION_NAME, REGION_NAME, SALES_CHANNEL_NAME, STORE_NAME } from "../constants"

export const E2E = {
  scenario: "e2e",
  store: {
    name: STORE_NAME,
    salesChannelName: SALES_CHANNEL_NAME,
    regionName: REGION_NAME,
    currencyCode: CURRENCY_CODE,
  },
  stockLocation: { name: "E2E 集货仓" },
  shippingOption: { name: PICKUP_SHIPPING_OPTION_NAME, priceFen: 0 },
  admin: {
    email: "e2e-admin@lianxin.local",
    password: "lianxin-e2e-2026",
  },
  village: {
    codePrefix: "ZJ-LS",
    name: "测试村",
    township: "屏都街道",
    county: "庆元县",
    prefecture: "丽水市",
    province: "浙江省",
  },
  households: {
    orchard: { code: "ZJ-LS-001", displayName: "测试果园" },
    farm: { code: "ZJ-LS-002", displayName: "测试农家" },
  },
  categories: {
    fruit: { handle: "e2e-fruit", name: "水果" },
    grains: { handle: "e2e-grains", name: "粮油" },
  },
  products: {
    apple: {
      handle: "e2e-apple",
      title: "测试苹果",
      variantTitle: "5斤装",
      sku: "e2e-apple-5jin",
      priceFen: 1280,
      stock: 100,
      category: "e2e-fruit",
      householdCode: "ZJ-LS-001",
      emoji: "red-apple",
    },
    orange: {
      handle: "e2e-orange",
      title: "测试橙子",
      variantTitle: "5斤装",
      sku: "e2e-orange-5jin",
      priceFen: 2550,
      stock: 50,
      category: "e2e-fruit",
      householdCode: "ZJ-LS-001",
      emoji: "tangerine",
    },
    rice: {
      handle: "e2e-rice",
      title: "测试大米",
      variantTitle: "2.5kg",
      sku: "e2e-rice-2-5kg",
      priceFen: 5800,
      stock: 20,
      category: "e2e-grains",
      householdCode: "ZJ-LS-002",
      emoji: "cooked-rice",
    },
    /**
     * Two pack sizes with their net weight: the product page shows the chosen pack's price (never "起" while one is
     * chosen) and the price per 斤. The fixture's own fields are the smaller pack; `larger` is the second.
     */
    pear: {
      handle: "e2e-pear",
      title: "测试梨",
      variantTitle: "3斤装",
      sku: "e2e-pear-3jin",
      priceFen: 1990,
      stock: 60,
      netWeightG: 1500,
      category: "e2e-fruit",
      householdCode: "ZJ-LS-001",
      emoji: "pear",
      larger: { variantTitle: "6斤装", sku: "e2e-pear-6jin", priceFen: 3600, stock: 30, netWeightG: 3000 },
    },
    /** Only two in stock: for sold-out and stock-limit tests. */
    millet: {
      handle: "e2e-millet",
      title: "测试小米",
      variantTitle: "1kg",
      sku: "e2e-millet-1kg",
      priceFen: 990,
      stock: 2,
      category: "e2e-grains",
      householdCode: "ZJ-LS-002",
      emoji: "sheaf-of-rice",
    },
  },
  /** One property office with one pickup point; daily cycles are kept open by the pickup module. */
  pickup: {
    office: {
      company: "测试物业服务有限公司",
      compoundName: "测试小区",
      address: "杭州市西湖区测试路 1 号 测试小区物业服务中心",
      city: "杭州市",
      district: "西湖区",
      phone: "0571-88880000",
    },
    point: { code: "E2E-PT-1", name: "测试小区物业服务中心", capacityChilled: 50, capacityAmbient: 200 },
    staff: { name: "测试店员", email: "e2e-staff@lianxin.local", password: "lianxin-staff-2026" },
    /** Registered through office A: staff A may list produce for it and show it its counter view. */
    households: ["ZJ-LS-001"],
  },
  /** A second office with its own point and staff B, who must never see office A's households, listings or batches. */
  pickupB: {
    office: {
      company: "测试乙物业服务有限公司",
      compoundName: "测试乙小区",
      address: "宁波市鄞州区测试路 2 号 测试乙小区物业服务中心",
      city: "宁波市",
      district: "鄞州区",
      phone: "0574-88880000",
    },
    point: { code: "E2E-PT-2", name: "测试乙小区物业服务中心", capacityChilled: 50, capacityAmbient: 200 },
    staff: { name: "测试店员乙", email: "e2e-staff-b@lianxin.local", password: "lianxin-staff-b-2026" },
    households: [],
  },
} as const

export type E2EProductKey = keyof typeof E2E.products
export type E2EProduct = (typeof E2E.products)[E2EProductKey]
