/**
 * Manifests of one batch (one cycle at one point): the pickup list by resident
 * and the harvest list by household, as rows (CSV: utils/csv.ts).
 */
export type PickupListRow = {
  bag_number: number
  resident: string
  phone_last4: string
  order_id: string
  status: string
  items: string
  amount_to_collect_fen: number
  /** Harvest batch and 合格证 of each traced line ("苹果：2026-11-25 采收 合格证 HGZ-…"), decision 023; "" until traced. */
  harvest_batches: string
}

export type HarvestListRow = {
  producer: string
  household_ids: string
  cooperative_id: string
  product_id: string
  variant_id: string
  title: string
  quantity: number
}

/** "王小明" → "王**", "Alex" → "A***": enough for the counter, not a full name. */
export function maskResidentName(name: string | null | undefined): string {
  const chars = Array.from((name ?? "").trim())
  if (!chars.length) return "*"
  return chars[0] + "*".repeat(Math.max(1, chars.length - 1))
}

export function phoneLast4(phone: string | null | undefined): string {
  const digits = (phone ?? "").replace(/\D/g, "")
  return digits.length >= 4 ? digits.slice(-4) : ""
}

export const PICKUP_LIST_COLUMNS: Array<keyof PickupListRow & string> = [
  "bag_number",
  "resident",
  "phone_last4",
  "order_id",
  "status",
  "items",
  "amount_to_collect_fen",
  "harvest_batches",
]

export const HARVEST_LIST_COLUMNS: Array<keyof HarvestListRow & string> = [
  "producer",
  "household_ids",
  "cooperative_id",
  "product_id",
  "variant_id",
  "title",
  "quantity",
]

export type ManifestLine = {
  product_id: string | null
  variant_id: string | null
  title: string
  quantity: number
  short_quantity: number
}
export type Attribution = { cooperative_id: string | null; household_ids: string[] } | null

/**
 * Sums lines per producer and variant. A product from one household is that
 * household's to pick; a cooperative's product with several households is
 * listed under the cooperative with its households.
 */
export function harvestList(lines: ManifestLine[], attributions: Map<string, Attribution>): HarvestListRow[] {
  const rows = new Map<string, HarvestListRow>()
  for (const line of lines) {
    const a = line.product_id ? (attributions.get(line.product_id) ?? null) : null
    const households = a?.household_ids ?? []
    const producer =
      households.length === 1
        ? `household:${households[0]}`
        : a?.cooperative_id
          ? `cooperative:${a.cooperative_id}`
          : "unattributed"
    const key = `${producer}|${line.variant_id ?? line.title}`
    const row = rows.get(key) ?? {
      producer,
      household_ids: households.join(" "),
      cooperative_id: a?.cooperative_id ?? "",
      product_id: line.product_id ?? "",
      variant_id: line.variant_id ?? "",
      title: line.title,
      quantity: 0,
    }
    row.quantity += line.quantity
    rows.set(key, row)
  }
  return [...rows.values()].sort((x, y) =>
    x.producer === y.producer ? x.title.localeCompare(y.title) : x.producer < y.producer ? -1 : 1
  )
}

/** "苹果：2026-11-25 采收 合格证 HGZ-1"; a recalled batch is marked 已召回 so the counter holds the bag back. */
export function harvestBatchNote(
  title: string,
  batch: { harvested_on: string; certificate_no: string; recalled: boolean }
): string {
  return `${title}：${batch.harvested_on} 采收 合格证 ${batch.certificate_no}${batch.recalled ? "（已召回）" : ""}`
}
