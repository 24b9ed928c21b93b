import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import HouseholdModule from "../modules/household"

/**
 * Product ↔ who produced it. One attribution per product; replacing it swaps
 * the link (see the attribute-product workflow). Deleting a product deletes
 * its attribution with it.
 *
 * Read it with query.graph from the product side:
 *   fields: ["id", "attribution.cooperative_id", "attribution.shares.household_id", "attribution.shares.share_bp"]
 */
export default defineLink(ProductModule.linkable.product, {
  linkable: HouseholdModule.linkable.attribution,
  deleteCascade: true,
})
