import { data, redirect } from "react-router"
import { parseForm, type FieldErrors } from "../../forms"
import type { MessageKey } from "../../i18n"
import {
  checkInSchema,
  disposalSchema,
  handoverBody,
  handoverSchema,
  lookupSchema,
  shortagesFrom,
  type CheckInRow,
  handoverLines,
  type Policy,
} from "../../office/schemas"
import {
  checkInAnswerSchema,
  counterPickupAnswerSchema,
  handoverAnswerSchema,
  harvestManifestSchema,
  pickupManifestSchema,
  todaySchema,
  uncollectedSchema,
  type counterPickupSchema,
  type harvestRowSchema,
  type pickupListRowSchema,
} from "../../contract"
import type { z } from "zod"
import { StaffHttpError } from "./client.server"
import { notFound, OFFICE_HEADERS, requireStaff, safeId, type OfficeDeps, type StaffContext } from "./context.server"

/**
 * Loaders and actions of the pickup pages: today, receiving a batch, handing
 * over, uncollected orders, printed lists and CSV. The backend decides what a
 * staff member may see (another point's records answer 404); these only turn
 * its answers into pages.
 */
type Counts = Record<"placed" | "ready" | "collected" | "uncollected" | "canceled", number>

export type BatchSummary = {
  id: string
  status: string
  arrivedAt: string | null
  cycle: { pickupStartAt: string; pickupEndAt: string; residentCutoffAt: string }
  counts: Counts
  shortLines: number
}

export async function todayLoader(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  const pointId = ctx.point.id
  const today = todaySchema.parse(
    await ctx.call<unknown>(`loading today at ${pointId}`, `/pickup-staff/points/${pointId}/today`)
  )
  const batches = today.batches.map(
    (entry): BatchSummary => ({
      id: entry.batch.id,
      status: entry.batch.status,
      arrivedAt: entry.batch.arrived_at,
      cycle: {
        pickupStartAt: entry.cycle.pickup_start_at,
        pickupEndAt: entry.cycle.pickup_end_at,
        residentCutoffAt: entry.cycle.resident_cutoff_at,
      },
      counts: entry.counts,
      shortLines: entry.short_lines,
    })
  )
  return data({ point: ctx.point, batches, uncollectedPending: today.uncollected_pending }, { headers: OFFICE_HEADERS })
}

export type PickupRow = {
  bag: number
  resident: string
  phoneLast4: string
  orderId: string
  status: string
  items: string
  amountFen: number
  /** Harvest batch and 合格证 of each traced line ("" until traced; decision 023). */
  harvestBatches: string
}
/** A harvest row: producers by public code and display name (never registry data), with their ids. */
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

async function pickupManifest(ctx: StaffContext, batchId: string) {
  const raw = await ctx.read<unknown>(
    `loading the pickup list of ${batchId}`,
    `/pickup-staff/batches/${batchId}/manifest`,
    { query: { kind: "pickup", format: "json" } }
  )
  return pickupManifestSchema.parse(raw)
}

async function harvestManifest(ctx: StaffContext, batchId: string) {
  const raw = await ctx.read<unknown>(
    `loading the harvest list of ${batchId}`,
    `/pickup-staff/batches/${batchId}/manifest`,
    { query: { kind: "harvest", format: "json" } }
  )
  return harvestManifestSchema.parse(raw)
}

const toPickupRow = (r: z.infer<typeof pickupListRowSchema>): PickupRow => ({
  bag: r.bag_number,
  resident: r.resident,
  phoneLast4: r.phone_last4,
  orderId: r.order_id,
  status: r.status,
  items: r.items,
  amountFen: r.amount_to_collect_fen,
  harvestBatches: r.harvest_batches,
})

const toHarvestRow = (r: z.infer<typeof harvestRowSchema>): HarvestRow => ({
  producer: r.producer,
  householdIds: r.household_ids,
  householdCodes: r.household_codes,
  householdNames: r.household_names,
  cooperativeId: r.cooperative_id,
  cooperativeName: r.cooperative_name,
  variantId: r.variant_id,
  title: r.title,
  quantity: r.quantity,
})

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
  const [pickup, harvest] = await Promise.all([pickupManifest(ctx, batchId), harvestManifest(ctx, batchId)])
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
  const checkIn =
    flashed && flashed.batchId === batchId ? { readyCount: flashed.readyCount, shortages: flashed.shortages } : null
  const headers = new Headers(OFFICE_HEADERS)
  if (flashed) headers.append("Set-Cookie", await deps.sessions.commit(request, session))
  return data(
    {
      ...loaded,
      checkInResult: checkIn as CheckInResult | null,
      notice: notice === "arrived" ? ("arrived" as const) : null,
    },
    { headers }
  )
}

export type CheckInResult = {
  readyCount: number
  shortages: Array<{ orderId: string; lineItemId: string; shortQuantity: number; refundFen: number }>
}
export type BatchActionData = { ok: false; errors: FieldErrors; values?: Record<string, string>; problem?: MessageKey }

export async function batchAction(deps: OfficeDeps, request: Request, id: string | undefined) {
  const ctx = await requireStaff(deps, request)
  const batchId = safeId(id)
  const form = await request.formData()
  if (form.get("intent") === "arrive") {
    try {
      await ctx.read(`marking ${batchId} arrived`, `/pickup-staff/batches/${batchId}/arrive`, {
        method: "POST",
        body: {},
      })
    } catch (error) {
      // A second tap (or a colleague) got there first: the batch has arrived either way.
      if (!(error instanceof StaffHttpError && (error.status === 400 || error.status === 409))) throw error
    }
    throw redirect(`/office/batches/${batchId}?notice=arrived`, { status: 303, headers: OFFICE_HEADERS })
  }
  // The form is checked against the batch as the backend has it now, not as the page was drawn.
  const { checkIn } = await loadBatch(ctx, batchId)
  const parsed = parseForm(checkInSchema(checkIn), form)
  if (!parsed.ok)
    return data<BatchActionData>(
      { ok: false, errors: parsed.errors, values: parsed.values },
      { status: 400, headers: OFFICE_HEADERS }
    )
  const shortages = shortagesFrom(checkIn, parsed.data as Record<string, unknown>)
  try {
    const answer = checkInAnswerSchema.parse(
      await ctx.read<unknown>(`checking in ${batchId}`, `/pickup-staff/batches/${batchId}/check-in`, {
        method: "POST",
        body: { shortages },
      })
    )
    const result: CheckInResult = {
      readyCount: answer.ready_count,
      shortages: answer.shortages.map((s) => ({
        orderId: s.order_id,
        lineItemId: s.line_item_id,
        shortQuantity: s.short_quantity,
        refundFen: s.refund_fen,
      })),
    }
    // Post → redirect → get: the page shows the batch as it is now, and a refresh cannot post the check-in again.
    const session = await deps.sessions.get(request)
    session.flash("checkIn", { batchId, ...result })
    throw redirect(`/office/batches/${batchId}?notice=checked`, {
      status: 303,
      headers: { "Set-Cookie": await deps.sessions.commit(request, session), ...OFFICE_HEADERS },
    })
  } catch (error) {
    if (error instanceof Response) throw error
    if (error instanceof StaffHttpError && (error.status === 400 || error.status === 409)) {
      return data<BatchActionData>(
        { ok: false, errors: {}, problem: "office.batch.alreadyChecked" },
        { status: 409, headers: OFFICE_HEADERS }
      )
    }
    throw error
  }
}

export async function printLoader(deps: OfficeDeps, request: Request, id: string | undefined) {
  const ctx = await requireStaff(deps, request)
  const batchId = safeId(id)
  const kind = new URL(request.url).searchParams.get("kind") === "harvest" ? "harvest" : "pickup"
  const answer = kind === "pickup" ? await pickupManifest(ctx, batchId) : await harvestManifest(ctx, batchId)
  return data(
    {
      kind,
      batch: answer.batch,
      point: ctx.point,
      pickup: answer.kind === "pickup" ? answer.rows.map(toPickupRow).sort((a, b) => a.bag - b.bag) : [],
      harvest: answer.kind === "harvest" ? answer.rows.map(toHarvestRow) : [],
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
    res = await deps.client.raw(
      `downloading the ${kind} CSV of ${batchId}`,
      `/pickup-staff/batches/${batchId}/manifest`,
      {
        token: ctx.token,
        query: { kind, format: "csv" },
      }
    )
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
  lines: Array<{
    lineItemId: string
    title: string
    quantity: number
    shortQuantity: number
    handedOver: number
    available: number
  }>
}

export function toPickupView(p: z.infer<typeof counterPickupSchema>): PickupView {
  return {
    id: p.id,
    orderId: p.order_id,
    status: p.status,
    bagNumber: p.bag_number,
    resident: p.resident,
    phoneLast4: p.phone_last4,
    // What the backend says is still to take at the counter (0 once paid online).
    amountToCollectFen: p.amount_to_collect_fen,
    lines: p.lines.map((l) => ({
      lineItemId: l.line_item_id,
      title: l.title,
      quantity: l.quantity,
      shortQuantity: l.short_quantity,
      handedOver: l.handed_over_quantity,
      available: Math.max(0, l.quantity - l.short_quantity),
    })),
  }
}

type Proof = { code: string } | { token: string }

export type HandoverActionData =
  | {
      step: "lookup"
      errors: FieldErrors
      values?: Record<string, string>
      problem?: { key: MessageKey; params?: Record<string, string> }
    }
  | {
      step: "confirm"
      pickup: PickupView
      proof: Proof
      errors: FieldErrors
      values?: Record<string, string>
      problem?: { key: MessageKey; params?: Record<string, string> }
    }
  | { step: "done"; pickup: PickupView; kind: "full" | "partial"; amountToCollectFen: number }

/** "HH:mm" in Asia/Shanghai, where the counter is. */
export function shanghaiTime(iso: unknown): string {
  const date = new Date(typeof iso === "string" ? iso : Date.now())
  return new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date)
}

/** The backend's refusal in words for the counter. */
function refusal(
  error: StaffHttpError,
  kind: "lookup" | "handover"
): { field?: MessageKey; problem?: { key: MessageKey; params?: Record<string, string> } } {
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
      return {
        problem: {
          key: "office.handover.refused",
          params: { reason: String(error.body.message ?? "").replace(/\s*\([^)]*\)\s*$/, "") },
        },
      }
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
    if (!parsed.ok)
      return data<HandoverActionData>(
        { step: "lookup", errors: parsed.errors, values: parsed.values },
        { status: 400, headers: OFFICE_HEADERS }
      )
    const proof: Proof = parsed.data.token ? { token: parsed.data.token } : { code: parsed.data.code }
    try {
      const { pickup } = counterPickupAnswerSchema.parse(
        await ctx.call<unknown>(
          `verifying a pickup at ${ctx.point.id}`,
          `/pickup-staff/points/${ctx.point.id}/verify`,
          { method: "POST", body: proof }
        )
      )
      return data<HandoverActionData>(
        { step: "confirm", pickup: toPickupView(pickup), proof, errors: {} },
        { headers: OFFICE_HEADERS }
      )
    } catch (error) {
      if (!(error instanceof StaffHttpError)) throw error
      const { field, problem } = refusal(error, "lookup")
      return data<HandoverActionData>(
        {
          step: "lookup",
          errors: field ? { code: field } : {},
          values: "code" in proof ? { code: proof.code } : {},
          problem,
        },
        { status: error.status, headers: OFFICE_HEADERS }
      )
    }
  }

  const assignmentId = safeId(String(form.get("assignmentId") ?? ""))
  const { pickup } = counterPickupAnswerSchema.parse(
    await ctx.read<unknown>(`loading pickup ${assignmentId}`, `/pickup-staff/assignments/${assignmentId}`)
  )
  const view = toPickupView(pickup)
  const lines = handoverLines(view)
  const code = String(form.get("code") ?? "")
  const token = String(form.get("token") ?? "")
  const proof: Proof = token ? { token } : { code }
  const parsed = parseForm(handoverSchema(lines), form)
  if (!parsed.ok) {
    return data<HandoverActionData>(
      { step: "confirm", pickup: view, proof, errors: parsed.errors, values: parsed.values },
      { status: 400, headers: OFFICE_HEADERS }
    )
  }
  try {
    const answer = handoverAnswerSchema.parse(
      await ctx.call<unknown>(`handing over ${assignmentId}`, `/pickup-staff/assignments/${assignmentId}/handover`, {
        method: "POST",
        body: { ...proof, ...handoverBody(lines, parsed.data as Record<string, unknown>) },
      })
    )
    const done = toPickupView(answer.pickup)
    return data<HandoverActionData>(
      { step: "done", pickup: done, kind: answer.kind, amountToCollectFen: answer.amount_to_collect_fen },
      { headers: OFFICE_HEADERS }
    )
  } catch (error) {
    if (!(error instanceof StaffHttpError)) throw error
    const { field, problem } = refusal(error, "handover")
    if (error.status === 422 || error.status === 429) {
      return data<HandoverActionData>(
        { step: "lookup", errors: field ? { code: field } : {}, problem },
        { status: error.status, headers: OFFICE_HEADERS }
      )
    }
    return data<HandoverActionData>(
      { step: "confirm", pickup: view, proof, errors: {}, problem },
      { status: error.status, headers: OFFICE_HEADERS }
    )
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
  const answer = uncollectedSchema.parse(
    await ctx.call<unknown>(
      `listing uncollected orders at ${ctx.point.id}`,
      `/pickup-staff/points/${ctx.point.id}/uncollected`,
      { query: { limit: 100 } }
    )
  )
  const rows = answer.assignments.map(
    (a): UncollectedRow => ({
      id: a.id,
      orderId: a.order_id,
      displayId: a.display_id === null ? null : String(a.display_id),
      bagNumber: a.bag_number,
      maskedName: a.masked_name,
      phoneLast4: a.phone_last4,
      status: a.status,
      holdExpiresAt: a.hold_expires_at,
      policy: a.policy,
      disposal: a.disposal?.policy ?? null,
    })
  )
  return data({ rows, count: answer.count, notice }, { headers: OFFICE_HEADERS })
}

export async function disposalAction(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request)
  const parsed = parseForm(disposalSchema, await request.formData())
  if (!parsed.ok)
    return data(
      { ok: false as const, errors: parsed.errors, values: parsed.values },
      { status: 400, headers: OFFICE_HEADERS }
    )
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
