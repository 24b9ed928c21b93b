import { data, redirect } from "react-router"
import { parseForm, type FieldErrors } from "../../forms"
import type { MessageKey } from "../../i18n"
import {
  checkInSchema,
  disposalSchema,
  handoverBody,
  handoverSchema,
  lookupSchema,
  POLICIES,
  shortagesFrom,
  type CheckInRow,
  handoverLines,
  type Policy,
} from "../../office/schemas"
import { StaffHttpError } from "./client.server"
import { notFound, OFFICE_HEADERS, requireStaff, safeId, type OfficeDeps, type StaffContext } from "./context.server"

/**
 * Loaders and actions of the pickup pages: today, receiving a batch, handing
 * over, uncollected orders, printed lists and CSV. The backend decides what a
 * staff member may see (another point's records answer 404); these only turn
 * its answers into pages.
 */
const ORDER_STATUSES = ["placed", "ready", "collected", "uncollected", "canceled"] as const
type Counts = Record<(typeof ORDER_STATUSES)[number], number>

const n = (value: unknown): number => {
  const number = Number(value)
  return Number.isFinite(number) ? number : 0
}
const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null)
const rec = (value: unknown): Record<string, unknown> => (value && typeof value === "object" ? (value as Record<string, unknown>) : {})

export type BatchSummary = {
  id: string
  status: string
  arrivedAt: string | null
  cycle: { pickupStartAt: string | null; pickupEndAt: string | null; residentCutoffAt: string | null } | null
  counts: Counts | null
  shortLines: number | null
}

function toCycle(raw: unknown): BatchSummary["cycle"] {
  const c = rec(raw)
  if (!Object.keys(c).length) return null
  return {
    pickupStartAt: str(c.pickup_start_at) ?? str(c.pickup_starts_at),
    pickupEndAt: str(c.pickup_end_at) ?? str(c.pickup_ends_at),
    residentCutoffAt: str(c.resident_cutoff_at),
  }
}

function toCounts(raw: unknown): Counts | null {
  const c = rec(raw)
  if (!Object.keys(c).length) return null
  return Object.fromEntries(ORDER_STATUSES.map((s) => [s, n(c[s])])) as Counts
}

export async function todayLoader(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  const pointId = ctx.point.id
  try {
    const today = await ctx.call<{ batches?: unknown[]; uncollected_pending?: unknown }>(`loading today at ${pointId}`, `/pickup-staff/points/${pointId}/today`)
    const batches: BatchSummary[] = (today.batches ?? []).map((raw) => {
      const entry = rec(raw)
      const batch = rec(entry.batch)
      return {
        id: String(batch.id ?? ""),
        status: String(batch.status ?? ""),
        arrivedAt: str(batch.arrived_at),
        cycle: toCycle(entry.cycle),
        counts: toCounts(entry.counts),
        shortLines: Array.isArray(entry.short_lines) ? entry.short_lines.length : entry.short_lines === undefined ? null : n(entry.short_lines),
      }
    })
    return data({ point: ctx.point, summary: true, batches, uncollectedPending: n(today.uncollected_pending) }, { headers: OFFICE_HEADERS })
  } catch (error) {
    if (!(error instanceof StaffHttpError && error.missingRoute)) throw error
  }
  // GET …/today is being built: the point's latest batches meanwhile.
  const { batches } = await ctx.call<{ batches: unknown[] }>(`listing batches at ${pointId}`, `/pickup-staff/points/${pointId}/batches`, { query: { limit: 5 } })
  return data(
    {
      point: ctx.point,
      summary: false,
      batches: batches.map((raw): BatchSummary => {
        const b = rec(raw)
        return { id: String(b.id), status: String(b.status ?? ""), arrivedAt: str(b.arrived_at), cycle: toCycle(b.cycle), counts: null, shortLines: null }
      }),
      uncollectedPending: null as number | null,
    },
    { headers: OFFICE_HEADERS }
  )
}

export type PickupRow = { bag: number; resident: string; phoneLast4: string; orderId: string; status: string; items: string; amountFen: number }
/** A harvest row: producers by public code and display name (never registry data); ids kept as a fallback. */
export type HarvestRow = {
  producer: string
  householdIds: string
  householdCodes: string
  householdNames: string
  cooperativeId: string
  cooperativeName: string
  variantId: string
  title: string
  quantity: number
}

type ManifestAnswer = { batch: { id: string; status: string }; rows: unknown[] }

async function manifest(ctx: StaffContext, batchId: string, kind: "pickup" | "harvest") {
  return ctx.read<ManifestAnswer>(`loading the ${kind} list of ${batchId}`, `/pickup-staff/batches/${batchId}/manifest`, { query: { kind, format: "json" } })
}

const toPickupRow = (raw: unknown): PickupRow => {
  const r = rec(raw)
  return {
    bag: n(r.bag_number),
    resident: String(r.resident ?? ""),
    phoneLast4: String(r.phone_last4 ?? ""),
    orderId: String(r.order_id ?? ""),
    status: String(r.status ?? ""),
    items: String(r.items ?? ""),
    amountFen: n(r.amount_to_collect_fen),
  }
}

const toHarvestRow = (raw: unknown): HarvestRow => {
  const r = rec(raw)
  return {
    producer: String(r.producer ?? ""),
    householdIds: String(r.household_ids ?? ""),
    householdCodes: String(r.household_codes ?? ""),
    householdNames: String(r.household_names ?? ""),
    cooperativeId: String(r.cooperative_id ?? ""),
    cooperativeName: String(r.cooperative_name ?? ""),
    variantId: String(r.variant_id ?? ""),
    title: String(r.title ?? ""),
    quantity: n(r.quantity),
  }
}

/** What the check-in form asks for: one box per variant, the quantity ordered as expected. */
export function checkInRows(harvest: HarvestRow[]): CheckInRow[] {
  const rows = new Map<string, CheckInRow>()
  for (const row of harvest) {
    if (!row.variantId) continue
    const existing = rows.get(row.variantId)
    if (existing) existing.expected += row.quantity
    else rows.set(row.variantId, { variant_id: row.variantId, title: row.title, expected: row.quantity })
  }
  return [...rows.values()]
}

async function loadBatch(ctx: StaffContext, batchId: string) {
  const [pickup, harvest] = await Promise.all([manifest(ctx, batchId, "pickup"), manifest(ctx, batchId, "harvest")])
  const harvestRows = harvest.rows.map(toHarvestRow)
  return {
    batch: { id: pickup.batch.id, status: pickup.batch.status },
    pickup: pickup.rows.map(toPickupRow),
    harvest: harvestRows,
    checkIn: checkInRows(harvestRows),
  }
}

export async function batchLoader(deps: OfficeDeps, request: Request, id: string | undefined) {
  const ctx = await requireStaff(deps, request)
  const batchId = safeId(id)
  const notice = new URL(request.url).searchParams.get("notice")
  const loaded = await loadBatch(ctx, batchId)
  // The check-in's outcome, flashed by the action: shown once, then gone from the cookie.
  const session = await deps.sessions.get(request)
  const flashed = session.get("checkIn")
  const checkIn = flashed && flashed.batchId === batchId ? { readyCount: flashed.readyCount, shortages: flashed.shortages } : null
  const headers = new Headers(OFFICE_HEADERS)
  if (flashed) headers.append("Set-Cookie", await deps.sessions.commit(request, session))
  return data({ ...loaded, checkInResult: checkIn as CheckInResult | null, notice: notice === "arrived" ? ("arrived" as const) : null }, { headers })
}

export type CheckInResult = { readyCount: number; shortages: Array<{ orderId: string; lineItemId: string; shortQuantity: number; refundFen: number }> }
export type BatchActionData = { ok: false; errors: FieldErrors; values?: Record<string, string>; problem?: MessageKey }

export async function batchAction(deps: OfficeDeps, request: Request, id: string | undefined) {
  const ctx = await requireStaff(deps, request)
  const batchId = safeId(id)
  const form = await request.formData()
  if (form.get("intent") === "arrive") {
    try {
      await ctx.read(`marking ${batchId} arrived`, `/pickup-staff/batches/${batchId}/arrive`, { method: "POST", body: {} })
    } catch (error) {
      // A second tap (or a colleague) got there first: the batch has arrived either way.
      if (!(error instanceof StaffHttpError && (error.status === 400 || error.status === 409))) throw error
    }
    throw redirect(`/office/batches/${batchId}?notice=arrived`, { status: 303, headers: OFFICE_HEADERS })
  }
  // The form is checked against the batch as the backend has it now, not as the page was drawn.
  const { checkIn } = await loadBatch(ctx, batchId)
  const parsed = parseForm(checkInSchema(checkIn), form)
  if (!parsed.ok) return data<BatchActionData>({ ok: false, errors: parsed.errors, values: parsed.values }, { status: 400, headers: OFFICE_HEADERS })
  const shortages = shortagesFrom(checkIn, parsed.data as Record<string, unknown>)
  try {
    const answer = await ctx.read<{ ready_count?: unknown; shortages?: unknown[] }>(`checking in ${batchId}`, `/pickup-staff/batches/${batchId}/check-in`, {
      method: "POST",
      body: { shortages },
    })
    const result: CheckInResult = {
      readyCount: n(answer.ready_count),
      shortages: (answer.shortages ?? []).map((raw) => {
        const s = rec(raw)
        return { orderId: String(s.order_id ?? ""), lineItemId: String(s.line_item_id ?? ""), shortQuantity: n(s.short_quantity), refundFen: n(s.refund_fen) }
      }),
    }
    // Post → redirect → get: the page shows the batch as it is now, and a refresh cannot post the check-in again.
    const session = await deps.sessions.get(request)
    session.flash("checkIn", { batchId, ...result })
    throw redirect(`/office/batches/${batchId}?notice=checked`, { status: 303, headers: { "Set-Cookie": await deps.sessions.commit(request, session), ...OFFICE_HEADERS } })
  } catch (error) {
    if (error instanceof Response) throw error
    if (error instanceof StaffHttpError && (error.status === 400 || error.status === 409)) {
      return data<BatchActionData>({ ok: false, errors: {}, problem: "office.batch.alreadyChecked" }, { status: 409, headers: OFFICE_HEADERS })
    }
    throw error
  }
}

export async function printLoader(deps: OfficeDeps, request: Request, id: string | undefined) {
  const ctx = await requireStaff(deps, request)
  const batchId = safeId(id)
  const kind = new URL(request.url).searchParams.get("kind") === "harvest" ? "harvest" : "pickup"
  const answer = await manifest(ctx, batchId, kind)
  return data(
    {
      kind,
      batch: answer.batch,
      point: ctx.point,
      pickup: kind === "pickup" ? answer.rows.map(toPickupRow).sort((a, b) => a.bag - b.bag) : [],
      harvest: kind === "harvest" ? answer.rows.map(toHarvestRow) : [],
      printedAt: (deps.now?.() ?? new Date()).toISOString(),
    },
    { headers: OFFICE_HEADERS }
  )
}

/** The backend's CSV, passed through with this staff member's token and a download name. */
export async function csvLoader(deps: OfficeDeps, request: Request, id: string | undefined) {
  const ctx = await requireStaff(deps, request)
  const batchId = safeId(id)
  const kind = new URL(request.url).searchParams.get("kind") === "harvest" ? "harvest" : "pickup"
  let res: Response
  try {
    res = await deps.client.raw(`downloading the ${kind} CSV of ${batchId}`, `/pickup-staff/batches/${batchId}/manifest`, {
      token: ctx.token,
      query: { kind, format: "csv" },
    })
  } catch (error) {
    if (error instanceof StaffHttpError && error.status === 401) {
      throw redirect("/office/login?expired=1", { status: 303, headers: OFFICE_HEADERS })
    }
    if (error instanceof StaffHttpError && error.status === 404) throw notFound()
    throw error
  }
  return new Response(res.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${batchId}-${kind}.csv"`,
      ...OFFICE_HEADERS,
    },
  })
}

export type PickupView = {
  id: string
  orderId: string
  status: string
  bagNumber: number | null
  resident: string
  phoneLast4: string
  amountToCollectFen: number
  lines: Array<{ lineItemId: string; title: string; quantity: number; shortQuantity: number; handedOver: number; available: number }>
}

export function toPickupView(raw: unknown): PickupView {
  const p = rec(raw)
  return {
    id: String(p.id ?? ""),
    orderId: String(p.order_id ?? ""),
    status: String(p.status ?? ""),
    bagNumber: p.bag_number === null || p.bag_number === undefined ? null : n(p.bag_number),
    resident: String(p.resident ?? "*"),
    phoneLast4: String(p.phone_last4 ?? ""),
    amountToCollectFen: Math.max(0, n(p.order_total_fen) - n(p.collect_reduction_fen) - n(p.refunded_fen)),
    lines: (Array.isArray(p.lines) ? p.lines : []).map((raw) => {
      const l = rec(raw)
      const quantity = n(l.quantity)
      const shortQuantity = n(l.short_quantity)
      return {
        lineItemId: String(l.line_item_id ?? ""),
        title: String(l.title ?? ""),
        quantity,
        shortQuantity,
        handedOver: n(l.handed_over_quantity),
        available: Math.max(0, quantity - shortQuantity),
      }
    }),
  }
}


type Proof = { code: string } | { token: string }

export type HandoverActionData =
  | { step: "lookup"; errors: FieldErrors; values?: Record<string, string>; problem?: { key: MessageKey; params?: Record<string, string> } }
  | { step: "confirm"; pickup: PickupView; proof: Proof; errors: FieldErrors; values?: Record<string, string>; problem?: { key: MessageKey; params?: Record<string, string> } }
  | { step: "done"; pickup: PickupView; kind: "full" | "partial"; amountToCollectFen: number }

/** "HH:mm" in Asia/Shanghai, where the counter is. */
export function shanghaiTime(iso: unknown): string {
  const date = new Date(typeof iso === "string" ? iso : Date.now())
  return new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date)
}

/** The backend's refusal in words for the counter. */
function refusal(error: StaffHttpError, kind: "lookup" | "handover"): { field?: MessageKey; problem?: { key: MessageKey; params?: Record<string, string> } } {
  switch (error.status) {
    case 429:
      return { problem: { key: "office.handover.locked", params: { time: shanghaiTime(error.body.locked_until) } } }
    case 409:
      return { problem: { key: "office.handover.used" } }
    case 404:
      return { problem: { key: "office.handover.otherPoint" } }
    case 422:
      return { field: error.body.type === "bad_token" ? "office.handover.badToken" : "office.handover.wrongCode" }
    default:
      if (kind === "lookup") return { field: "office.handover.wrongCode" }
      // The backend's own words (Chinese first) say why, e.g. the order is not checked in yet.
      return { problem: { key: "office.handover.refused", params: { reason: String(error.body.message ?? "").replace(/\s*\([^)]*\)\s*$/, "") } } }
  }
}

export async function handoverLoader(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  return data({ point: ctx.point }, { headers: OFFICE_HEADERS })
}

export async function handoverAction(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  const form = await request.formData()
  if (form.get("intent") !== "handover") {
    const parsed = parseForm(lookupSchema, form)
    if (!parsed.ok) return data<HandoverActionData>({ step: "lookup", errors: parsed.errors, values: parsed.values }, { status: 400, headers: OFFICE_HEADERS })
    const proof: Proof = parsed.data.token ? { token: parsed.data.token } : { code: parsed.data.code }
    try {
      const { pickup } = await ctx.call<{ pickup: unknown }>(`verifying a pickup at ${ctx.point.id}`, `/pickup-staff/points/${ctx.point.id}/verify`, {
        method: "POST",
        body: proof,
      })
      return data<HandoverActionData>({ step: "confirm", pickup: toPickupView(pickup), proof, errors: {} }, { headers: OFFICE_HEADERS })
    } catch (error) {
      if (!(error instanceof StaffHttpError)) throw error
      const { field, problem } = refusal(error, "lookup")
      return data<HandoverActionData>(
        { step: "lookup", errors: field ? { code: field } : {}, values: "code" in proof ? { code: proof.code } : {}, problem },
        { status: error.status, headers: OFFICE_HEADERS }
      )
    }
  }

  const assignmentId = safeId(String(form.get("assignmentId") ?? ""))
  const { pickup } = await ctx.read<{ pickup: unknown }>(`loading pickup ${assignmentId}`, `/pickup-staff/assignments/${assignmentId}`)
  const view = toPickupView(pickup)
  const lines = handoverLines(view)
  const code = String(form.get("code") ?? "")
  const token = String(form.get("token") ?? "")
  const proof: Proof = token ? { token } : { code }
  const parsed = parseForm(handoverSchema(lines), form)
  if (!parsed.ok) {
    return data<HandoverActionData>({ step: "confirm", pickup: view, proof, errors: parsed.errors, values: parsed.values }, { status: 400, headers: OFFICE_HEADERS })
  }
  try {
    const answer = await ctx.call<{ pickup: unknown; amount_to_collect_fen?: unknown; kind?: unknown }>(
      `handing over ${assignmentId}`,
      `/pickup-staff/assignments/${assignmentId}/handover`,
      { method: "POST", body: { ...proof, ...handoverBody(lines, parsed.data as Record<string, unknown>) } }
    )
    const done = toPickupView(answer.pickup)
    return data<HandoverActionData>(
      { step: "done", pickup: done, kind: answer.kind === "partial" ? "partial" : "full", amountToCollectFen: n(answer.amount_to_collect_fen) },
      { headers: OFFICE_HEADERS }
    )
  } catch (error) {
    if (!(error instanceof StaffHttpError)) throw error
    const { field, problem } = refusal(error, "handover")
    if (error.status === 422 || error.status === 429) {
      return data<HandoverActionData>({ step: "lookup", errors: field ? { code: field } : {}, problem }, { status: error.status, headers: OFFICE_HEADERS })
    }
    return data<HandoverActionData>({ step: "confirm", pickup: view, proof, errors: {}, problem }, { status: error.status, headers: OFFICE_HEADERS })
  }
}

export type UncollectedRow = {
  id: string
  orderId: string
  displayId: string | null
  bagNumber: number | null
  maskedName: string
  phoneLast4: string
  status: string
  holdExpiresAt: string | null
  policy: Policy | null
  disposal: string | null
}

export async function uncollectedLoader(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  const notice = new URL(request.url).searchParams.get("notice") === "done"
  try {
    const answer = await ctx.call<{ assignments?: unknown[]; count?: unknown }>(
      `listing uncollected orders at ${ctx.point.id}`,
      `/pickup-staff/points/${ctx.point.id}/uncollected`,
      { query: { limit: 100 } }
    )
    const rows = (answer.assignments ?? []).map((raw): UncollectedRow => {
      const a = rec(raw)
      const disposal = a.disposal
      return {
        id: String(a.id ?? ""),
        orderId: String(a.order_id ?? ""),
        displayId: a.display_id === undefined || a.display_id === null ? null : String(a.display_id),
        bagNumber: a.bag_number === null || a.bag_number === undefined ? null : n(a.bag_number),
        maskedName: String(a.masked_name ?? a.resident ?? "*"),
        phoneLast4: String(a.phone_last4 ?? ""),
        status: String(a.status ?? ""),
        holdExpiresAt: str(a.hold_expires_at),
        policy: POLICIES.find((p) => p === a.policy) ?? null,
        disposal: disposal ? (typeof disposal === "string" ? disposal : String(rec(disposal).policy ?? "")) || null : null,
      }
    })
    return data({ available: true, rows, count: n(answer.count), notice }, { headers: OFFICE_HEADERS })
  } catch (error) {
    if (error instanceof StaffHttpError && error.missingRoute) {
      return data({ available: false, rows: [] as UncollectedRow[], count: 0, notice }, { headers: OFFICE_HEADERS })
    }
    throw error
  }
}

export async function disposalAction(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  const parsed = parseForm(disposalSchema, await request.formData())
  if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors, values: parsed.values }, { status: 400, headers: OFFICE_HEADERS })
  const { assignmentId, policy, note } = parsed.data
  try {
    await ctx.read(`applying ${policy} to ${assignmentId}`, `/pickup-staff/assignments/${assignmentId}/disposal`, {
      method: "POST",
      body: { policy, ...(note ? { note } : {}) },
    })
  } catch (error) {
    // Already handled (a double tap, a colleague): the list shows how.
    if (!(error instanceof StaffHttpError && error.status === 409)) throw error
  }
  throw redirect("/office/uncollected?notice=done", { status: 303, headers: OFFICE_HEADERS })
}
