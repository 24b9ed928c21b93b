import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import PickupModule from "../modules/pickup"

/**
 * Order ↔ its pickup assignment (cycle, point, code, status). One each.
 * Read from the order side: fields ["pickup_assignment.pickup_point_id", …].
 */
export default defineLink(OrderModule.linkable.order, PickupModule.linkable.pickupAssignment)
