import crypto from "node:crypto"
import { data, redirect } from "react-router"
import { parseForm, type FieldErrors } from "../../forms"
import type { MessageKey } from "../../i18n"
import { householdBody, householdSchema, householdSearchSchema, listingBody, listingSchema } from "../../office/schemas"
import { StaffHttpError } from "./client.server"
import { OFFICE_HEADERS, requireStaff, safeId, type OfficeDeps, type StaffContext } from "./context.server"

/**
 * Listing for farmers: households registered on their behalf, their counter
 * view, and product listings with photos and a harvest batch. Every create
 * carries an idempotency key made when the form was drawn (a hidden field), so
 * a double tap or a resubmitted page creates one record.
 */
const rec = (value: unknown): Record<string, unknown> => (value && typeof value === "object" ? (value as Record<string, unknown>) : {})
const n = (value: unknown) => (Number.isFinite(Number(value)) ? Number(value) : 0)
const s = (value: unknown) => (value === null || value === undefined ? "" : String(value))

export const newIdempotencyKey = () => `office_${crypto.randomUUID()}`

/** A staff route that is still being built answers Express's bare 404: the page says so instead of failing. */
async function optional<T>(read: () => Promise<T>): Promise<{ available: true; value: T } | { available: false }> {
  try {
    return { available: true, value: await read() }
  } catch (error) {
    if (error instanceof StaffHttpError && error.missingRoute) return { available: false }
    throw error
  }
}

export type HouseholdRow = { id: string; code: string; displayName: string; village: string }

const toHousehold = (raw: unknown): HouseholdRow => {
  const h = rec(raw)
  return { id: s(h.id), code: s(h.code), displayName: s(h.display_name ?? h.name), village: s(rec(h.village).name ?? h.village_name) }
}

export async function householdsLoader(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  const url = new URL(request.url)
  const search = householdSearchSchema.safeParse({ q: url.searchParams.get("q") ?? undefined })
  const q = search.success ? search.data.q : ""
  const answer = await optional(() => ctx.call<{ households?: unknown[] }>("listing households", "/pickup-staff/households", { query: { q, limit: 50 } }))
  return data(
    {
      available: answer.available,
      q,
      households: answer.available ? (answer.value.households ?? []).map(toHousehold) : [],
      notice: url.searchParams.get("notice") === "created",
    },
    { headers: OFFICE_HEADERS }
  )
}

export type VillageOption = { id: string; name: string; cooperatives: Array<{ id: string; name: string }> }

async function villages(ctx: StaffContext) {
  return optional(async () => {
    const { villages } = await ctx.call<{ villages?: unknown[] }>("listing villages", "/pickup-staff/villages")
    return (villages ?? []).map((raw): VillageOption => {
      const v = rec(raw)
      return {
        id: s(v.id),
        name: s(v.name),
        cooperatives: (Array.isArray(v.cooperatives) ? v.cooperatives : []).map((c) => ({ id: s(rec(c).id), name: s(rec(c).name) })),
      }
    })
  })
}

export async function newHouseholdLoader(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  const answer = await villages(ctx)
  return data(
    {
      available: answer.available,
      villages: answer.available ? answer.value : [],
      idempotencyKey: newIdempotencyKey(),
      today: new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(deps.now?.() ?? new Date()),
    },
    { headers: OFFICE_HEADERS }
  )
}

export type FarmerActionData = { ok: false; errors: FieldErrors; values?: Record<string, string>; problem?: MessageKey }

/** "village_id: must be …" from a 400 → the form field it names, when it is one of ours. */
function fieldOf(error: StaffHttpError, fields: readonly string[]): string | undefined {
  const message = typeof error.body.message === "string" ? error.body.message : ""
  return fields.find((f) => new RegExp(`\\b${f}\\b`).test(message))
}

export async function householdAction(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  const parsed = parseForm(householdSchema, await request.formData())
  if (!parsed.ok) return data<FarmerActionData>({ ok: false, errors: parsed.errors, values: parsed.values }, { status: 400, headers: OFFICE_HEADERS })
  try {
    await ctx.call("registering a household", "/pickup-staff/households", { method: "POST", body: householdBody(parsed.data) })
  } catch (error) {
    if (error instanceof StaffHttpError && error.status === 400) {
      const field = fieldOf(error, ["village_id", "cooperative_id", "display_name", "national_id", "phone", "bank_account", "signed_on"]) ?? "display_name"
      return data<FarmerActionData>({ ok: false, errors: { [field]: "form.invalid" } }, { status: 400, headers: OFFICE_HEADERS })
    }
    throw error
  }
  throw redirect("/office/households?notice=created", { status: 303, headers: OFFICE_HEADERS })
}

export async function counterLoader(deps: OfficeDeps, request: Request, id: string | undefined) {
  const ctx = await requireStaff(deps, request)
  const householdId = safeId(id)
  const answer = await ctx.read<Record<string, unknown>>(`loading the counter view of ${householdId}`, `/pickup-staff/households/${householdId}/counter`)
  const household = toHousehold(answer.household)
  const period = rec(answer.period)
  const statement = answer.latest_statement ? rec(answer.latest_statement) : null
  return data(
    {
      household,
      period: {
        name: period.name ? s(period.name) : null,
        start: s(period.start ?? period.pickup_starts_at) || null,
        end: s(period.end ?? period.pickup_ends_at) || null,
      },
      sold: (Array.isArray(answer.sold) ? answer.sold : []).map((raw) => {
        const r = rec(raw)
        return { product: s(r.product_title), variant: s(r.variant_title), quantity: n(r.quantity), amountFen: n(r.amount_fen) }
      }),
      accruedFen: n(answer.accrued_fen),
      earnedFen: n(answer.earned_fen),
      statement: statement
        ? { id: s(statement.id), start: s(statement.period_start) || null, end: s(statement.period_end) || null, totalFen: n(statement.total_fen), paid: statement.status === "paid" }
        : null,
    },
    { headers: OFFICE_HEADERS }
  )
}

export type ListingRow = { id: string; title: string; household: string; status: string; rejectReason: string | null; priceFen: number | null }

export async function listingsLoader(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  const answer = await optional(() => ctx.call<{ listings?: unknown[] }>("listing my listings", "/pickup-staff/listings", { query: { limit: 50 } }))
  return data(
    {
      available: answer.available,
      notice: new URL(request.url).searchParams.get("notice") === "created",
      listings: answer.available
        ? (answer.value.listings ?? []).map((raw): ListingRow => {
            const l = rec(raw)
            return {
              id: s(l.id),
              title: s(l.title),
              household: s(rec(l.household).display_name ?? l.household_name ?? l.household_id),
              status: s(l.status),
              rejectReason: l.reject_reason || l.rejection_reason ? s(l.reject_reason ?? l.rejection_reason) : null,
              priceFen: l.price_fen === undefined ? null : n(l.price_fen),
            }
          })
        : [],
    },
    { headers: OFFICE_HEADERS }
  )
}

export async function newListingLoader(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  const [households, categories] = await Promise.all([
    optional(() => ctx.call<{ households?: unknown[] }>("listing households", "/pickup-staff/households", { query: { limit: 100 } })),
    optional(() => ctx.call<{ product_categories?: unknown[]; categories?: unknown[] }>("listing categories", "/pickup-staff/categories")),
  ])
  const preselect = new URL(request.url).searchParams.get("household") ?? ""
  return data(
    {
      available: households.available && categories.available,
      households: households.available ? (households.value.households ?? []).map(toHousehold) : [],
      categories: categories.available
        ? (categories.value.product_categories ?? categories.value.categories ?? []).map((raw) => ({ id: s(rec(raw).id), name: s(rec(raw).name) }))
        : [],
      preselect,
      idempotencyKey: newIdempotencyKey(),
      today: new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(deps.now?.() ?? new Date()),
    },
    { headers: OFFICE_HEADERS }
  )
}

const files = (form: FormData, name: string) => form.getAll(name).filter((f): f is File => typeof f !== "string" && f.size > 0)

async function upload(deps: OfficeDeps, ctx: StaffContext, chosen: File[]): Promise<string[]> {
  const form = new FormData()
  for (const file of chosen) form.append("files", file, file.name || "photo.jpg")
  const answer = await deps.client.upload<{ files?: Array<{ url?: string }> }>("uploading listing photos", "/pickup-staff/uploads", ctx.token, form)
  return (answer.files ?? []).map((f) => s(f.url)).filter(Boolean)
}

export async function listingAction(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  const form = await request.formData()
  const parsed = parseForm(listingSchema, form)
  const photos = files(form, "photos")
  const certificate = files(form, "certificate_photo")
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
  if (!photos.length) errors.photos = "form.office.photo"
  if (!certificate.length) errors.certificate_photo = "form.office.photo"
  if (!parsed.ok || Object.keys(errors).length) {
    return data<FarmerActionData>({ ok: false, errors, values: parsed.ok ? undefined : parsed.values }, { status: 400, headers: OFFICE_HEADERS })
  }
  try {
    const [imageUrls, [certificateUrl]] = await Promise.all([upload(deps, ctx, photos), upload(deps, ctx, certificate)])
    await ctx.call("creating a listing", "/pickup-staff/listings", { method: "POST", body: listingBody(parsed.data, imageUrls, certificateUrl ?? "") })
  } catch (error) {
    if (error instanceof StaffHttpError && error.status === 400) {
      const field = fieldOf(error, ["household_id", "category_id", "title", "description", "price", "unit_label", "stock", "certificate_no"]) ?? "title"
      return data<FarmerActionData>({ ok: false, errors: { [field]: "form.invalid" } }, { status: 400, headers: OFFICE_HEADERS })
    }
    throw error
  }
  throw redirect("/office/listings?notice=created", { status: 303, headers: OFFICE_HEADERS })
}
