import { model } from "@medusajs/framework/utils"
import PickupPoint from "./pickup-point"

/**
 * The property-management office (物业) of one compound. Its pickup points are
 * where residents of the compound collect; its id is the ledger's
 * property_office party.
 */
const PropertyOffice = model.define("property_office", {
  id: model.id({ prefix: "poff" }).primaryKey(),
  company: model.text(),
  compound_name: model.text(),
  address: model.text(),
  city: model.text(),
  district: model.text().nullable(),
  latitude: model.float().nullable(),
  longitude: model.float().nullable(),
  phone: model.text(),
  /** [{ days: [1..7] (Monday = 1), opens: "08:00", closes: "20:00" }] in Asia/Shanghai. */
  opening_hours: model.json().nullable(),
  is_active: model.boolean().default(true),
  points: model.hasMany(() => PickupPoint, { mappedBy: "office" }),
  metadata: model.json().nullable(),
})

export default PropertyOffice
