import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { deliverNotificationsWorkflow } from "../workflows/notify/deliver-notifications"
import { notifyEventWorkflow } from "../workflows/notify/notify-event"
import { NOTIFY_EVENTS, type NotifyEvent } from "../workflows/notify/steps/events"

/**
 * Every event residents, staff or households hear about (docs/notifications.md):
 * its messages are created once, then sent at once; whatever cannot go now
 * (quiet hours, a provider that is down) is sent by the notify-deliver job.
 */
export default async function notifyEvents({ event, container }: SubscriberArgs<unknown>) {
  const { result } = await notifyEventWorkflow(container).run({
    input: { event: event.name as NotifyEvent, data: event.data },
  })
  if (result.created_ids.length) {
    await deliverNotificationsWorkflow(container).run({ input: { ids: result.created_ids } })
  }
}

export const config: SubscriberConfig = {
  event: [...NOTIFY_EVENTS],
  context: { subscriberId: "notify-events" },
}
