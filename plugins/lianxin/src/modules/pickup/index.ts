import { Module } from "@medusajs/framework/utils"
import pickupKeysLoader from "./loaders/pickup-keys"
import PickupModuleService from "./service"

export const PICKUP_MODULE = "pickup"

export default Module(PICKUP_MODULE, {
  service: PickupModuleService,
  loaders: [pickupKeysLoader],
})

export { PickupModuleService }
