import { defineLink } from "@medusajs/framework/utils"
import HouseholdModule from "../modules/household"
import ListingModule from "../modules/listing"

/** A staff listing ↔ the household it was listed for (many listings per household). Read as listing.household. */
export default defineLink(
  { linkable: ListingModule.linkable.listing, isList: true },
  HouseholdModule.linkable.household
)
