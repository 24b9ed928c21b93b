import { defineLink } from "@medusajs/framework/utils"
import CartModule from "@medusajs/medusa/cart"
import PickupModule from "../modules/pickup"

/** The order cycle a resident chose for a cart (many carts per cycle). Read as cart.order_cycle. */
export default defineLink({ linkable: CartModule.linkable.cart, isList: true }, PickupModule.linkable.orderCycle)
