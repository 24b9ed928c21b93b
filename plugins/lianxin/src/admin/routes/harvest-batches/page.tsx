import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShieldCheck } from "@medusajs/icons"
import { Badge, Button, Container, Drawer, Heading, Prompt, Table, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../../components/field"
import { OffsetPagination } from "../../components/offset-pagination"
import { ErrorLine } from "../../components/query-state"
import { useT } from "../../lib/i18n"
import { useAdminMutation, useAdminQuery } from "../../lib/query"
import { PageHeader } from "../../components/page-header"

type HarvestBatch = {
  id: string
  harvested_on: string
  quantity: number
  quantity_unit: string
  certificate_no: string
  certificate_photo_url: string
  recalled: boolean
  recalled_at: string | null
  recall_reason: string | null
  listing: { id: string; title: string; status: string } | null
  household: { code: string; display_name: string; village: string | null } | null
}

type Recall = {
  harvest_batch: HarvestBatch
  listing: { title: string }
  orders: Array<{
    order_id: string
    display_id: number | null
    order_status: string
    pickup_status: string | null
    lines: Array<{ line_item_id: string; title: string; quantity: number }>
  }>
  residents: Array<{
    customer_id: string | null
    name: string
    phone: string | null
    email: string | null
    order_ids: string[]
  }>
}

const PAGE = 20
const ORDER_STATUSES = ["pending", "completed", "canceled", "archived", "requires_action", "draft"]

/** Harvest batches (产地批次) with their 合格证, and their recall (decision 023, docs/admin.md). */
const HarvestBatchesPage = () => {
  const { t, when } = useT()
  const [offset, setOffset] = useState(0)
  const list = useAdminQuery<{ harvest_batches: HarvestBatch[]; count: number }>(
    "/admin/harvest-batches",
    { limit: PAGE, offset },
    { keepPrevious: true }
  )
  const [open, setOpen] = useState<HarvestBatch | null>(null)
  return (
    <Container className="divide-y p-0">
      <PageHeader title={t("harvest.title")} subtitle={t("harvest.subtitle")} />
      <ErrorLine error={list.error} />
      {list.data && !list.data.harvest_batches.length ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {t("common.none")}
        </Text>
      ) : null}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("harvest.listing")}</Table.HeaderCell>
            <Table.HeaderCell>{t("harvest.household")}</Table.HeaderCell>
            <Table.HeaderCell>{t("harvest.harvestedOn")}</Table.HeaderCell>
            <Table.HeaderCell>{t("harvest.quantity")}</Table.HeaderCell>
            <Table.HeaderCell>{t("harvest.certificate")}</Table.HeaderCell>
            <Table.HeaderCell>{t("harvest.state")}</Table.HeaderCell>
            <Table.HeaderCell>{t("common.actions")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(list.data?.harvest_batches ?? []).map((b) => (
            <Table.Row key={b.id}>
              <Table.Cell>{b.listing?.title ?? "–"}</Table.Cell>
              <Table.Cell>
                {b.household
                  ? `${b.household.display_name}${b.household.village ? ` · ${b.household.village}` : ""}`
                  : "–"}
              </Table.Cell>
              <Table.Cell>{b.harvested_on}</Table.Cell>
              <Table.Cell>
                {b.quantity} {b.quantity_unit}
              </Table.Cell>
              <Table.Cell>
                {b.certificate_no}{" "}
                {b.certificate_photo_url ? (
                  <a
                    href={b.certificate_photo_url}
                    target="_blank"
                    rel="noreferrer"
                    className="text-ui-fg-interactive underline"
                  >
                    {t("harvest.photo")}
                  </a>
                ) : null}
              </Table.Cell>
              <Table.Cell>
                {b.recalled ? (
                  <Badge size="2xsmall" color="red">
                    {t("harvest.recalledAt", { at: when(b.recalled_at) })}
                  </Badge>
                ) : (
                  <Badge size="2xsmall" color="green">
                    {t("harvest.good")}
                  </Badge>
                )}
              </Table.Cell>
              <Table.Cell>
                <Button size="small" variant="secondary" onClick={() => setOpen(b)}>
                  {b.recalled ? t("harvest.affected") : t("harvest.recall")}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <OffsetPagination
        count={list.data?.count ?? 0}
        offset={offset}
        pageSize={PAGE}
        onOffset={setOffset}
        busy={list.isFetching}
      />
      {open ? <RecallDrawer key={open.id} batch={open} onClose={() => setOpen(null)} /> : null}
    </Container>
  )
}

function RecallDrawer({ batch, onClose }: { batch: HarvestBatch; onClose: () => void }) {
  const { t, when } = useT()
  const path = `/admin/harvest-batches/${batch.id}/recall`
  const recall = useAdminQuery<{ recall: Recall }>(path)
  const [reason, setReason] = useState("")
  const doRecall = useAdminMutation<{ reason: string }>({
    path: () => path,
    invalidates: ["/admin/harvest-batches"],
    success: t("harvest.recalled"),
  })
  const r = recall.data?.recall
  const current = r?.harvest_batch ?? batch
  const canRecall = reason.trim().length >= 2
  return (
    <Drawer open onOpenChange={(open) => (open ? null : onClose())}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>
            {batch.listing?.title ?? ""} · {batch.certificate_no}
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <ErrorLine error={recall.error} />
          <section className="flex flex-col gap-y-1">
            <Heading level="h3">{t("harvest.state")}</Heading>
            {current.recalled ? (
              <Text size="small">
                {t("harvest.recalledAt", { at: when(current.recalled_at) })} · {t("harvest.reason")}：
                {current.recall_reason ?? "–"}
              </Text>
            ) : (
              <Text size="small">
                {t("harvest.good")} · {t("harvest.beforeHint")}
              </Text>
            )}
          </section>
          <section className="flex flex-col gap-y-2">
            <Heading level="h3">{t("harvest.affectedOrders")}</Heading>
            {r && !r.orders.length ? (
              <Text size="small" className="text-ui-fg-subtle">
                {t("harvest.noOrders")}
              </Text>
            ) : null}
            {r?.orders.length ? (
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>{t("harvest.order")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("harvest.lines")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("harvest.orderStatus")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("harvest.pickupStatus")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {r.orders.map((o) => (
                    <Table.Row key={o.order_id}>
                      <Table.Cell>
                        <a href={`/app/orders/${o.order_id}`} className="text-ui-fg-interactive underline">
                          #{o.display_id ?? "–"}
                        </a>
                      </Table.Cell>
                      <Table.Cell>{o.lines.map((l) => `${l.title} × ${l.quantity}`).join("，")}</Table.Cell>
                      <Table.Cell>
                        {ORDER_STATUSES.includes(o.order_status) ? t(`orderStatus.${o.order_status}`) : "–"}
                      </Table.Cell>
                      <Table.Cell>{o.pickup_status ? t(`assignmentStatus.${o.pickup_status}`) : "–"}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            ) : null}
          </section>
          <section className="flex flex-col gap-y-2">
            <Heading level="h3">{t("harvest.residents")}</Heading>
            {r?.residents.length ? (
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>{t("harvest.residentName")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("harvest.phone")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("harvest.email")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("harvest.orderCount")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {r.residents.map((p, i) => (
                    <Table.Row key={p.customer_id ?? `guest-${i}`}>
                      <Table.Cell>{p.name || t("harvest.guest")}</Table.Cell>
                      <Table.Cell>{p.phone ?? "–"}</Table.Cell>
                      <Table.Cell>{p.email ?? "–"}</Table.Cell>
                      <Table.Cell>{p.order_ids.length}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            ) : r ? (
              <Text size="small" className="text-ui-fg-subtle">
                {t("harvest.noOrders")}
              </Text>
            ) : null}
          </section>
          {current.recalled ? null : (
            <section className="flex flex-col gap-y-2">
              <Heading level="h3">{t("harvest.recall")}</Heading>
              <Field label={t("harvest.reason")}>
                <Textarea value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
              </Field>
              <Text size="small" className="text-ui-fg-subtle">
                {t("harvest.reasonHint")}
              </Text>
              <Prompt>
                <Prompt.Trigger asChild>
                  <Button size="small" variant="danger" disabled={!canRecall} isLoading={doRecall.isPending}>
                    {t("harvest.recall")}
                  </Button>
                </Prompt.Trigger>
                <Prompt.Content>
                  <Prompt.Header>
                    <Prompt.Title>{t("harvest.confirmTitle")}</Prompt.Title>
                    <Prompt.Description>
                      {t("harvest.confirmHint", { count: r?.orders.length ?? 0 })}
                    </Prompt.Description>
                  </Prompt.Header>
                  <Prompt.Footer>
                    <Prompt.Cancel>{t("common.cancel")}</Prompt.Cancel>
                    <Prompt.Action onClick={() => doRecall.mutate({ reason: reason.trim() })}>
                      {t("harvest.recall")}
                    </Prompt.Action>
                  </Prompt.Footer>
                </Prompt.Content>
              </Prompt>
            </section>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}

export const config = defineRouteConfig({
  label: "lianxin.menu.harvest",
  translationNs: "translation",
  icon: ShieldCheck,
})

export default HarvestBatchesPage
