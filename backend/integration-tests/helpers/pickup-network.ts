/**
 * A pickup network built through the admin API, as an operator does it in
 * Medusa Admin: property offices (物业), their pickup points, order cycles,
 * and staff who run the points. Each returns the new record's id (staff: a
 * logged-in session). `admin` is the headers of createAdminSession.
 */
import type { AxiosInstance } from "axios"
import { loginPickupStaff, type Headers } from "./pickup-staff"

const HOUR = 3600_000

/** Staff created by createStaff all log in with this password. */
export const STAFF_PASSWORD = "staff-pass-123"

/** A property office; company defaults to "<compound>物业". */
export async function createOffice(
  api: AxiosInstance,
  admin: Headers,
  office: { compound_name: string; city: string; address: string; company?: string; phone?: string }
): Promise<string> {
  const body = { company: `${office.compound_name}物业`, phone: "0571-88886666", ...office }
  const { data } = await api.post("/admin/pickup-offices", body, { headers: admin })
  return data.property_office.id
}

/** A pickup point of an office, named "<code> 前台"; 5 chilled and 50 ambient places unless given. */
export async function createPoint(
  api: AxiosInstance,
  admin: Headers,
  office_id: string,
  code: string,
  capacity: { chilled?: number; ambient?: number } = {}
): Promise<string> {
  const body = {
    office_id,
    code,
    name: `${code} 前台`,
    capacity_chilled: capacity.chilled ?? 5,
    capacity_ambient: capacity.ambient ?? 50,
  }
  const { data } = await api.post("/admin/pickup-points", body, { headers: admin })
  return data.pickup_point.id
}

/**
 * An order cycle counted from `from` (default now): producer cutoff in 1 hour,
 * resident cutoff in 2, pickup from `pickupInHours` (default 20) for 4 hours.
 */
export async function createCycle(
  api: AxiosInstance,
  admin: Headers,
  cycle: { name: string; rhythm?: "daily" | "special"; pickupInHours?: number; from?: number }
): Promise<string> {
  const from = cycle.from ?? Date.now()
  const pickupIn = cycle.pickupInHours ?? 20
  const at = (hours: number) => new Date(from + hours * HOUR).toISOString()
  const { data } = await api.post(
    "/admin/pickup-cycles",
    {
      name: cycle.name,
      rhythm: cycle.rhythm ?? "daily",
      producer_cutoff_at: at(1),
      resident_cutoff_at: at(2),
      pickup_starts_at: at(pickupIn),
      pickup_ends_at: at(pickupIn + 4),
    },
    { headers: admin }
  )
  return data.order_cycle.id
}

/** A staff member of the given points (name defaults to the email's local part), logged in. */
export async function createStaff(
  api: AxiosInstance,
  admin: Headers,
  email: string,
  point_ids: string[],
  name = email.split("@")[0]
): Promise<Headers> {
  await api.post("/admin/pickup-staff", { name, email, password: STAFF_PASSWORD, point_ids }, { headers: admin })
  return loginPickupStaff(api, email, STAFF_PASSWORD)
}
