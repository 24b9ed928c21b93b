import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BellAlert } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { OffsetPagination } from "../../components/offset-pagination"
import { ErrorLine } from "../../components/query-state"
import { useAdminMutation, useAdminQuery } from "../../lib/query"

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

const FILTERS: Array<{ key: string; label: string; statuses: Status[] }> = [
  { key: "problems", label: "失败", statuses: ["failed", "dead"] },
  { key: "waiting", label: "排队中", statuses: ["queued", "sending"] },
  { key: "sent", label: "已发送", statuses: ["sent"] },
  { key: "skipped", label: "未发送", statuses: ["skipped"] },
]
const STATUS_LABEL: Record<Status, string> = {
  queued: "排队",
  sending: "发送中",
  sent: "已发送",
  failed: "重试中",
  dead: "已放弃",
  skipped: "未发送",
}
const STATUS_COLOR: Record<Status, "green" | "orange" | "red" | "grey" | "blue"> = {
  queued: "blue",
  sending: "blue",
  sent: "green",
  failed: "orange",
  dead: "red",
  skipped: "grey",
}
const CHANNEL_LABEL = { in_app: "站内消息", email: "邮件", sms: "短信" }
const PAGE = 20

const time = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—"

/**
 * Operators see every message that did not go out (retrying, given up, not
 * sendable) with its last error, and send given-up ones again. Counts per
 * status head the page so failures are seen at a glance.
 */
const NotificationsPage = () => {
  const [filter, setFilter] = useState(FILTERS[0])
  const [offset, setOffset] = useState(0)
  const { data, error, isFetching } = useAdminQuery<{
    messages: Message[]
    count: number
    by_status: Partial<Record<Status, number>>
  }>("/admin/notify/messages", { status: filter.statuses.join(","), limit: PAGE, offset }, { keepPrevious: true })
  const retry = useAdminMutation<Message>({
    path: (m) => `/admin/notify/messages/${m.id}/retry`,
    body: () => ({}),
    invalidates: ["/admin/notify/messages"],
    success: "已重新排队，一分钟内发送",
  })
  const busy = retry.isPending ? retry.variables?.id : undefined

  const failing = (data?.by_status.failed ?? 0) + (data?.by_status.dead ?? 0)
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">通知</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            发给居民、物业和农户的站内消息、邮件和短信。失败的会自动重试（1、2、4 分钟……最长 4 小时，共 8 次）；
            放弃的可以在这里重新发送。夜间 21:30–08:00 的非紧急消息早上发送。
          </Text>
        </div>
        <fieldset className="flex gap-2" aria-label="按状态筛选">
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
              {f.label}
              {f.key === "problems" && failing > 0 ? `（${failing}）` : ""}
            </Button>
          ))}
        </fieldset>
      </div>
      <ErrorLine error={error} />
      {data && data.messages.length === 0 && (
        <Text className="px-6 py-8 text-ui-fg-subtle">
          {filter.key === "problems" ? "没有失败的消息。" : "没有消息。"}
        </Text>
      )}
      {data && data.messages.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>消息</Table.HeaderCell>
              <Table.HeaderCell>渠道 / 收件人</Table.HeaderCell>
              <Table.HeaderCell>状态</Table.HeaderCell>
              <Table.HeaderCell>尝试</Table.HeaderCell>
              <Table.HeaderCell>下次 / 发送时间</Table.HeaderCell>
              <Table.HeaderCell>最后的错误</Table.HeaderCell>
              <Table.HeaderCell>操作</Table.HeaderCell>
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
                      {m.event} · {m.locale}
                      {m.urgent ? " · 紧急" : ""}
                    </Text>
                  </div>
                </Table.Cell>
                <Table.Cell>
                  <div className="flex flex-col">
                    <Text size="small">{CHANNEL_LABEL[m.channel]}</Text>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {m.to_masked ?? `${m.recipient_type} ${m.recipient_id ?? ""}`}
                    </Text>
                  </div>
                </Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={STATUS_COLOR[m.status]}>
                    {STATUS_LABEL[m.status]}
                  </Badge>
                  {m.deferred_reason === "quiet_hours" && m.status === "queued" && (
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      夜间免打扰
                    </Text>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {m.attempts} / {m.max_attempts}
                </Table.Cell>
                <Table.Cell>{m.status === "sent" ? time(m.sent_at) : time(m.next_attempt_at)}</Table.Cell>
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
                      重新发送
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

export const config = defineRouteConfig({ label: "通知", icon: BellAlert })

export default NotificationsPage
