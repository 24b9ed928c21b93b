import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArchiveBox } from "@medusajs/icons"
import { Badge, Button, Container, Drawer, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { OffsetPagination } from "../../components/offset-pagination"
import { ErrorLine } from "../../components/query-state"
import { fenToYuan, useT } from "../../lib/i18n"
import type { Batch } from "../../lib/pickup"
import { useAdminQuery } from "../../lib/query"
import { PageHeader } from "../../components/page-header"

const PAGE = 20
const ORDER_STATES = ["placed", "ready", "collected", "uncollected", "canceled"] as const

/** Every point's batches with their order counts and check-in result; a batch's pickup manifest (docs/admin.md). */
const PickupBatchesPage = () => {
  const { t, when } = useT()
  const [offset, setOffset] = useState(0)
  const batches = useAdminQuery<{ pickup_batches: Batch[]; count: number }>(
    "/admin/pickup-batches",
    { limit: PAGE, offset },
    { keepPrevious: true }
  )
  const [open, setOpen] = useState<Batch | null>(null)
  return (
    <Container className="divide-y p-0">
      <PageHeader title={t("batches.title")} subtitle={t("batches.subtitle")} />
      <ErrorLine error={batches.error} />
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("batches.point")}</Table.HeaderCell>
            <Table.HeaderCell>{t("batches.cycle")}</Table.HeaderCell>
            <Table.HeaderCell>{t("batches.status")}</Table.HeaderCell>
            <Table.HeaderCell>{t("batches.orders")}</Table.HeaderCell>
            <Table.HeaderCell>{t("batches.checkIn")}</Table.HeaderCell>
            <Table.HeaderCell>{t("common.actions")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(batches.data?.pickup_batches ?? []).map((b) => (
            <Table.Row key={b.id}>
              <Table.Cell>{b.point ? `${b.point.name}（${b.point.code}）` : "–"}</Table.Cell>
              <Table.Cell>{b.cycle?.name ?? "–"}</Table.Cell>
              <Table.Cell>
                <Badge size="2xsmall">{t(`batchStatus.${b.status}`)}</Badge>
              </Table.Cell>
              <Table.Cell>
                {ORDER_STATES.filter((s) => b.orders[s])
                  .map((s) => `${t(`assignmentStatus.${s}`)} ${b.orders[s]}`)
                  .join(" · ") || "0"}
              </Table.Cell>
              <Table.Cell>
                {b.checked_in_at ? t("batches.checkedIn", { at: when(b.checked_in_at) }) : t("batches.notCheckedIn")}
                {b.shortages.length ? ` · ${t("batches.shortages")} ${b.shortages.length}` : ""}
              </Table.Cell>
              <Table.Cell>
                <Button size="small" variant="secondary" onClick={() => setOpen(b)}>
                  {t("batches.view")}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <OffsetPagination
        count={batches.data?.count ?? 0}
        offset={offset}
        pageSize={PAGE}
        onOffset={setOffset}
        busy={batches.isFetching}
      />
      {open ? <BatchDrawer key={open.id} batch={open} onClose={() => setOpen(null)} /> : null}
    </Container>
  )
}

type ManifestRow = {
  bag_number: number
  resident: string
  phone_last4: string
  status: string
  items: string
  amount_to_collect_fen: number
}

function BatchDrawer({ batch, onClose }: { batch: Batch; onClose: () => void }) {
  const { t, when } = useT()
  const manifest = useAdminQuery<{ rows: ManifestRow[] }>(`/admin/pickup-batches/${batch.id}/manifest`, {
    kind: "pickup",
  })
  const rows = manifest.data?.rows ?? []
  return (
    <Drawer open onOpenChange={(open) => (open ? null : onClose())}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>
            {batch.point?.name ?? ""} · {batch.cycle?.name ?? ""}
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <section className="flex flex-col gap-y-1">
            <Heading level="h3">{t("batches.checkIn")}</Heading>
            <Text size="small">
              {t(`batchStatus.${batch.status}`)} ·{" "}
              {batch.checked_in_at
                ? t("batches.checkedIn", { at: when(batch.checked_in_at) })
                : t("batches.notCheckedIn")}
            </Text>
            {batch.shortages.length ? (
              <ul className="list-disc pl-5">
                {batch.shortages.map((s) => (
                  <li key={s.id}>
                    <Text size="small">
                      {s.note ?? s.variant_id}: {t("batches.missing", { quantity: s.missing_quantity })}
                    </Text>
                  </li>
                ))}
              </ul>
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                {t("batches.noShortages")}
              </Text>
            )}
          </section>
          <section className="flex flex-col gap-y-2">
            <Heading level="h3">{t("batches.manifest")}</Heading>
            <ErrorLine error={manifest.error} />
            {manifest.data && !rows.length ? (
              <Text size="small" className="text-ui-fg-subtle">
                {t("batches.noRows")}
              </Text>
            ) : null}
            {rows.length ? (
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>{t("batches.bag")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("batches.resident")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("batches.status")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("batches.items")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("batches.toCollect")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {rows.map((r) => (
                    <Table.Row key={r.bag_number}>
                      <Table.Cell>{r.bag_number}</Table.Cell>
                      <Table.Cell>
                        {r.resident} ···{r.phone_last4}
                      </Table.Cell>
                      <Table.Cell>{t(`assignmentStatus.${r.status}`)}</Table.Cell>
                      <Table.Cell>{r.items}</Table.Cell>
                      <Table.Cell>{fenToYuan(r.amount_to_collect_fen)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            ) : null}
          </section>
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}

export const config = defineRouteConfig({
  label: "lianxin.menu.batches",
  translationNs: "translation",
  icon: ArchiveBox,
})

export default PickupBatchesPage
