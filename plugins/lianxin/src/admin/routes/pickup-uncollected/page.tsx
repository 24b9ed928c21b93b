import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import { Badge, Button, Checkbox, Container, Input, Label, Select, Table } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../../components/field"
import { FormDrawer } from "../../components/form-drawer"
import { OffsetPagination } from "../../components/offset-pagination"
import { ErrorLine } from "../../components/query-state"
import { useT } from "../../lib/i18n"
import { POLICIES } from "../../lib/pickup"
import { useAdminMutation, useAdminQuery } from "../../lib/query"
import { PageHeader } from "../../components/page-header"

type Uncollected = {
  id: string
  order_id: string
  display_id: number | null
  bag_number: number
  masked_name: string | null
  point: { code: string; name: string } | null
  cycle: { name: string } | null
  uncollected_at: string | null
  policy: (typeof POLICIES)[number] | null
  disposal: { policy: (typeof POLICIES)[number]; note: string | null; disposed_at: string } | null
}

const PAGE = 20

/** Uncollected orders at every point and what was done with them (docs/admin.md). */
const PickupUncollectedPage = () => {
  const { t, when } = useT()
  const [offset, setOffset] = useState(0)
  const [pending, setPending] = useState(true)
  const list = useAdminQuery<{ assignments: Uncollected[]; count: number }>(
    "/admin/pickup-uncollected",
    { limit: PAGE, offset, disposed: pending ? "false" : undefined },
    { keepPrevious: true }
  )
  const [open, setOpen] = useState<Uncollected | null>(null)
  return (
    <Container className="divide-y p-0">
      <PageHeader title={t("uncollected.title")} subtitle={t("uncollected.subtitle")}>
        <div className="flex items-center gap-x-2">
          <Checkbox
            id="only-pending"
            checked={pending}
            onCheckedChange={(on) => {
              setPending(on === true)
              setOffset(0)
            }}
          />
          <Label htmlFor="only-pending" size="small">
            {t("uncollected.onlyPending")}
          </Label>
        </div>
      </PageHeader>
      <ErrorLine error={list.error} />
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("uncollected.order")}</Table.HeaderCell>
            <Table.HeaderCell>{t("uncollected.point")}</Table.HeaderCell>
            <Table.HeaderCell>{t("uncollected.since")}</Table.HeaderCell>
            <Table.HeaderCell>{t("uncollected.rule")}</Table.HeaderCell>
            <Table.HeaderCell>{t("uncollected.disposal")}</Table.HeaderCell>
            <Table.HeaderCell>{t("common.actions")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(list.data?.assignments ?? []).map((a) => (
            <Table.Row key={a.id}>
              <Table.Cell>
                #{a.display_id ?? "–"} · {t("batches.bag")} {a.bag_number} · {a.masked_name ?? ""}
              </Table.Cell>
              <Table.Cell>{a.point ? `${a.point.name}（${a.point.code}）` : "–"}</Table.Cell>
              <Table.Cell>{when(a.uncollected_at)}</Table.Cell>
              <Table.Cell>{a.policy ? t(`policy.${a.policy}`) : "–"}</Table.Cell>
              <Table.Cell>
                {a.disposal ? (
                  <Badge size="2xsmall" color="green">
                    {t(`policy.${a.disposal.policy}`)} {when(a.disposal.disposed_at)}
                  </Badge>
                ) : (
                  <Badge size="2xsmall" color="orange">
                    {t("uncollected.pending")}
                  </Badge>
                )}
              </Table.Cell>
              <Table.Cell>
                {a.disposal ? null : (
                  <Button size="small" variant="secondary" onClick={() => setOpen(a)}>
                    {t("uncollected.dispose")}
                  </Button>
                )}
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
      {open ? <Dispose key={open.id} item={open} onClose={() => setOpen(null)} /> : null}
    </Container>
  )
}

function Dispose({ item, onClose }: { item: Uncollected; onClose: () => void }) {
  const { t } = useT()
  const [form, setForm] = useState({ policy: item.policy ?? "donate", note: "" })
  const dispose = useAdminMutation<typeof form>({
    path: () => `/admin/pickup-uncollected/${item.id}/disposal`,
    body: (f) => ({ policy: f.policy, ...(f.note.trim() ? { note: f.note.trim() } : {}) }),
    invalidates: ["/admin/pickup-uncollected"],
    success: t("uncollected.disposed"),
  })
  return (
    <FormDrawer
      title={`${t("uncollected.dispose")}：#${item.display_id ?? ""}`}
      open
      onOpenChange={(open) => (open ? null : onClose())}
      submitLabel={t("common.save")}
      submitting={dispose.isPending}
      onSubmit={() => dispose.mutateAsync(form)}
    >
      <Field label={t("uncollected.disposal")}>
        <Select value={form.policy} onValueChange={(v) => setForm({ ...form, policy: v as typeof form.policy })}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {POLICIES.map((p) => (
              <Select.Item key={p} value={p}>
                {t(`policy.${p}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      <Field label={`${t("uncollected.note")}（${t("common.optional")}）`}>
        <Input value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
      </Field>
    </FormDrawer>
  )
}

export const config = defineRouteConfig({
  label: "lianxin.menu.uncollected",
  translationNs: "translation",
  icon: ExclamationCircle,
})

export default PickupUncollectedPage
