import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { REVENUE_SHARE_MODULE } from "../../../modules/revenue-share"
import type RevenueShareModuleService from "../../../modules/revenue-share/service"
import { MIN_HOUSEHOLDS, suppressSmallGroups, type ImpactGroup } from "../../../utils/impact"
import type { StoreGetImpactQueryType } from "./validators"

type VillageRow = { id: string; name: string; county: string; province: string }

/**
 * Public impact figures, computed from the ledger only (docs/ledger.md has the
 * SQL that reproduces them). No figure ever describes fewer than five households.
 */
export async function GET(req: MedusaRequest<unknown, StoreGetImpactQueryType>, res: MedusaResponse) {
  const { group_by } = req.validatedQuery as StoreGetImpactQueryType
  const service: RevenueShareModuleService = req.scope.resolve(REVENUE_SHARE_MODULE)
  res.setHeader("Cache-Control", "public, max-age=300, stale-while-revalidate=600")
  // The answer only changes when a household's totals do (one aggregate over ledger_household_total says so);
  // villages are re-read at least every CACHE_TTL_MS (a household moved to another village).
  const version = await service.householdTotalsVersion()
  const cacheKey = group_by ?? ""
  const hit = answers.get(cacheKey)
  if (hit && hit.version === version && Date.now() - hit.at < CACHE_TTL_MS) {
    res.json(hit.body)
    return
  }
  const body = await impactAnswer(req, service, group_by)
  answers.set(cacheKey, { version, at: Date.now(), body })
  res.json(body)
}

const CACHE_TTL_MS = 60_000
/** The last answer per group_by, with the ledger version it was computed at (per process). */
const answers = new Map<string, { version: string; at: number; body: unknown }>()

async function impactAnswer(
  req: MedusaRequest<unknown, StoreGetImpactQueryType>,
  service: RevenueShareModuleService,
  group_by: StoreGetImpactQueryType["group_by"]
): Promise<unknown> {
  const totals = (await service.householdTotals())
    .map((r) => ({
      household_id: r.household_id,
      earned_fen: Number(r.earned_fen),
      paid_fen: Number(r.paid_fen),
    }))
    .filter((r) => r.earned_fen > 0)

  if (totals.length < MIN_HOUSEHOLDS) {
    return { impact: { suppressed: true, minimum_households: MIN_HOUSEHOLDS, currency_code: "cny" } }
  }

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: households } = await query.graph({
    entity: "household",
    fields: ["id", "village.id", "village.name", "village.county", "village.province"],
    filters: { id: totals.map((t) => t.household_id) },
  })
  const villageOf = new Map<string, VillageRow | null>(
    households.map((h: { id: string; village?: VillageRow | null }) => [h.id, h.village ?? null])
  )
  const villages = new Set(totals.map((t) => villageOf.get(t.household_id)?.id).filter(Boolean))

  let breakdown: ReturnType<typeof suppressSmallGroups> | undefined
  if (group_by) {
    const groups = new Map<string, ImpactGroup>()
    for (const t of totals) {
      const v = villageOf.get(t.household_id)
      const key = !v
        ? "未知"
        : group_by === "province"
          ? v.province
          : group_by === "county"
            ? `${v.province}${v.county}`
            : `${v.province}${v.county}${v.name}`
      const g = groups.get(key) ?? { key, households: 0, earned_fen: 0, paid_fen: 0 }
      g.households += 1
      g.earned_fen += t.earned_fen
      g.paid_fen += t.paid_fen
      groups.set(key, g)
    }
    breakdown = suppressSmallGroups([...groups.values()])
  }

  return {
    impact: {
      suppressed: false,
      minimum_households: MIN_HOUSEHOLDS,
      currency_code: "cny",
      households: totals.length,
      villages: villages.size,
      earned_by_households_fen: totals.reduce((s, t) => s + t.earned_fen, 0),
      paid_to_households_fen: totals.reduce((s, t) => s + t.paid_fen, 0),
      ...(breakdown ? { group_by, ...breakdown } : {}),
    },
  }
}
