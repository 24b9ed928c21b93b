import { Module } from "@medusajs/framework/utils"
import SearchSyncModuleService from "./service"

export const SEARCH_SYNC_MODULE = "searchSync"

export default Module(SEARCH_SYNC_MODULE, { service: SearchSyncModuleService })

export { SearchSyncModuleService }
export type { OutboxClaim } from "./service"
