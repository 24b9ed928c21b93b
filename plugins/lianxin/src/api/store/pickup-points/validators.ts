import { z } from "@medusajs/framework/zod"

export const StorePickupPointsQuery = z
  .object({
    city: z.string().trim().min(1).max(50).optional(),
    q: z.string().trim().min(1).max(50).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export const StoreCartPickupBody = z
  .object({
    pickup_point_id: z.string().regex(/^ppt_[0-9A-Za-z]{10,40}$/, "must be a pickup point id (ppt_…)"),
    order_cycle_id: z
      .string()
      .regex(/^pcyc_[0-9A-Za-z]{10,40}$/, "must be an order cycle id (pcyc_…)")
      .optional(),
  })
  .strict()
export type StoreCartPickupBodyType = z.infer<typeof StoreCartPickupBody>

export const StoreAvailabilityQuery = z
  .object({
    order_cycle_id: z
      .string()
      .regex(/^pcyc_[0-9A-Za-z]{10,40}$/, "must be an order cycle id (pcyc_…)")
      .optional(),
  })
  .strict()

export const StoreRememberPointBody = z
  .object({
    pickup_point_id: z.string().regex(/^ppt_[0-9A-Za-z]{10,40}$/, "must be a pickup point id (ppt_…)"),
  })
  .strict()
export type StoreRememberPointBodyType = z.infer<typeof StoreRememberPointBody>

export type StoreAvailabilityQueryType = z.infer<typeof StoreAvailabilityQuery>
export type StorePickupPointsQueryType = z.infer<typeof StorePickupPointsQuery>
