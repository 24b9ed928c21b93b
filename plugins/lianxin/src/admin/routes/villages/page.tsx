import { Container, Heading, Input, Select, Table } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../../components/field"
import { FormDrawer } from "../../components/form-drawer"
import type { Cooperative, Village } from "../../lib/households"
import { useT } from "../../lib/i18n"
import { useAdminMutation, useAdminQuery } from "../../lib/query"
import { PageHeader } from "../../components/page-header"

/** Villages and cooperatives: the places and organisations households belong to. Reached from the households list. */
const VillagesPage = () => {
  const { t } = useT()
  const villages = useAdminQuery<{ villages: Village[] }>("/admin/villages", { limit: 100 })
  const cooperatives = useAdminQuery<{ cooperatives: Cooperative[] }>("/admin/cooperatives", { limit: 100 })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <PageHeader title={t("villages.title")} subtitle={t("villages.subtitle")}>
          <CreateVillage />
        </PageHeader>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("villages.code")}</Table.HeaderCell>
              <Table.HeaderCell>{t("villages.name")}</Table.HeaderCell>
              <Table.HeaderCell>{t("villages.township")}</Table.HeaderCell>
              <Table.HeaderCell>{t("villages.county")}</Table.HeaderCell>
              <Table.HeaderCell>{t("villages.province")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(villages.data?.villages ?? []).map((v) => (
              <Table.Row key={v.id}>
                <Table.Cell className="font-mono">{v.code}</Table.Cell>
                <Table.Cell>{v.name}</Table.Cell>
                <Table.Cell>{v.township}</Table.Cell>
                <Table.Cell>{v.county}</Table.Cell>
                <Table.Cell>{v.province}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">{t("villages.cooperatives")}</Heading>
          <CreateCooperative villages={villages.data?.villages ?? []} />
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("villages.coopName")}</Table.HeaderCell>
              <Table.HeaderCell>{t("villages.coopVillage")}</Table.HeaderCell>
              <Table.HeaderCell>{t("villages.contact")}</Table.HeaderCell>
              <Table.HeaderCell>{t("villages.phone")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(cooperatives.data?.cooperatives ?? []).map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>{c.name}</Table.Cell>
                <Table.Cell>{c.village?.name ?? "-"}</Table.Cell>
                <Table.Cell>{c.contact_name ?? "-"}</Table.Cell>
                <Table.Cell>{c.contact_phone ?? "-"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

function CreateVillage() {
  const { t } = useT()
  const empty = { code: "", name: "", township: "", county: "", province: "" }
  const [form, setForm] = useState(empty)
  const labels: Record<keyof typeof empty, string> = {
    code: t("villages.codeHint"),
    name: t("villages.name"),
    township: t("villages.township"),
    county: t("villages.county"),
    province: t("villages.province"),
  }
  const create = useAdminMutation<typeof empty>({
    path: () => "/admin/villages",
    invalidates: ["/admin/villages"],
    success: t("common.created"),
    onSuccess: () => setForm(empty),
  })

  return (
    <FormDrawer
      title={t("villages.create")}
      trigger={t("villages.create")}
      triggerVariant="primary"
      submitLabel={t("common.create")}
      submitting={create.isPending}
      canSubmit={!Object.values(form).some((v) => !v.trim())}
      onSubmit={() => create.mutateAsync(form)}
    >
      {(Object.keys(empty) as (keyof typeof empty)[]).map((k) => (
        <Field key={k} label={labels[k]}>
          <Input
            value={form[k]}
            onChange={(e) => setForm({ ...form, [k]: k === "code" ? e.target.value.toUpperCase() : e.target.value })}
          />
        </Field>
      ))}
    </FormDrawer>
  )
}

function CreateCooperative({ villages }: { villages: Village[] }) {
  const { t } = useT()
  const empty = { name: "", village_id: "", contact_name: "", contact_phone: "" }
  const [form, setForm] = useState(empty)
  const create = useAdminMutation<typeof empty>({
    path: () => "/admin/cooperatives",
    body: (f) => ({
      name: f.name.trim(),
      village_id: f.village_id,
      contact_name: f.contact_name.trim() || null,
      contact_phone: f.contact_phone.trim() || null,
    }),
    invalidates: ["/admin/cooperatives"],
    success: t("common.created"),
    onSuccess: () => setForm(empty),
  })

  return (
    <FormDrawer
      title={t("villages.createCoop")}
      trigger={t("villages.createCoop")}
      submitLabel={t("common.create")}
      submitting={create.isPending}
      canSubmit={!!form.name.trim() && !!form.village_id}
      onSubmit={() => create.mutateAsync(form)}
    >
      <Field label={t("villages.coopName")}>
        <Input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </Field>
      <Field label={t("villages.coopVillage")}>
        <Select value={form.village_id} onValueChange={(village_id) => setForm({ ...form, village_id })}>
          <Select.Trigger>
            <Select.Value placeholder={t("villages.chooseVillage")} />
          </Select.Trigger>
          <Select.Content>
            {villages.map((v) => (
              <Select.Item key={v.id} value={v.id}>
                {v.name}（{v.code}）
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      <Field label={t("villages.contactHint")}>
        <Input value={form.contact_name} onChange={(e) => setForm({ ...form, contact_name: e.target.value })} />
      </Field>
      <Field label={t("villages.contactPhone")}>
        <Input value={form.contact_phone} onChange={(e) => setForm({ ...form, contact_phone: e.target.value })} />
      </Field>
    </FormDrawer>
  )
}

export default VillagesPage
