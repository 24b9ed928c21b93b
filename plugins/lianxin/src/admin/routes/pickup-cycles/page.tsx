import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Calendar } from "@medusajs/icons"
import { Badge, Button, Container, Input, Select, Table, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../../components/field"
import { FormDrawer } from "../../components/form-drawer"
import { ErrorLine } from "../../components/query-state"
import { useT } from "../../lib/i18n"
import { type Cycle, cycleState, shanghaiInput, toShanghaiInput } from "../../lib/pickup"
import { useAdminMutation, useAdminQuery } from "../../lib/query"
import { PageHeader } from "../../components/page-header"

const STATE_COLOR = { open: "green", closed: "orange", canceled: "grey", over: "grey" } as const

/** Order cycles: the daily rule's cycles and the weekly and special ones; close or extend one (docs/admin.md). */
const PickupCyclesPage = () => {
  const { t, when } = useT()
  const cycles = useAdminQuery<{ order_cycles: Cycle[] }>("/admin/pickup-cycles", { limit: 50 })
  const [action, setAction] = useState<{ cycle: Cycle; kind: "close" | "extend" } | null>(null)
  return (
    <Container className="divide-y p-0">
      <PageHeader title={t("cycles.title")} subtitle={t("cycles.subtitle")}>
        <CreateCycle />
      </PageHeader>
      <ErrorLine error={cycles.error} />
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("cycles.name")}</Table.HeaderCell>
            <Table.HeaderCell>{t("cycles.rhythm")}</Table.HeaderCell>
            <Table.HeaderCell>{t("cycles.residentCutoff")}</Table.HeaderCell>
            <Table.HeaderCell>{t("cycles.window")}</Table.HeaderCell>
            <Table.HeaderCell>{t("cycles.status")}</Table.HeaderCell>
            <Table.HeaderCell>{t("common.actions")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(cycles.data?.order_cycles ?? []).map((c) => {
            const state = cycleState(c)
            return (
              <Table.Row key={c.id}>
                <Table.Cell>{c.name}</Table.Cell>
                <Table.Cell>{t(`rhythm.${c.rhythm}`)}</Table.Cell>
                <Table.Cell>{when(c.resident_cutoff_at)}</Table.Cell>
                <Table.Cell>
                  {when(c.pickup_starts_at)} – {when(c.pickup_ends_at)}
                </Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={STATE_COLOR[state]}>
                    {t(`cycleStatus.${state}`)}
                  </Badge>
                </Table.Cell>
                <Table.Cell>
                  {state === "open" || state === "closed" ? (
                    <div className="flex gap-x-2">
                      {state === "open" ? (
                        <Button size="small" variant="secondary" onClick={() => setAction({ cycle: c, kind: "close" })}>
                          {t("cycles.close")}
                        </Button>
                      ) : null}
                      <Button size="small" variant="secondary" onClick={() => setAction({ cycle: c, kind: "extend" })}>
                        {t("cycles.extend")}
                      </Button>
                    </div>
                  ) : null}
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
      {action ? (
        <ChangeCycle
          key={`${action.cycle.id}-${action.kind}`}
          cycle={action.cycle}
          kind={action.kind}
          onClose={() => setAction(null)}
        />
      ) : null}
    </Container>
  )
}

function CreateCycle() {
  const { t } = useT()
  const empty = {
    name: "",
    rhythm: "weekly" as Cycle["rhythm"],
    producer_cutoff_at: "",
    resident_cutoff_at: "",
    pickup_starts_at: "",
    pickup_ends_at: "",
  }
  const [form, setForm] = useState(empty)
  const times: [keyof typeof empty, string][] = [
    ["producer_cutoff_at", t("cycles.producerCutoff")],
    ["resident_cutoff_at", t("cycles.residentCutoff")],
    ["pickup_starts_at", t("cycles.pickupStarts")],
    ["pickup_ends_at", t("cycles.pickupEnds")],
  ]
  const create = useAdminMutation<typeof empty>({
    path: () => "/admin/pickup-cycles",
    body: (f) => ({
      name: f.name.trim(),
      rhythm: f.rhythm,
      producer_cutoff_at: shanghaiInput(f.producer_cutoff_at),
      resident_cutoff_at: shanghaiInput(f.resident_cutoff_at),
      pickup_starts_at: shanghaiInput(f.pickup_starts_at),
      pickup_ends_at: shanghaiInput(f.pickup_ends_at),
    }),
    invalidates: ["/admin/pickup-cycles"],
    success: t("common.created"),
    onSuccess: () => setForm(empty),
  })
  return (
    <FormDrawer
      title={t("cycles.newCycle")}
      trigger={t("cycles.newCycle")}
      triggerVariant="primary"
      submitLabel={t("common.create")}
      submitting={create.isPending}
      canSubmit={!!form.name.trim() && times.every(([k]) => !!form[k])}
      onSubmit={() => create.mutateAsync(form)}
    >
      <Field label={t("cycles.name")}>
        <Input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </Field>
      <Field label={t("cycles.rhythm")}>
        <Select value={form.rhythm} onValueChange={(v) => setForm({ ...form, rhythm: v as Cycle["rhythm"] })}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {(["weekly", "special", "daily"] as const).map((r) => (
              <Select.Item key={r} value={r}>
                {t(`rhythm.${r}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      {times.map(([k, label]) => (
        <Field key={k} label={label}>
          <Input type="datetime-local" value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
        </Field>
      ))}
    </FormDrawer>
  )
}

function ChangeCycle({ cycle, kind, onClose }: { cycle: Cycle; kind: "close" | "extend"; onClose: () => void }) {
  const { t } = useT()
  const [form, setForm] = useState({
    reason: "",
    resident_cutoff_at: toShanghaiInput(cycle.resident_cutoff_at),
    pickup_ends_at: toShanghaiInput(cycle.pickup_ends_at),
  })
  const change = useAdminMutation<typeof form>({
    path: () => `/admin/pickup-cycles/${cycle.id}/${kind}`,
    body: (f) =>
      kind === "close"
        ? { reason: f.reason.trim() || null }
        : {
            reason: f.reason.trim() || null,
            resident_cutoff_at: shanghaiInput(f.resident_cutoff_at),
            ...(f.pickup_ends_at !== toShanghaiInput(cycle.pickup_ends_at)
              ? { pickup_ends_at: shanghaiInput(f.pickup_ends_at) }
              : {}),
          },
    invalidates: ["/admin/pickup-cycles"],
    success: kind === "close" ? t("cycles.closed") : t("cycles.extended"),
  })
  return (
    <FormDrawer
      title={`${kind === "close" ? t("cycles.closeTitle") : t("cycles.extendTitle")}：${cycle.name}`}
      open
      onOpenChange={(open) => (open ? null : onClose())}
      submitLabel={kind === "close" ? t("cycles.close") : t("cycles.extend")}
      submitVariant={kind === "close" ? "danger" : "primary"}
      submitting={change.isPending}
      onSubmit={() => change.mutateAsync(form)}
    >
      <Text size="small" className="text-ui-fg-subtle">
        {kind === "close" ? t("cycles.closeHint") : t("cycles.extendHint")}
      </Text>
      {kind === "extend" ? (
        <>
          <Field label={t("cycles.residentCutoff")}>
            <Input
              type="datetime-local"
              value={form.resident_cutoff_at}
              onChange={(e) => setForm({ ...form, resident_cutoff_at: e.target.value })}
            />
          </Field>
          <Field label={t("cycles.pickupEnds")}>
            <Input
              type="datetime-local"
              value={form.pickup_ends_at}
              onChange={(e) => setForm({ ...form, pickup_ends_at: e.target.value })}
            />
          </Field>
        </>
      ) : null}
      <Field label={t("common.reason")}>
        <Textarea value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
      </Field>
    </FormDrawer>
  )
}

export const config = defineRouteConfig({ label: "lianxin.menu.cycles", translationNs: "translation", icon: Calendar })

export default PickupCyclesPage
