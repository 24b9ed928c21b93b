import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Badge, Button, Checkbox, Container, Input, Label, Table } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../../components/field"
import { FormDrawer } from "../../components/form-drawer"
import { ErrorLine } from "../../components/query-state"
import { useT } from "../../lib/i18n"
import type { Point, Staff } from "../../lib/pickup"
import { useAdminMutation, useAdminQuery } from "../../lib/query"
import { PageHeader } from "../../components/page-header"

/** Staff accounts of the property offices: invite, bind to points, deactivate, reset password (docs/admin.md). */
const PickupStaffPage = () => {
  const { t } = useT()
  const staff = useAdminQuery<{ pickup_staff: Staff[] }>("/admin/pickup-staff", { limit: 100 })
  const points = useAdminQuery<{ pickup_points: Point[] }>("/admin/pickup-points", { limit: 100 })
  const pointList = points.data?.pickup_points ?? []
  const pointName = new Map(pointList.map((p) => [p.id, `${p.name}（${p.code}）`]))
  const [open, setOpen] = useState<{ staff: Staff; kind: "bind" | "password" } | null>(null)
  const toggle = useAdminMutation<{ id: string; is_active: boolean }>({
    path: (b) => `/admin/pickup-staff/${b.id}`,
    body: (b) => ({ is_active: b.is_active }),
    invalidates: ["/admin/pickup-staff"],
    success: (_r, b) => (b.is_active ? t("staff.activated") : t("staff.deactivated")),
  })
  return (
    <Container className="divide-y p-0">
      <PageHeader title={t("staff.title")} subtitle={t("staff.subtitle")}>
        <InviteStaff points={pointList} />
      </PageHeader>
      <ErrorLine error={staff.error} />
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("staff.name")}</Table.HeaderCell>
            <Table.HeaderCell>{t("staff.email")}</Table.HeaderCell>
            <Table.HeaderCell>{t("staff.points")}</Table.HeaderCell>
            <Table.HeaderCell>{t("common.actions")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(staff.data?.pickup_staff ?? []).map((s) => (
            <Table.Row key={s.id}>
              <Table.Cell>
                {s.name}{" "}
                {s.is_active ? null : (
                  <Badge size="2xsmall" color="grey">
                    {t("common.inactive")}
                  </Badge>
                )}
              </Table.Cell>
              <Table.Cell>{s.email}</Table.Cell>
              <Table.Cell>{s.point_ids.map((id) => pointName.get(id) ?? "…").join("、") || "–"}</Table.Cell>
              <Table.Cell>
                <div className="flex gap-x-2">
                  <Button size="small" variant="secondary" onClick={() => setOpen({ staff: s, kind: "bind" })}>
                    {t("staff.bind")}
                  </Button>
                  <Button size="small" variant="secondary" onClick={() => setOpen({ staff: s, kind: "password" })}>
                    {t("staff.resetPassword")}
                  </Button>
                  <Button
                    size="small"
                    variant={s.is_active ? "danger" : "secondary"}
                    isLoading={toggle.isPending && toggle.variables?.id === s.id}
                    onClick={() => toggle.mutate({ id: s.id, is_active: !s.is_active })}
                  >
                    {s.is_active ? t("staff.deactivate") : t("staff.activate")}
                  </Button>
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {open?.kind === "bind" ? (
        <BindPoints key={open.staff.id} staff={open.staff} points={pointList} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === "password" ? (
        <ResetPassword key={open.staff.id} staff={open.staff} onClose={() => setOpen(null)} />
      ) : null}
    </Container>
  )
}

function PointChoice({
  points,
  chosen,
  onChange,
}: {
  points: Point[]
  chosen: string[]
  onChange: (ids: string[]) => void
}) {
  return (
    <div className="flex flex-col gap-y-2">
      {points.map((p) => {
        const id = `point-${p.id}`
        return (
          <div key={p.id} className="flex items-center gap-x-2">
            <Checkbox
              id={id}
              checked={chosen.includes(p.id)}
              onCheckedChange={(on) => onChange(on ? [...chosen, p.id] : chosen.filter((x) => x !== p.id))}
            />
            <Label htmlFor={id} size="small">
              {p.name}（{p.code}）
            </Label>
          </div>
        )
      })}
    </div>
  )
}

function InviteStaff({ points }: { points: Point[] }) {
  const { t } = useT()
  const empty = { name: "", email: "", phone: "", password: "", point_ids: [] as string[] }
  const [form, setForm] = useState(empty)
  const create = useAdminMutation<typeof empty>({
    path: () => "/admin/pickup-staff",
    body: (f) => ({
      name: f.name.trim(),
      email: f.email.trim(),
      phone: f.phone.trim() || null,
      password: f.password,
      point_ids: f.point_ids,
    }),
    invalidates: ["/admin/pickup-staff"],
    success: t("common.created"),
    onSuccess: () => setForm(empty),
  })
  return (
    <FormDrawer
      title={t("staff.invite")}
      trigger={t("staff.invite")}
      triggerVariant="primary"
      submitLabel={t("common.create")}
      submitting={create.isPending}
      canSubmit={!!form.name.trim() && !!form.email.trim() && form.password.length >= 10 && form.point_ids.length > 0}
      onSubmit={() => create.mutateAsync(form)}
    >
      <Field label={t("staff.name")}>
        <Input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </Field>
      <Field label={t("staff.email")}>
        <Input type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
      </Field>
      <Field label={`${t("staff.phone")}（${t("common.optional")}）`}>
        <Input value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
      </Field>
      <Field label={t("staff.password")} hint={t("staff.passwordHint")}>
        <Input type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
      </Field>
      <Field label={t("staff.points")}>
        <PointChoice
          points={points}
          chosen={form.point_ids}
          onChange={(point_ids) => setForm({ ...form, point_ids })}
        />
      </Field>
    </FormDrawer>
  )
}

function BindPoints({ staff, points, onClose }: { staff: Staff; points: Point[]; onClose: () => void }) {
  const { t } = useT()
  const [chosen, setChosen] = useState(staff.point_ids)
  const save = useAdminMutation<string[]>({
    path: () => `/admin/pickup-staff/${staff.id}`,
    body: (point_ids) => ({ point_ids }),
    invalidates: ["/admin/pickup-staff"],
    success: t("staff.bound"),
  })
  return (
    <FormDrawer
      title={`${t("staff.bind")}：${staff.name}`}
      open
      onOpenChange={(open) => (open ? null : onClose())}
      submitLabel={t("common.save")}
      submitting={save.isPending}
      onSubmit={() => save.mutateAsync(chosen)}
    >
      <PointChoice points={points} chosen={chosen} onChange={setChosen} />
    </FormDrawer>
  )
}

function ResetPassword({ staff, onClose }: { staff: Staff; onClose: () => void }) {
  const { t } = useT()
  const [password, setPassword] = useState("")
  const reset = useAdminMutation<string>({
    path: () => `/admin/pickup-staff/${staff.id}/password`,
    body: (p) => ({ password: p }),
    invalidates: [],
    success: t("staff.passwordReset"),
  })
  return (
    <FormDrawer
      title={`${t("staff.resetPassword")}：${staff.name}`}
      open
      onOpenChange={(open) => (open ? null : onClose())}
      submitLabel={t("staff.resetPassword")}
      submitting={reset.isPending}
      canSubmit={password.length >= 10}
      onSubmit={() => reset.mutateAsync(password)}
    >
      <Field label={t("staff.newPassword")} hint={t("staff.passwordHint")}>
        <Input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
    </FormDrawer>
  )
}

export const config = defineRouteConfig({ label: "lianxin.menu.staff", translationNs: "translation", icon: Users })

export default PickupStaffPage
