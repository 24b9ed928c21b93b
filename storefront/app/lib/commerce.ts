import type { Fen } from "./money"

/**
 * View models for carts, orders, the price breakdown and the pickup parts:
 * plain data built on the server, never Medusa types. Pure helpers only, so
 * the browser bundle can import them too.
 */

export type CartLine = {
  id: string
  variantId: string | null
  productHandle: string | null
  title: string
  variantTitle: string | null
  thumbnail: string | null
  quantity: number
  unitFen: Fen
  totalFen: Fen
}

export type CartView = {
  id: string
  lines: CartLine[]
  itemCount: number
  totalFen: Fen
  email: string | null
}

export type OrderStatus = "placed" | "ready" | "collected" | "uncollected" | "canceled"

export type OrderLine = {
  id: string
  productId: string | null
  variantId: string | null
  productHandle: string | null
  title: string
  variantTitle: string | null
  quantity: number
  totalFen: Fen
  /** Price of one unit, for the edit form's new total; null when unknown. */
  unitFen?: Fen | null
}

export type OrderView = {
  id: string
  /** What residents and staff say out loud: Medusa's display id. */
  number: string
  status: OrderStatus
  placedAt: string
  totalFen: Fen
  lines: OrderLine[]
  contactName: string | null
  /** Only the last four digits ever leave the server. */
  phoneLast4: string | null
  /** Pickup details once the pickup backend gives them; null means "to be confirmed". */
  pickup: PickupDetails | null
  /** Medusa's order version an edit is made against (decision 024); null when unknown. */
  version?: number | null
}

export type PickupDetails = {
  code: string | null
  qrToken: string | null
  windowStart: string | null
  windowEnd: string | null
  address: string | null
  compoundName: string | null
  cutoffAt: string | null
  status: OrderStatus | null
  cancellable: boolean
}

/** A pickup point as the "choose my compound" step lists it. */
export type PickupPointView = {
  id: string
  name: string
  compoundName: string
  city: string
  district: string | null
  address: string
  /** The property office's phone, for "is my order there yet?" calls; null when unknown. */
  phone?: string | null
  /** When the office's counter is open (Monday = 1); empty when unknown. */
  openingHours?: OpeningHours[]
}

export type OpeningHours = { days: number[]; opens: string; closes: string }

/**
 * The point's address as one line, without saying city and district twice
 * (addresses usually start with them already).
 */
export function pointAddress(point: Pick<PickupPointView, "city" | "district" | "address">): string {
  const compact = (s: string) => s.replace(/\s+/g, "")
  const address = point.address.trim()
  const prefix = `${point.city}${point.district ?? ""}`
  if (!prefix || compact(address).startsWith(compact(point.city))) return address
  return `${prefix}${address}`
}

/**
 * The point's own name when it tells the resident something the 小区 name and
 * the address do not ("东门快递柜"); null when it only repeats them, as in
 * "滨江花园物业服务中心" at "… 滨江花园 3 幢底商 物业服务中心".
 */
export function pointExtraName(point: Pick<PickupPointView, "name" | "compoundName" | "address">): string | null {
  const compact = (s: string) => s.replace(/\s+/g, "")
  const name = compact(point.name)
  const rest = name.startsWith(compact(point.compoundName)) ? name.slice(compact(point.compoundName).length) : name
  if (!rest || compact(point.address).includes(rest) || compact(point.address).includes(name)) return null
  return point.name.trim()
}

const WEEKDAYS: Record<"zh-CN" | "en", string[]> = {
  "zh-CN": ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
}

/** [1,2,3,4,5] → "周一至周五"; all seven → "每天"; [1,3] → "周一、周三". */
function formatDays(days: number[], lang: string): string {
  const en = lang === "en"
  const names = WEEKDAYS[en ? "en" : "zh-CN"]
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b)
  if (sorted.length === 7) return en ? "Daily" : "每天"
  const runs: number[][] = []
  for (const d of sorted) {
    const run = runs.at(-1)
    if (run && run.at(-1) === d - 1) run.push(d)
    else runs.push([d])
  }
  return runs
    .map((run) =>
      run.length >= 3
        ? `${names[run[0]! - 1]}${en ? "–" : "至"}${names[run.at(-1)! - 1]}`
        : run.map((d) => names[d - 1]).join(en ? ", " : "、")
    )
    .join(en ? ", " : "、")
}

/** "每天 08:00–20:30" / "Mon–Fri 08:00–18:00; Sat 09:00–12:00"; "" when unknown. */
export function formatOpeningHours(hours: ReadonlyArray<OpeningHours> | null | undefined, lang: string): string {
  if (!hours?.length) return ""
  return hours
    .filter((h) => h.days.length > 0)
    .map((h) => `${formatDays(h.days, lang)} ${h.opens}–${h.closes}`)
    .join(lang === "en" ? "; " : "；")
}

/** An order cycle at a point: the countdown and the pickup window. */
export type CycleView = {
  id: string
  name: string
  cutoffAt: string
  pickupStartsAt: string
  pickupEndsAt: string
  full: boolean
}

/**
 * The cycles a resident can choose at checkout, nearest cutoff first: cutoff
 * ahead, places left, and none an availability answer said is closed (a batch
 * already on its way). The first is preselected.
 */
export function orderableCycles(
  cycles: ReadonlyArray<CycleView>,
  closedIds: ReadonlyArray<string> = [],
  now = Date.now()
): CycleView[] {
  return cycles.filter((c) => Date.parse(c.cutoffAt) > now && !c.full && !closedIds.includes(c.id))
}

/** The cycle an availability answer says refuses orders, as a list for orderableCycles. */
export function closedCycleIds(availability: AvailabilityView | null | undefined): string[] {
  return availability && !availability.open && availability.cycleId ? [availability.cycleId] : []
}

/** Storage class of a product at the pickup point: chilled when product.metadata.perishability === "chilled". */
export type StorageClass = "chilled" | "ambient"

/** Why my point's cycle takes no (more) orders, as the backend says it; "full" is a class without places left. */
export type UnavailableReason = "cutoff_passed" | "batch_closed" | "no_cycle" | "full"

/** GET /store/pickup-points/:id/availability: can my point's current cycle take an order of each class? */
export type AvailabilityView = {
  cycleId: string | null
  open: boolean
  reason: Exclude<UnavailableReason, "full"> | null
  remaining: Record<StorageClass, number>
}

export function storageClassOf(perishability: string | null | undefined): StorageClass {
  return perishability === "chilled" ? "chilled" : "ambient"
}

/**
 * Why a product of this class cannot be ordered for my point's cycle, or null
 * when it can (or when the availability is not known: the backend then decides
 * at checkout and says so).
 */
export function unavailableReason(
  availability: AvailabilityView | null | undefined,
  storage: StorageClass
): UnavailableReason | null {
  if (!availability) return null
  if (!availability.open) return availability.reason ?? "no_cycle"
  return availability.remaining[storage] <= 0 ? "full" : null
}

/** What checkout warns about before the resident submits: the cycle closed, or a storage class without places left. */
export function availabilityNotes(
  availability: AvailabilityView | null
): Array<`availability.${Exclude<UnavailableReason, "full">}` | `availability.full.${StorageClass}`> {
  if (!availability) return []
  if (!availability.open) return [`availability.${availability.reason ?? "no_cycle"}`]
  return (["chilled", "ambient"] as const)
    .filter((c) => availability.remaining[c] <= 0)
    .map((c) => `availability.full.${c}` as const)
}

export const PARTIES = ["household", "cooperative", "property_office", "platform"] as const
export type Party = (typeof PARTIES)[number]

export type VariantBreakdown = {
  variantId: string
  title: string
  priceFen: Fen
  sharesFen: Record<Party, Fen>
}

export type PriceBreakdown = {
  productId: string
  policyVersion: number
  householdCodes: string[]
  variants: VariantBreakdown[]
}

/**
 * Medusa's order state → what a resident understands. Pickup status, once the
 * pickup backend reports it, is the truth; until then an order is placed,
 * canceled, or collected when Medusa says it was delivered.
 */
export function orderStatus(order: {
  status?: string | null
  fulfillment_status?: string | null
  pickupStatus?: string | null
}): OrderStatus {
  if (order.status === "canceled") return "canceled"
  switch (order.pickupStatus) {
    case "ready":
    case "collected":
    case "uncollected":
    case "canceled":
      return order.pickupStatus
  }
  if (order.fulfillment_status === "delivered" || order.status === "completed") return "collected"
  return "placed"
}

const SHANGHAI = "Asia/Shanghai"

/** "11月29日 22:00" in Shanghai time, whatever the server's or phone's zone. */
export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", {
    timeZone: SHANGHAI,
    month: lang === "en" ? "short" : "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(iso))
}

/** "11月29日 16:00–20:00"; the end date is repeated only when the window spans days. */
export function formatWindow(startIso: string, endIso: string, lang: string): string {
  const start = formatDateTime(startIso, lang)
  const sameDay = shanghaiDate(startIso) === shanghaiDate(endIso)
  const end = sameDay
    ? new Intl.DateTimeFormat("en-GB", {
        timeZone: SHANGHAI,
        hour: "2-digit",
        minute: "2-digit",
        hour12: false,
      }).format(new Date(endIso))
    : formatDateTime(endIso, lang)
  return `${start}–${end}`
}

function shanghaiDate(iso: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: SHANGHAI }).format(new Date(iso))
}

/** 3 h 05 min → "3小时05分" / "3 h 05 min"; under a minute → "不到1分钟". */
export function formatCountdown(ms: number, lang: string): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (lang === "en") {
    if (minutes === 0) return "under a minute"
    return [days ? `${days} d` : "", hours || days ? `${hours} h` : "", `${String(mins).padStart(2, "0")} min`]
      .filter(Boolean)
      .join(" ")
  }
  if (minutes === 0) return "不到1分钟"
  return `${days ? `${days}天` : ""}${hours || days ? `${hours}小时` : ""}${String(mins).padStart(2, "0")}分`
}
