import { z } from "@medusajs/framework/zod"
import { cartIdSchema, orderIdSchema } from "../../helpers/order-proof"

/** A signed-in customer sends {}; a guest proves ownership with the cart the order was placed from. */
export const StoreCancelOrderBody = z.object({ cart_id: cartIdSchema.optional() }).strict()
export type StoreCancelOrderBodyType = z.infer<typeof StoreCancelOrderBody>

export const StoreClaimOrdersBody = z
  .object({ order_ids: z.array(orderIdSchema).min(1, "give at least one order id").max(50, "at most 50 order ids") })
  .strict()
export type StoreClaimOrdersBodyType = z.infer<typeof StoreClaimOrdersBody>
