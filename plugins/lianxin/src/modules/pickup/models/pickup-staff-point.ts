import { model } from "@medusajs/framework/utils"
import PickupPoint from "./pickup-point"
import PickupStaff from "./pickup-staff"

/** Which points a staff member may act for. */
const PickupStaffPoint = model
  .define("pickup_staff_point", {
    id: model.id({ prefix: "pstp" }).primaryKey(),
    staff: model.belongsTo(() => PickupStaff, { mappedBy: "point_links" }),
    point: model.belongsTo(() => PickupPoint, { mappedBy: "staff_links" }),
  })
  .indexes([{ on: ["staff_id", "point_id"], unique: true, where: "deleted_at IS NULL" }])

export default PickupStaffPoint
