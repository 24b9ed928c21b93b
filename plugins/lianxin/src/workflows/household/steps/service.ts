import type { MedusaContainer } from "@medusajs/framework/types"
import { HOUSEHOLD_MODULE, type HouseholdModuleService } from "../../../modules/household"

export const householdService = (container: MedusaContainer) =>
  container.resolve<HouseholdModuleService>(HOUSEHOLD_MODULE)
