import { PICKUP_SHIPPING_OPTION_NAME } from "../constants"
import type { PickupLocationSeed } from "../fulfillment"

/**
 * The one way to receive an order for now: collect it at the property office.
 * A later issue replaces the single option with one per pickup point.
 */
export function pickupLocation(name: string): PickupLocationSeed {
  return {
    name,
    address: {
      address_1: "示例路 1 号（演示地址）",
      city: "杭州市",
      province: "浙江省",
      postal_code: "310000",
      country_code: "cn",
    },
    fulfillmentSetName: `${name} · 小区自提`,
    serviceZoneName: "中国大陆",
    shippingOption: {
      name: PICKUP_SHIPPING_OPTION_NAME,
      priceFen: 0,
      typeCode: "pickup",
      typeLabel: "小区物业自提",
      typeDescription: "订单送到您所在小区的物业，到物业前台自提",
    },
  }
}
