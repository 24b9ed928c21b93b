import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BellAlert } from "@medusajs/icons"
import { Badge, Button, Container, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { OffsetPagination } from "../../components/offset-pagination"
import { ErrorLine } from "../../components/query-state"
import { en } from "../../i18n/en"
import { useT } from "../../lib/i18n"
import { useAdminMutation, useAdminQuery } from "../../lib/query"
import { PageHeader } from "../../components/page-header"

/** `pickup.cycle_changed` → the key `notifyEvent.pickup_cycle_changed`; null for an event we have no label for. */
const eventKey = (event: string) => {
  const key = event.replace(/\./g, "_")
  return key in en.notifyEvent ? `notifyEvent.${key}` : null
}

type Status = "queued" | "sending" | "sent" | "failed" | "dead" | "skipped"
type Message = {
  id: string
  event: string
  template: string
  channel: "in_app" | "email" | "sms"
  recipient_type: string
  recipient_id: string | null
  to_masked: string | null
  locale: string
  urgent: boolean
  title: string
  status: Status
  attempts: number
  max_attempts: number
  next_attempt_at: string
  deferred_reason: string | null
  last_error: string | null
  sent_at: string | null
  created_at: string
}

const FILTERS: Array<{ key: "problems" | "waiting" | "sent" | "skipped"; statuses: Status[] }> = [
  { key: "problems", statuses: ["failed", "dead"] },
  { key: "waiting", statuses: ["queued", "sending"] },
  { key: "sent", statuses: ["sent"] },
  { key: "skipped", statuses: ["skipped"] },
]
const STATUS_COLOR: Record<Status, "green" | "orange" | "red" | "grey" | "blue"> = {
  queued: "blue",
  sending: "blue",
  sent: "green",
  failed: "orange",
  dead: "red",
  skipped: "grey",
}
const PAGE = 20
/** Every event we label, as the API names it (`pickup_cycle_changed` → `pickup.cycle_changed`). */
const EVENTS = Object.keys(en.notifyEvent).map((key) => key.replace("_", "."))
const ALL_EVENTS = "all"

const time = (iso: string | null, locale: string) =>
  iso ? new Date(iso).toLocaleString(locale, { timeZone: "Asia/Shanghai", hour12: false }) : "—"

/**
 * Operators see every message that did not go out (retrying, given up, not
 * sendable) with its last error, and send given-up ones again. Counts per
 * status head the page so failures are seen at a glance.
 */
const NotificationsPage = () => {
  const { t, locale } = useT()
  const eventLabel = (event: string) => {
    const key = eventKey(event)
    return key ? t(key) : event
  }
  const [filter, setFilter] = useState(FILTERS[0])
  const [event, setEvent] = useState(ALL_EVENTS)
  const [offset, setOffset] = useState(0)
  const { data, error, isFetching } = useAdminQuery<{
    messages: Message[]
    count: number
    by_status: Partial<Record<Status, number>>
  }>(
    "/admin/notify/messages",
    {
      status: filter.statuses.join(","),
      ...(event === ALL_EVENTS ? {} : { event }),
      limit: PAGE,
      offset,
    },
    { keepPrevious: true }
  )
  const retry = useAdminMutation<Message>({
    path: (m) => `/admin/notify/messages/${m.id}/retry`,
    body: () => ({}),
    invalidates: ["/admin/notify/messages"],
    success: t("notifications.requeued"),
  })
  const busy = retry.isPending ? retry.variables?.id : undefined

  const failing = (data?.by_status.failed ?? 0) + (data?.by_status.dead ?? 0)
  return (
    <Container className="divide-y p-0">
      <PageHeader title={t("notifications.title")} subtitle={t("notifications.subtitle")}>
        <div className="flex flex-wrap items-center gap-2">
          <Select
            size="small"
            value={event}
            onValueChange={(value) => {
              setEvent(value)
              setOffset(0)
            }}
          >
            <Select.Trigger aria-label={t("notifications.eventFilter")} className="w-44">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL_EVENTS}>{t("notifications.allEvents")}</Select.Item>
              {EVENTS.map((e) => (
                <Select.Item key={e} value={e}>
                  {eventLabel(e)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <fieldset className="flex gap-2" aria-label={t("notifications.filter")}>
            {FILTERS.map((f) => (
              <Button
                key={f.key}
                size="small"
                variant={f.key === filter.key ? "primary" : "secondary"}
                aria-pressed={f.key === filter.key}
                onClick={() => {
                  setFilter(f)
                  setOffset(0)
                }}
              >
                {t(`notifications.filter_${f.key}`)}
                {f.key === "problems" && failing > 0 ? `（${failing}）` : ""}
              </Button>
            ))}
          </fieldset>
        </div>
      </PageHeader>
      <ErrorLine error={error} />
      {data && data.messages.length === 0 && (
        <Text className="px-6 py-8 text-ui-fg-subtle">
          {filter.key === "problems" ? t("notifications.noProblems") : t("notifications.none")}
        </Text>
      )}
      {data && data.messages.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("notifications.message")}</Table.HeaderCell>
              <Table.HeaderCell>{t("notifications.channel")}</Table.HeaderCell>
              <Table.HeaderCell>{t("notifications.status")}</Table.HeaderCell>
              <Table.HeaderCell>{t("notifications.attempts")}</Table.HeaderCell>
              <Table.HeaderCell>{t("notifications.when")}</Table.HeaderCell>
              <Table.HeaderCell>{t("notifications.lastError")}</Table.HeaderCell>
              <Table.HeaderCell>{t("common.actions")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.messages.map((m) => (
              <Table.Row key={m.id}>
                <Table.Cell>
                  <div className="flex flex-col">
                    <Text size="small" weight="plus">
                      {m.title}
                    </Text>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {eventLabel(m.event)} · {m.locale in en.notifyLocale ? t(`notifyLocale.${m.locale}`) : m.locale}
                      {m.urgent ? ` · ${t("notifications.urgent")}` : ""}
                    </Text>
                  </div>
                </Table.Cell>
                <Table.Cell>
                  <div className="flex flex-col">
                    <Text size="small">{t(`notifyChannel.${m.channel}`)}</Text>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {m.to_masked ?? `${m.recipient_type} ${m.recipient_id ?? ""}`}
                    </Text>
                  </div>
                </Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={STATUS_COLOR[m.status]}>
                    {t(`notifyStatus.${m.status}`)}
                  </Badge>
                  {m.deferred_reason === "quiet_hours" && m.status === "queued" && (
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {t("notifications.quietHours")}
                    </Text>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {m.attempts} / {m.max_attempts}
                </Table.Cell>
                <Table.Cell>
                  {m.status === "sent" ? time(m.sent_at, locale) : time(m.next_attempt_at, locale)}
                </Table.Cell>
                <Table.Cell className="max-w-xs truncate" title={m.last_error ?? ""}>
                  {m.last_error ?? "—"}
                </Table.Cell>
                <Table.Cell>
                  {(m.status === "dead" || m.status === "failed") && (
                    <Button
                      size="small"
                      variant="secondary"
                      isLoading={busy === m.id}
                      onClick={() => !busy && retry.mutate(m)}
                    >
                      {t("notifications.retry")}
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {data && (
        <OffsetPagination count={data.count} offset={offset} pageSize={PAGE} onOffset={setOffset} busy={isFetching} />
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "lianxin.menu.notifications",
  translationNs: "translation",
  icon: BellAlert,
})

export default NotificationsPage
