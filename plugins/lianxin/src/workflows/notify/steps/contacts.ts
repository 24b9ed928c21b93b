import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { HOUSEHOLD_MODULE } from "../../../modules/household"
import type HouseholdModuleService from "../../../modules/household/service"
import type { NotifyChannel, RecipientType } from "../../../modules/notify/service"
import { maskPhone } from "../../../utils/mask"
import { maskEmail, normalizeCnMobile, normalizeEmail } from "../../../utils/notify-envelope"
import type { Query } from "../../pickup/steps/service"
import { pickupService } from "../../pickup/steps/service"
import { notifyService } from "./service"

type Container = Pick<MedusaContainer, "resolve">
export type Locale = "zh-CN" | "en"

const query = (container: Container) => container.resolve(ContainerRegistrationKeys.QUERY) as Query

export type Preference = { email: boolean; sms: boolean; locale: Locale }
const DEFAULT_PREFERENCE: Preference = { email: true, sms: true, locale: "zh-CN" }

export async function preferenceOf(container: Container, type: "customer" | "staff", id: string): Promise<Preference> {
  const [row] = await notifyService(container).listNotifyPreferences(
    { recipient_type: type, recipient_id: id },
    { take: 1 }
  )
  return row ? { email: row.email, sms: row.sms, locale: row.locale as Locale } : DEFAULT_PREFERENCE
}

type CustomerContact = { email: string | null; phone: string | null; has_account: boolean } | null

/**
 * A resident's email and mobile: the customer's, and for an order's messages the
 * mobile given at checkout (guests give a mobile, not always an email).
 */
export async function customerContact(
  container: Container,
  customerId: string,
  orderId?: string | null
): Promise<CustomerContact> {
  const { data } = await query(container).graph({
    entity: "customer",
    fields: ["id", "email", "phone", "has_account"],
    filters: { id: customerId },
  })
  const c = data[0]
  if (!c) return null
  let phone = c.phone ? normalizeCnMobile(String(c.phone)) : null
  if (!phone && orderId) {
    const { data: orders } = await query(container).graph({
      entity: "order",
      fields: ["id", "shipping_address.phone", "billing_address.phone"],
      filters: { id: orderId },
    })
    const o = orders[0]
    const raw = o?.shipping_address?.phone ?? o?.billing_address?.phone
    phone = raw ? normalizeCnMobile(String(raw)) : null
  }
  return { email: c.email ? normalizeEmail(String(c.email)) : null, phone, has_account: Boolean(c.has_account) }
}

/**
 * A mobile-only guest's contact: what the order itself carries (its email if one was given, the pickup contact's
 * mobile), read when planning and again when sending, so nothing is copied.
 */
export async function orderContact(
  container: Container,
  orderId: string
): Promise<{ email: string | null; phone: string | null } | null> {
  const { data } = await query(container).graph({
    entity: "order",
    fields: ["id", "email", "shipping_address.phone", "billing_address.phone"],
    filters: { id: orderId },
  })
  const o = data[0]
  if (!o) return null
  const raw = o.shipping_address?.phone ?? o.billing_address?.phone
  return {
    email: o.email ? normalizeEmail(String(o.email)) : null,
    phone: raw ? normalizeCnMobile(String(raw)) : null,
  }
}

export async function staffContact(container: Container, staffId: string) {
  const [s] = await pickupService(container).listPickupStaffs({ id: staffId }, { take: 1 })
  if (!s?.is_active) return null
  return { email: normalizeEmail(s.email) }
}

/** Whether the household has consented to registry data use and has a phone on record (nothing decrypted). */
export async function householdCanReceiveSms(container: Container, householdId: string): Promise<boolean> {
  const households = container.resolve<HouseholdModuleService>(HOUSEHOLD_MODULE)
  const consent = await households.latestConsent(householdId, "registry_data")
  if (!consent?.granted) return false
  const stored = await households.retrieveStoredRegistry(householdId)
  return Boolean(stored?.phone_enc)
}

/**
 * The household's phone, decrypted here and only here, for one SMS: consent
 * is checked again, and the reveal is written to the registry access log
 * (actor `system:notify`) before the value is decrypted. Never logged, never
 * returned beyond the sending step.
 */
export async function revealHouseholdPhoneForSms(
  container: Container,
  householdId: string,
  messageId: string,
  now: Date
): Promise<string | null> {
  if (!(await householdCanReceiveSms(container, householdId))) return null
  const households = container.resolve<HouseholdModuleService>(HOUSEHOLD_MODULE)
  await households.createRegistryAccessLogs({
    household_id: householdId,
    field: "phone",
    reason: `notification ${messageId} (SMS to the household)`,
    actor_id: "system:notify",
    accessed_at: now,
  })
  const phone = await households.revealRegistryValue(householdId, "phone")
  return phone ? normalizeCnMobile(phone) : null
}

export type Address = { address: string; masked: string } | { skip: string }

/** Where one message goes now, or why it cannot go (address gone, channel turned off, consent withdrawn). */
export async function resolveAddress(
  container: Container,
  m: {
    id: string
    channel: NotifyChannel
    recipient_type: RecipientType
    recipient_id: string | null
    resource_type: string | null
    resource_id: string | null
  },
  now: Date
): Promise<Address> {
  const id = m.recipient_id
  if (!id) return { skip: "no recipient" }
  if (m.channel === "in_app") return { address: id, masked: id }
  if (m.recipient_type === "customer") {
    const pref = await preferenceOf(container, "customer", id)
    if (m.channel === "email" && !pref.email) return { skip: "email turned off by the resident" }
    if (m.channel === "sms" && !pref.sms) return { skip: "SMS turned off by the resident" }
    const contact = await customerContact(container, id, m.resource_type === "order" ? m.resource_id : null)
    if (m.channel === "email")
      return contact?.email
        ? { address: contact.email, masked: maskEmail(contact.email) }
        : { skip: "no email address" }
    return contact?.phone ? { address: contact.phone, masked: maskPhone(contact.phone) } : { skip: "no mobile number" }
  }
  if (m.recipient_type === "order") {
    const contact = await orderContact(container, id)
    if (m.channel === "email")
      return contact?.email
        ? { address: contact.email, masked: maskEmail(contact.email) }
        : { skip: "no email address" }
    return contact?.phone ? { address: contact.phone, masked: maskPhone(contact.phone) } : { skip: "no mobile number" }
  }
  if (m.recipient_type === "staff") {
    if (m.channel !== "email") return { skip: `staff get no ${m.channel}` }
    const pref = await preferenceOf(container, "staff", id)
    if (!pref.email) return { skip: "email turned off" }
    const contact = await staffContact(container, id)
    return contact?.email
      ? { address: contact.email, masked: maskEmail(contact.email) }
      : { skip: "no active staff email" }
  }
  if (m.recipient_type === "household") {
    if (m.channel !== "sms") return { skip: `households get no ${m.channel}` }
    const phone = await revealHouseholdPhoneForSms(container, id, m.id, now)
    return phone ? { address: phone, masked: maskPhone(phone) } : { skip: "no consented phone" }
  }
  return { skip: "address not kept" }
}
