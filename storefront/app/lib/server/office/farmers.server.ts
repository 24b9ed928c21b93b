import crypto from "node:crypto"
import { data, redirect } from "react-router"
import { parseForm, type FieldErrors } from "../../forms"
import type { MessageKey } from "../../i18n"
import { householdBody, householdSchema, householdSearchSchema, listingBody, listingSchema } from "../../office/schemas"
import {
  categoriesSchema,
  householdCounterSchema,
  householdsSchema,
  listingsSchema,
  uploadsSchema,
  villagesSchema,
  type staffHouseholdSchema,
} from "../../contract"
import type { z } from "zod"
import { StaffHttpError } from "./client.server"
import { OFFICE_HEADERS, requireStaff, safeId, type OfficeDeps, type StaffContext } from "./context.server"

/**
 * Listing for farmers: households registered on their behalf, their counter
 * view, and product listings with photos and a harvest batch. Every create
 * carries an idempotency key made when the form was drawn (a hidden field), so
 * a double tap or a resubmitted page creates one record.
 */

export const newIdempotencyKey = () => `office_${crypto.randomUUID()}`

export type HouseholdRow = { id: string; code: string; displayName: string; village: string }

const toHousehold = (h: z.infer<typeof staffHouseholdSchema>): HouseholdRow => ({
  id: h.id,
  code: h.code,
  displayName: h.display_name,
  village: h.village.name,
})

export async function householdsLoader(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  const url = new URL(request.url)
  const search = householdSearchSchema.safeParse({ q: url.searchParams.get("q") ?? undefined })
  const q = search.success ? search.data.q : ""
  const answer = householdsSchema.parse(
    await ctx.call<unknown>("listing households", "/pickup-staff/households", { query: { q, limit: 50 } })
  )
  return data(
    {
      q,
      households: answer.households.map(toHousehold),
      notice: url.searchParams.get("notice") === "created",
    },
    { headers: OFFICE_HEADERS }
  )
}

export type VillageOption = { id: string; name: string; cooperatives: Array<{ id: string; name: string }> }

async function villages(ctx: StaffContext): Promise<VillageOption[]> {
  const { villages } = villagesSchema.parse(await ctx.call<unknown>("listing villages", "/pickup-staff/villages"))
  return villages.map((v) => ({ id: v.id, name: v.name, cooperatives: v.cooperatives }))
}

export async function newHouseholdLoader(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  return data(
    {
      villages: await villages(ctx),
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
  if (!parsed.ok)
    return data<FarmerActionData>(
      { ok: false, errors: parsed.errors, values: parsed.values },
      { status: 400, headers: OFFICE_HEADERS }
    )
  try {
    await ctx.call("registering a household", "/pickup-staff/households", {
      method: "POST",
      body: householdBody(parsed.data),
    })
  } catch (error) {
    if (error instanceof StaffHttpError && error.status === 400) {
      const field =
        fieldOf(error, [
          "village_id",
          "cooperative_id",
          "display_name",
          "national_id",
          "phone",
          "bank_account",
          "signed_on",
        ]) ?? "display_name"
      return data<FarmerActionData>(
        { ok: false, errors: { [field]: "form.invalid" } },
        { status: 400, headers: OFFICE_HEADERS }
      )
    }
    throw error
  }
  throw redirect("/office/households?notice=created", { status: 303, headers: OFFICE_HEADERS })
}

export async function counterLoader(deps: OfficeDeps, request: Request, id: string | undefined) {
  const ctx = await requireStaff(deps, request)
  const householdId = safeId(id)
  const answer = householdCounterSchema.parse(
    await ctx.read<unknown>(
      `loading the counter view of ${householdId}`,
      `/pickup-staff/households/${householdId}/counter`
    )
  )
  const { period, latest_statement: statement } = answer
  return data(
    {
      household: toHousehold(answer.household),
      period:
        period.type === "cycle"
          ? { name: period.name, start: period.pickup_starts_at, end: period.pickup_ends_at }
          : { name: null, start: period.start, end: period.end },
      sold: answer.sold.map((r) => ({
        product: r.product_title ?? "",
        variant: r.variant_title ?? "",
        quantity: r.quantity ?? 0,
        amountFen: r.amount_fen,
      })),
      accruedFen: answer.accrued_fen,
      earnedFen: answer.earned_fen,
      statement: statement
        ? {
            id: statement.id,
            start: statement.period_start,
            end: statement.period_end,
            totalFen: statement.total_fen,
            paid: statement.status === "paid",
          }
        : null,
    },
    { headers: OFFICE_HEADERS }
  )
}

export type ListingRow = {
  id: string
  title: string
  household: string
  status: string
  rejectReason: string | null
  priceFen: number | null
}

export async function listingsLoader(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  const answer = listingsSchema.parse(
    await ctx.call<unknown>("listing my listings", "/pickup-staff/listings", { query: { limit: 50 } })
  )
  return data(
    {
      notice: new URL(request.url).searchParams.get("notice") === "created",
      listings: answer.listings.map(
        (l): ListingRow => ({
          id: l.id,
          title: l.title,
          household: l.household?.display_name ?? "",
          status: l.status,
          rejectReason: l.reject_reason,
          priceFen: l.price_fen,
        })
      ),
    },
    { headers: OFFICE_HEADERS }
  )
}

export async function newListingLoader(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  const [households, categories] = await Promise.all([
    ctx
      .call<unknown>("listing households", "/pickup-staff/households", { query: { limit: 100 } })
      .then((raw) => householdsSchema.parse(raw)),
    ctx.call<unknown>("listing categories", "/pickup-staff/categories").then((raw) => categoriesSchema.parse(raw)),
  ])
  const preselect = new URL(request.url).searchParams.get("household") ?? ""
  return data(
    {
      households: households.households.map(toHousehold),
      categories: categories.categories.map((c) => ({ id: c.id, name: c.name })),
      preselect,
      idempotencyKey: newIdempotencyKey(),
      today: new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(deps.now?.() ?? new Date()),
    },
    { headers: OFFICE_HEADERS }
  )
}

const files = (form: FormData, name: string) =>
  form.getAll(name).filter((f): f is File => typeof f !== "string" && f.size > 0)

async function upload(deps: OfficeDeps, ctx: StaffContext, chosen: File[]): Promise<string[]> {
  const form = new FormData()
  for (const file of chosen) form.append("files", file, file.name || "photo.jpg")
  const answer = uploadsSchema.parse(
    await deps.client.upload<unknown>("uploading listing photos", "/pickup-staff/uploads", ctx.token, form)
  )
  return answer.files.map((f) => f.url)
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
    return data<FarmerActionData>(
      { ok: false, errors, values: parsed.ok ? undefined : parsed.values },
      { status: 400, headers: OFFICE_HEADERS }
    )
  }
  try {
    const [imageUrls, [certificateUrl]] = await Promise.all([upload(deps, ctx, photos), upload(deps, ctx, certificate)])
    await ctx.call("creating a listing", "/pickup-staff/listings", {
      method: "POST",
      body: listingBody(parsed.data, imageUrls, certificateUrl ?? ""),
    })
  } catch (error) {
    if (error instanceof StaffHttpError && error.status === 400) {
      const field =
        fieldOf(error, [
          "household_id",
          "category_id",
          "title",
          "description",
          "price",
          "unit_label",
          "stock",
          "certificate_no",
        ]) ?? "title"
      return data<FarmerActionData>(
        { ok: false, errors: { [field]: "form.invalid" } },
        { status: 400, headers: OFFICE_HEADERS }
      )
    }
    throw error
  }
  throw redirect("/office/listings?notice=created", { status: 303, headers: OFFICE_HEADERS })
}
