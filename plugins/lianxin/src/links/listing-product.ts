import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import ListingModule from "../modules/listing"

/** A staff listing ↔ the (draft, then published) product it created. One each. Read as listing.product. */
export default defineLink(ListingModule.linkable.listing, ProductModule.linkable.product)
