import { Module } from "@medusajs/framework/utils"
import RevenueShareModuleService from "./service"

export const REVENUE_SHARE_MODULE = "revenueShare"

export default Module(REVENUE_SHARE_MODULE, {
  service: RevenueShareModuleService,
})

export type { RevenueShareModuleService }
