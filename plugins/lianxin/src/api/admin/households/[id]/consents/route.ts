import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recordConsentWorkflow } from "../../../../../workflows/household/record-consent"
import { refetchOne } from "../../helpers"
import type { AdminListConsentsQueryType, AdminRecordConsentType } from "./validators"

const CONSENT_FIELDS = ["id", "kind", "granted", "recorded_at", "recorded_by", "method", "note", "created_at"]

export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListConsentsQueryType>, res: MedusaResponse) {
  await refetchOne(req.scope, "household", req.params.id, ["id"])
  const { kind, limit, offset } = req.validatedQuery as AdminListConsentsQueryType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: consent_records, metadata } = await query.graph({
    entity: "consent_record",
    fields: CONSENT_FIELDS,
    filters: { household_id: req.params.id, ...(kind ? { kind } : {}) },
    pagination: { skip: offset, take: limit, order: { recorded_at: "DESC", created_at: "DESC" } },
  })
  res.json({ consent_records, count: metadata?.count ?? 0, offset, limit })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminRecordConsentType>, res: MedusaResponse) {
  const { result } = await recordConsentWorkflow(req.scope).run({
    input: { household_id: req.params.id, recorded_by: req.auth_context.actor_id, ...req.validatedBody },
  })
  res.status(201).json(result)
}
