import type { AdminUserSeed } from "../admin-user"
import type { PickupLocationSeed } from "../fulfillment"
import { E2E } from "../scenarios/e2e-fixtures"
import { pickupLocation } from "./pickup"
import type { Catalog, ProductSeed } from "./types"

/** The e2e scenario's catalog, built from the constants tests import. */
export const E2E_CATALOG: Catalog = {
  villages: [{ ...E2E.village, note: "端到端测试用的虚构村子。" }],
  households: [
    {
      ...E2E.households.orchard,
      villageCodePrefix: E2E.village.codePrefix,
      cooperativeMember: false,
      story: "端到端测试用的虚构果园。",
    },
    {
      ...E2E.households.farm,
      villageCodePrefix: E2E.village.codePrefix,
      cooperativeMember: false,
      story: "端到端测试用的虚构农家。",
    },
  ],
  categories: [
    { ...E2E.categories.fruit, description: "测试分类：水果" },
    { ...E2E.categories.grains, description: "测试分类：粮油" },
  ],
  products: Object.values(E2E.products).map(
    (p): ProductSeed => ({
      handle: p.handle,
      title: p.title,
      description: `${p.title}，端到端测试用的商品。`,
      category: p.category,
      householdCode: p.householdCode,
      emoji: p.emoji,
      variants: [
        {
          key: p.sku.slice(p.handle.length + 1),
          title: p.variantTitle,
          priceFen: p.priceFen,
          stock: p.stock,
          ...("netWeightG" in p ? { netWeightG: p.netWeightG } : {}),
        },
        ...("larger" in p
          ? [
              {
                key: p.larger.sku.slice(p.handle.length + 1),
                title: p.larger.variantTitle,
                priceFen: p.larger.priceFen,
                stock: p.larger.stock,
                netWeightG: p.larger.netWeightG,
              },
            ]
          : []),
      ],
    })
  ),
}

export const E2E_STOCK_LOCATION: PickupLocationSeed = pickupLocation(E2E.stockLocation.name)

export const E2E_ADMIN: AdminUserSeed = { ...E2E.admin, firstName: "测试", lastName: "管理员" }
