import { MedusaService } from "@medusajs/framework/utils"
import { HarvestAllocation, HarvestBatch, Listing, OfficeRegistration } from "./models"

/** Listings, their harvest batches (with the order lines each filled) and office registrations: generated CRUD only. */
class ListingModuleService extends MedusaService({ Listing, HarvestBatch, HarvestAllocation, OfficeRegistration }) {}

export default ListingModuleService
