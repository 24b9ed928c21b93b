import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import PickupModule from "../modules/pickup"

/** The pickup point a customer last ordered to, offered first next time. Read as customer.pickup_point. */
export default defineLink(
  { linkable: CustomerModule.linkable.customer, isList: true },
  PickupModule.linkable.pickupPoint
)
