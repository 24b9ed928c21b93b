import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REVENUE_SHARE_MODULE } from "../../../modules/revenue-share"
import type RevenueShareModuleService from "../../../modules/revenue-share/service"
import { createSplitPolicyVersionWorkflow } from "../../../workflows/revenue-share/create-split-policy-version"
import type { AdminCreateSplitPolicyType, AdminListSplitPoliciesQueryType } from "./validators"

/** The policies in force (one per scope), or with ?history=true every version ever written. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminListSplitPoliciesQueryType>,
  res: MedusaResponse
) {
  const service: RevenueShareModuleService = req.scope.resolve(REVENUE_SHARE_MODULE)
  const { scope, scope_id, history } = req.validatedQuery as AdminListSplitPoliciesQueryType
  const filters = { ...(scope ? { scope } : {}), ...(scope_id ? { scope_id } : {}) }
  const split_policies =
    history === "true"
      ? await service.listSplitPolicies(filters, {
          order: { scope: "ASC", scope_id: "ASC", version: "DESC" },
          take: 1000,
        })
      : (await service.currentPolicies()).filter(
          (p) => (!scope || p.scope === scope) && (!scope_id || p.scope_id === scope_id)
        )
  res.json({ split_policies, count: split_policies.length })
}

/** Writes a new version for the scope; earlier versions and the lines accrued under them stay as they are. */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateSplitPolicyType>, res: MedusaResponse) {
  const { result } = await createSplitPolicyVersionWorkflow(req.scope).run({
    input: { ...req.validatedBody, created_by: req.auth_context.actor_id },
  })
  res.status(201).json({ split_policy: result })
}
