import { z } from "@medusajs/framework/zod"
import { LISTING_STATUSES } from "../../../modules/listing"
import { idempotencyKey, pastDay } from "../households/validators"

const text = (max: number) =>
  z.string({ message: "is required" }).trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`)

/** A photo uploaded through POST /pickup-staff/uploads (served by this backend), or another http(s) URL the file module returned. */
const photoUrl = z
  .string({ message: "must be an uploaded photo's URL" })
  .trim()
  .url("must be an uploaded photo's URL")
  .max(2048)

export const StaffCreateListing = z
  .object({
    household_id: z.string({ message: "is required" }).min(1, "is required"),
    title: text(100),
    description: text(5000),
    category_id: z.string({ message: "is required" }).min(1, "is required"),
    price_fen: z
      .number({ message: "must be a whole number of fen" })
      .int("must be a whole number of fen")
      .min(1, "must be at least 1 fen")
      .max(10_000_000, "must be at most 10000000 fen (¥100,000)"),
    unit_label: text(20),
    weight_g: z
      .number({ message: "must be a number of grams" })
      .int("must be whole grams")
      .min(1)
      .max(1_000_000)
      .nullish(),
    stock: z
      .number({ message: "must be a whole number" })
      .int("must be a whole number")
      .min(0)
      .max(100_000, "must be at most 100000"),
    perishability: z.enum(["chilled", "ambient"], { message: "must be chilled or ambient" }),
    image_urls: z
      .array(photoUrl, { message: "must be a list of photo URLs" })
      .min(1, "needs 1-6 photos")
      .max(6, "needs 1-6 photos"),
    harvest: z
      .object(
        {
          harvested_on: pastDay,
          quantity: z
            .number({ message: "must be a number" })
            .positive("must be more than 0")
            .max(10_000_000)
            .refine((n) => Math.round(n * 100) === n * 100, { message: "may have at most 2 decimals" }),
          quantity_unit: text(20),
          certificate_no: z
            .string({ message: "is required: the 合格证 number" })
            .trim()
            .min(4, "must be the 合格证 number (4-64 characters)")
            .max(64, "must be the 合格证 number (4-64 characters)"),
          certificate_photo_url: photoUrl,
        },
        { message: "is required: harvest date, quantity and 合格证" }
      )
      .strict(),
    idempotency_key: idempotencyKey,
  })
  .strict()
export type StaffCreateListingType = z.infer<typeof StaffCreateListing>

export const StaffListListingsQuery = z
  .object({
    status: z.enum(LISTING_STATUSES, { message: "must be pending_review, approved or rejected" }).optional(),
    household_id: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type StaffListListingsQueryType = z.infer<typeof StaffListListingsQuery>
