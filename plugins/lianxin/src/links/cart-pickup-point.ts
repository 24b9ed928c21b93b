import { defineLink } from "@medusajs/framework/utils"
import CartModule from "@medusajs/medusa/cart"
import PickupModule from "../modules/pickup"

/** The pickup point a resident chose for a cart (many carts per point). Read as cart.pickup_point. */
export default defineLink({ linkable: CartModule.linkable.cart, isList: true }, PickupModule.linkable.pickupPoint)
