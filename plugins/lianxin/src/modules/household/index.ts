import { Module } from "@medusajs/framework/utils"
import registryKeyLoader from "./loaders/registry-key"
import HouseholdModuleService from "./service"

export const HOUSEHOLD_MODULE = "household"

export default Module(HOUSEHOLD_MODULE, {
  service: HouseholdModuleService,
  loaders: [registryKeyLoader],
})

export { HouseholdModuleService }
export * from "./types"
