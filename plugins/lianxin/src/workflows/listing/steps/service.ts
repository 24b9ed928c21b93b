import type { MedusaContainer } from "@medusajs/framework/types"
import { LISTING_MODULE, type ListingModuleService } from "../../../modules/listing"

export const listingService = (container: MedusaContainer) => container.resolve<ListingModuleService>(LISTING_MODULE)
