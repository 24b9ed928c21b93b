import { z } from "@medusajs/framework/zod"
import { cartIdSchema, orderIdSchema } from "../../helpers/order-proof"
import { cnMobileSchema, oneTimeCodeSchema } from "../sign-in/validators"

/** A signed-in customer sends {}; a guest proves ownership with the cart the order was placed from. */
export const StoreCancelOrderBody = z.object({ cart_id: cartIdSchema.optional() }).strict()
export type StoreCancelOrderBodyType = z.infer<typeof StoreCancelOrderBody>

/** GET /store/lianxin/orders/:id?cart_id=: the owner's read of an order (a signed-in owner sends nothing). */
export const StoreGetOwnOrderQuery = z.object({ cart_id: cartIdSchema.optional() }).strict()

/** POST /store/lianxin/orders/claim: orders with their proof, the cart each was placed from. */
export const StoreClaimOrdersBody = z
  .object({
    orders: z
      .array(z.object({ id: orderIdSchema, cart_id: cartIdSchema }).strict())
      .min(1, "give at least one order")
      .max(50, "at most 50 orders"),
  })
  .strict()
export type StoreClaimOrdersBodyType = z.infer<typeof StoreClaimOrdersBody>

const contactSchema = z.discriminatedUnion("channel", [
  z.object({ channel: z.literal("sms"), to: cnMobileSchema }),
  z.object({
    channel: z.literal("email"),
    to: z.string().trim().max(254, "at most 254 characters").email("must be an email address"),
  }),
])

/** POST /store/lianxin/orders/claim/code: a code to the mobile or email guest orders were placed with. */
export const StoreClaimCodeBody = z.intersection(
  contactSchema,
  z.object({ locale: z.enum(["zh-CN", "en"]).optional() })
)

/** POST /store/lianxin/orders/claim/contact: that contact and its code → every guest order placed with it. */
export const StoreClaimByContactBody = z.intersection(contactSchema, z.object({ code: oneTimeCodeSchema }))

/** An order line id as Medusa makes them. */
const lineItemIdSchema = z.string().regex(/^ordli_[0-9A-Za-z]{10,40}$/, "must be an order line id (ordli_…)")

/**
 * POST /store/lianxin/orders/:id/edit: new quantities for some lines (0 removes
 * a line), against the order version the resident saw (decision 024).
 */
export const StoreEditOrderBody = z
  .object({
    cart_id: cartIdSchema.optional(),
    version: z.number().int("must be a whole number").min(1, "must be at least 1"),
    items: z
      .array(
        z
          .object({
            id: lineItemIdSchema,
            quantity: z.number().int("must be a whole number").min(0, "must be 0 or more").max(99, "at most 99"),
          })
          .strict()
      )
      .min(1, "give at least one line")
      .max(50, "at most 50 lines")
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, "items: each line at most once"),
  })
  .strict()
export type StoreEditOrderBodyType = z.infer<typeof StoreEditOrderBody>

export type StoreClaimByContactBodyType = z.infer<typeof StoreClaimByContactBody>
export type StoreClaimCodeBodyType = z.infer<typeof StoreClaimCodeBody>
export type StoreGetOwnOrderQueryType = z.infer<typeof StoreGetOwnOrderQuery>
