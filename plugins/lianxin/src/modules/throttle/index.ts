import { Module } from "@medusajs/framework/utils"
import throttleRedisLoader from "./loaders/redis"
import ThrottleModuleService from "./service"

export const THROTTLE_MODULE = "throttle"

export default Module(THROTTLE_MODULE, {
  service: ThrottleModuleService,
  loaders: [throttleRedisLoader],
})

export { ThrottleModuleService }
export type { Hit } from "./service"
