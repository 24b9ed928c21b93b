import { model } from "@medusajs/framework/utils"
import PickupStaffPoint from "./pickup-staff-point"

/** A property-office employee: the `pickup_staff` auth actor. */
const PickupStaff = model
  .define("pickup_staff", {
    id: model.id({ prefix: "pstf" }).primaryKey(),
    name: model.text(),
    email: model.text(),
    phone: model.text().nullable(),
    is_active: model.boolean().default(true),
    point_links: model.hasMany(() => PickupStaffPoint, { mappedBy: "staff" }),
  })
  .indexes([{ on: ["email"], unique: true, where: "deleted_at IS NULL" }])

export default PickupStaff
