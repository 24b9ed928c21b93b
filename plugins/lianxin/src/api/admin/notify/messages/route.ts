import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { NOTIFY_MODULE } from "../../../../modules/notify"
import type NotifyModuleService from "../../../../modules/notify/service"
import type { AdminListNotifyMessagesQueryType } from "../validators"

/**
 * Operators' view of every message (Medusa Admin → 通知): by status, channel
 * and event, with attempts, the next try and the last error (addresses
 * redacted), plus counts per status for the failure badge.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminListNotifyMessagesQueryType>,
  res: MedusaResponse
) {
  const q = req.validatedQuery
  const page = await req.scope.resolve<NotifyModuleService>(NOTIFY_MODULE).listForOperators(q)
  res.json({
    messages: page.messages.map((m) => ({
      id: m.id,
      event: m.event,
      template: m.template,
      channel: m.channel,
      recipient_type: m.recipient_type,
      recipient_id: m.recipient_id,
      to_masked: m.to_masked,
      locale: m.locale,
      urgent: m.urgent,
      title: m.title,
      status: m.status,
      attempts: m.attempts,
      max_attempts: m.max_attempts,
      next_attempt_at: m.next_attempt_at,
      deferred_reason: m.deferred_reason,
      last_error: m.last_error,
      sent_at: m.sent_at,
      resource_type: m.resource_type,
      resource_id: m.resource_id,
      created_at: m.created_at,
    })),
    count: page.count,
    by_status: page.by_status,
    limit: q.limit,
    offset: q.offset,
  })
}
