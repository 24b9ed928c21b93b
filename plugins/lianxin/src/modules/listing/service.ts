import { MedusaService } from "@medusajs/framework/utils"
import { HarvestBatch, Listing, OfficeRegistration } from "./models"

/** Listings, their harvest batches and office registrations: generated CRUD only. */
class ListingModuleService extends MedusaService({ Listing, HarvestBatch, OfficeRegistration }) {}

export default ListingModuleService
