import { Container, Heading, Input, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../../components/field"
import { FormDrawer } from "../../components/form-drawer"
import type { Cooperative, Village } from "../../lib/households"
import { useAdminMutation, useAdminQuery } from "../../lib/query"

/** Villages and cooperatives: the places and organisations households belong to. Reached from the households list. */
const VillagesPage = () => {
  const villages = useAdminQuery<{ villages: Village[] }>("/admin/villages", { limit: 100 })
  const cooperatives = useAdminQuery<{ cooperatives: Cooperative[] }>("/admin/cooperatives", { limit: 100 })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">村</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              村编号是该村农户编号的前缀（YN-LC → YN-LC-007），创建后不能修改。
            </Text>
          </div>
          <CreateVillage />
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>编号</Table.HeaderCell>
              <Table.HeaderCell>村</Table.HeaderCell>
              <Table.HeaderCell>乡镇</Table.HeaderCell>
              <Table.HeaderCell>县/区</Table.HeaderCell>
              <Table.HeaderCell>省</Table.HeaderCell>
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
          <Heading level="h2">合作社</Heading>
          <CreateCooperative villages={villages.data?.villages ?? []} />
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>名称</Table.HeaderCell>
              <Table.HeaderCell>所在村</Table.HeaderCell>
              <Table.HeaderCell>联系人</Table.HeaderCell>
              <Table.HeaderCell>电话</Table.HeaderCell>
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
  const empty = { code: "", name: "", township: "", county: "", province: "" }
  const [form, setForm] = useState(empty)
  const labels: Record<keyof typeof empty, string> = {
    code: "编号（如 YN-LC）",
    name: "村",
    township: "乡镇",
    county: "县/区",
    province: "省",
  }
  const create = useAdminMutation<typeof empty>({
    path: () => "/admin/villages",
    invalidates: ["/admin/villages"],
    success: "已创建",
    onSuccess: () => setForm(empty),
  })

  return (
    <FormDrawer
      title="新建村"
      trigger="新建村"
      triggerVariant="primary"
      submitLabel="创建"
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
    success: "已创建",
    onSuccess: () => setForm(empty),
  })

  return (
    <FormDrawer
      title="新建合作社"
      trigger="新建合作社"
      submitLabel="创建"
      submitting={create.isPending}
      canSubmit={!!form.name.trim() && !!form.village_id}
      onSubmit={() => create.mutateAsync(form)}
    >
      <Field label="名称">
        <Input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </Field>
      <Field label="所在村">
        <Select value={form.village_id} onValueChange={(village_id) => setForm({ ...form, village_id })}>
          <Select.Trigger>
            <Select.Value placeholder="选择村" />
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
      <Field label="联系人（业务联系人，不是登记信息）">
        <Input value={form.contact_name} onChange={(e) => setForm({ ...form, contact_name: e.target.value })} />
      </Field>
      <Field label="联系电话">
        <Input value={form.contact_phone} onChange={(e) => setForm({ ...form, contact_phone: e.target.value })} />
      </Field>
    </FormDrawer>
  )
}

export default VillagesPage
