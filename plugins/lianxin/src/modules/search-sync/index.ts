import { Module } from "@medusajs/framework/utils"
import searchPgLoader from "./loaders/search-pg"
import SearchSyncModuleService from "./service"

export const SEARCH_SYNC_MODULE = "searchSync"

export default Module(SEARCH_SYNC_MODULE, { service: SearchSyncModuleService, loaders: [searchPgLoader] })

export { SearchSyncModuleService }
export type { OutboxClaim } from "./service"
