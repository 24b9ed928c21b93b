import { z } from "@medusajs/framework/zod"
import { cartIdSchema } from "../../helpers/order-proof"

/** POST /store/lianxin/checkout: everything the checkout form holds, in one request. */
export const StoreLianxinCheckoutBody = z
  .object({
    cart_id: cartIdSchema,
    /** Who collects: the office checks the name and the last four digits of the mobile. */
    name: z.string().trim().min(1, "must not be empty").max(40, "at most 40 characters"),
    phone: z.string().regex(/^1\d{10}$/, "must be an 11-digit mainland China mobile number"),
    /** Guests only, optional (a signed-in customer's order carries their account's email). */
    email: z.string().trim().max(254, "at most 254 characters").email("must be an email address").optional(),
    pickup_point_id: z.string().regex(/^ppt_[0-9A-Za-z]{10,40}$/, "must be a pickup point id (ppt_…)"),
    order_cycle_id: z
      .string()
      .regex(/^pcyc_[0-9A-Za-z]{10,40}$/, "must be an order cycle id (pcyc_…)")
      .optional(),
    /** true (default): pay at pickup, place the order now. false: prepare for an online payment session. */
    complete: z.boolean().default(true),
  })
  .strict()
export type StoreLianxinCheckoutBodyType = z.infer<typeof StoreLianxinCheckoutBody>
