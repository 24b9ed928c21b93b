import { Module } from "@medusajs/framework/utils"
import ListingModuleService from "./service"

export const LISTING_MODULE = "listing"

export default Module(LISTING_MODULE, { service: ListingModuleService })

export { ListingModuleService }
export const LISTING_STATUSES = ["pending_review", "approved", "rejected"] as const
export type ListingStatus = (typeof LISTING_STATUSES)[number]
