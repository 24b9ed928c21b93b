import { defineLink } from "@medusajs/framework/utils"
import HouseholdModule from "../modules/household"
import PickupModule from "../modules/pickup"

/**
 * A household registered through a property office: its staff may list the
 * household's produce and show it its counter view. A household can be
 * registered through several offices; an office has many households.
 * Read from the office side: fields ["households.id", …].
 */
export default defineLink(
  { linkable: HouseholdModule.linkable.household, isList: true },
  { linkable: PickupModule.linkable.propertyOffice, isList: true }
)
