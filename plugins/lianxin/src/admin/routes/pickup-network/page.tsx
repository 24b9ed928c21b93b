import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Select, Switch, Table } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../../components/field"
import { FormDrawer } from "../../components/form-drawer"
import { ErrorLine } from "../../components/query-state"
import { useT } from "../../lib/i18n"
import { type Office, POLICIES, type Point } from "../../lib/pickup"
import { useAdminMutation, useAdminQuery } from "../../lib/query"
import { PageHeader } from "../../components/page-header"

/** Property offices and their pickup points: address, hours, phone, capacity and hold policy (docs/admin.md). */
const PickupNetworkPage = () => {
  const { t } = useT()
  const offices = useAdminQuery<{ property_offices: Office[] }>("/admin/pickup-offices", { limit: 100 })
  const points = useAdminQuery<{ pickup_points: Point[] }>("/admin/pickup-points", { limit: 100 })
  const officeList = offices.data?.property_offices ?? []
  const [editing, setEditing] = useState<Point | null>(null)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <PageHeader title={t("network.title")} subtitle={t("network.subtitle")}>
          <CreateOffice />
        </PageHeader>
        <ErrorLine error={offices.error} />
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("network.compound")}</Table.HeaderCell>
              <Table.HeaderCell>{t("network.company")}</Table.HeaderCell>
              <Table.HeaderCell>{t("network.address")}</Table.HeaderCell>
              <Table.HeaderCell>{t("network.phone")}</Table.HeaderCell>
              <Table.HeaderCell>{t("network.hours")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {officeList.map((o) => (
              <Table.Row key={o.id}>
                <Table.Cell>{o.compound_name}</Table.Cell>
                <Table.Cell>{o.company}</Table.Cell>
                <Table.Cell>
                  {o.city}
                  {o.district ?? ""} {o.address}
                </Table.Cell>
                <Table.Cell>{o.phone}</Table.Cell>
                <Table.Cell>
                  {(o.opening_hours ?? []).map((h) => `${h.opens}–${h.closes}`).join("、") || "–"}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">{t("network.points")}</Heading>
          <CreatePoint offices={officeList} />
        </div>
        <ErrorLine error={points.error} />
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("network.code")}</Table.HeaderCell>
              <Table.HeaderCell>{t("network.name")}</Table.HeaderCell>
              <Table.HeaderCell>{t("network.office")}</Table.HeaderCell>
              <Table.HeaderCell>{t("network.capacity")}</Table.HeaderCell>
              <Table.HeaderCell>{t("network.hold")}</Table.HeaderCell>
              <Table.HeaderCell>{t("network.policy")}</Table.HeaderCell>
              <Table.HeaderCell>{t("common.actions")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(points.data?.pickup_points ?? []).map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell className="font-mono">{p.code}</Table.Cell>
                <Table.Cell>
                  {p.name}{" "}
                  {p.is_active ? null : (
                    <Badge size="2xsmall" color="grey">
                      {t("common.inactive")}
                    </Badge>
                  )}
                </Table.Cell>
                <Table.Cell>{p.office?.compound_name ?? "–"}</Table.Cell>
                <Table.Cell>
                  {p.capacity_chilled} / {p.capacity_ambient}
                </Table.Cell>
                <Table.Cell>
                  {p.hold_hours_chilled} / {p.hold_hours_ambient}
                </Table.Cell>
                <Table.Cell>{t(`policy.${p.uncollected_policy}`)}</Table.Cell>
                <Table.Cell>
                  <Button size="small" variant="transparent" onClick={() => setEditing(p)}>
                    {t("network.editPoint")}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      {editing ? <EditPoint key={editing.id} point={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  )
}

const HOURS = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/

function CreateOffice() {
  const { t } = useT()
  const empty = { company: "", compound_name: "", address: "", city: "", district: "", phone: "", hours: "" }
  const [form, setForm] = useState(empty)
  const create = useAdminMutation<typeof empty>({
    path: () => "/admin/pickup-offices",
    body: (f) => ({
      company: f.company.trim(),
      compound_name: f.compound_name.trim(),
      address: f.address.trim(),
      city: f.city.trim(),
      district: f.district.trim() || null,
      phone: f.phone.trim(),
      opening_hours: HOURS.test(f.hours.trim())
        ? [{ days: [1, 2, 3, 4, 5, 6, 7], opens: f.hours.trim().slice(0, 5), closes: f.hours.trim().slice(6) }]
        : null,
    }),
    invalidates: ["/admin/pickup-offices"],
    success: t("common.created"),
    onSuccess: () => setForm(empty),
  })
  const fields: [keyof typeof empty, string, string?][] = [
    ["company", t("network.company")],
    ["compound_name", t("network.compound")],
    ["city", t("network.city")],
    ["district", `${t("network.district")}（${t("common.optional")}）`],
    ["address", t("network.address")],
    ["phone", t("network.phone")],
    ["hours", t("network.hours"), t("network.hoursHint")],
  ]
  return (
    <FormDrawer
      title={t("network.newOffice")}
      trigger={t("network.newOffice")}
      submitLabel={t("common.create")}
      submitting={create.isPending}
      canSubmit={["company", "compound_name", "address", "city", "phone"].every(
        (k) => !!form[k as keyof typeof empty].trim()
      )}
      onSubmit={() => create.mutateAsync(form)}
    >
      {fields.map(([k, label, hint]) => (
        <Field key={k} label={label} hint={hint}>
          <Input value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
        </Field>
      ))}
    </FormDrawer>
  )
}

type PointForm = {
  capacity_chilled: string
  capacity_ambient: string
  hold_hours_chilled: string
  hold_hours_ambient: string
  uncollected_policy: (typeof POLICIES)[number]
}

function PointFields({ form, set }: { form: PointForm; set: (patch: Partial<PointForm>) => void }) {
  const { t } = useT()
  const numbers: [keyof PointForm, string][] = [
    ["capacity_chilled", t("network.capacityChilled")],
    ["capacity_ambient", t("network.capacityAmbient")],
    ["hold_hours_chilled", t("network.holdChilled")],
    ["hold_hours_ambient", t("network.holdAmbient")],
  ]
  return (
    <>
      {numbers.map(([k, label]) => (
        <Field key={k} label={label}>
          <Input type="number" min={0} value={form[k]} onChange={(e) => set({ [k]: e.target.value })} />
        </Field>
      ))}
      <Field label={t("network.policy")}>
        <Select
          value={form.uncollected_policy}
          onValueChange={(v) => set({ uncollected_policy: v as PointForm["uncollected_policy"] })}
        >
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
    </>
  )
}

const pointNumbers = (f: PointForm) => ({
  capacity_chilled: Number(f.capacity_chilled),
  capacity_ambient: Number(f.capacity_ambient),
  hold_hours_chilled: Number(f.hold_hours_chilled),
  hold_hours_ambient: Number(f.hold_hours_ambient),
  uncollected_policy: f.uncollected_policy,
})

function CreatePoint({ offices }: { offices: Office[] }) {
  const { t } = useT()
  const empty = {
    office_id: "",
    code: "",
    name: "",
    capacity_chilled: "20",
    capacity_ambient: "40",
    hold_hours_chilled: "24",
    hold_hours_ambient: "72",
    uncollected_policy: "donate" as PointForm["uncollected_policy"],
  }
  const [form, setForm] = useState(empty)
  const create = useAdminMutation<typeof empty>({
    path: () => "/admin/pickup-points",
    body: (f) => ({ office_id: f.office_id, code: f.code.trim(), name: f.name.trim(), ...pointNumbers(f) }),
    invalidates: ["/admin/pickup-points", "/admin/pickup-offices"],
    success: t("common.created"),
    onSuccess: () => setForm(empty),
  })
  return (
    <FormDrawer
      title={t("network.newPoint")}
      trigger={t("network.newPoint")}
      triggerVariant="primary"
      submitLabel={t("common.create")}
      submitting={create.isPending}
      canSubmit={!!form.office_id && !!form.code.trim() && !!form.name.trim()}
      onSubmit={() => create.mutateAsync(form)}
    >
      <Field label={t("network.office")}>
        <Select value={form.office_id} onValueChange={(office_id) => setForm({ ...form, office_id })}>
          <Select.Trigger>
            <Select.Value placeholder={t("network.office")} />
          </Select.Trigger>
          <Select.Content>
            {offices.map((o) => (
              <Select.Item key={o.id} value={o.id}>
                {o.compound_name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      <Field label={t("network.code")} hint={t("network.codeHint")}>
        <Input value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value.toUpperCase() })} />
      </Field>
      <Field label={t("network.name")}>
        <Input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </Field>
      <PointFields form={form} set={(patch) => setForm({ ...form, ...patch })} />
    </FormDrawer>
  )
}

function EditPoint({ point, onClose }: { point: Point; onClose: () => void }) {
  const { t } = useT()
  const [form, setForm] = useState({
    name: point.name,
    is_active: point.is_active,
    capacity_chilled: String(point.capacity_chilled),
    capacity_ambient: String(point.capacity_ambient),
    hold_hours_chilled: String(point.hold_hours_chilled),
    hold_hours_ambient: String(point.hold_hours_ambient),
    uncollected_policy: point.uncollected_policy,
  })
  const save = useAdminMutation<typeof form>({
    path: () => `/admin/pickup-points/${point.id}`,
    body: (f) => ({ name: f.name.trim(), is_active: f.is_active, ...pointNumbers(f) }),
    invalidates: ["/admin/pickup-points"],
    success: t("common.saved"),
  })
  return (
    <FormDrawer
      title={`${t("network.editPoint")} ${point.code}`}
      open
      onOpenChange={(open) => (open ? null : onClose())}
      submitLabel={t("common.save")}
      submitting={save.isPending}
      canSubmit={!!form.name.trim()}
      onSubmit={() => save.mutateAsync(form)}
    >
      <Field label={t("network.name")}>
        <Input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </Field>
      <PointFields form={form} set={(patch) => setForm({ ...form, ...patch })} />
      <Field label={t("common.active")}>
        <Switch checked={form.is_active} onCheckedChange={(is_active) => setForm({ ...form, is_active })} />
      </Field>
    </FormDrawer>
  )
}

export const config = defineRouteConfig({
  label: "lianxin.menu.pickupNetwork",
  translationNs: "translation",
  icon: BuildingStorefront,
})

export default PickupNetworkPage
