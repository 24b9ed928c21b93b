import { Button, Container, Drawer, Heading, Input, Select, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../../components/field"
import { adminFetch, useAdminData, type Cooperative, type Village } from "../../lib/households-api"

/** Villages and cooperatives: the places and organisations households belong to. Reached from the households list. */
const VillagesPage = () => {
  const villages = useAdminData<{ villages: Village[] }>("/admin/villages", { limit: 100 })
  const cooperatives = useAdminData<{ cooperatives: Cooperative[] }>("/admin/cooperatives", { limit: 100 })

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
          <CreateVillage onCreated={villages.reload} />
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
          <CreateCooperative villages={villages.data?.villages ?? []} onCreated={cooperatives.reload} />
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

function CreateVillage({ onCreated }: { onCreated: () => void }) {
  const empty = { code: "", name: "", township: "", county: "", province: "" }
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState(empty)
  const [saving, setSaving] = useState(false)
  const labels: Record<keyof typeof empty, string> = {
    code: "编号（如 YN-LC）",
    name: "村",
    township: "乡镇",
    county: "县/区",
    province: "省",
  }

  async function save() {
    setSaving(true)
    try {
      await adminFetch("/admin/villages", { method: "POST", body: form })
      toast.success("已创建")
      setForm(empty)
      setOpen(false)
      onCreated()
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small">新建村</Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>新建村</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          {(Object.keys(empty) as (keyof typeof empty)[]).map((k) => (
            <Field key={k} label={labels[k]}>
              <Input
                value={form[k]}
                onChange={(e) =>
                  setForm({ ...form, [k]: k === "code" ? e.target.value.toUpperCase() : e.target.value })
                }
              />
            </Field>
          ))}
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" isLoading={saving} disabled={Object.values(form).some((v) => !v.trim())} onClick={save}>
            创建
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

function CreateCooperative({ villages, onCreated }: { villages: Village[]; onCreated: () => void }) {
  const empty = { name: "", village_id: "", contact_name: "", contact_phone: "" }
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState(empty)
  const [saving, setSaving] = useState(false)

  async function save() {
    setSaving(true)
    try {
      await adminFetch("/admin/cooperatives", {
        method: "POST",
        body: {
          name: form.name.trim(),
          village_id: form.village_id,
          contact_name: form.contact_name.trim() || null,
          contact_phone: form.contact_phone.trim() || null,
        },
      })
      toast.success("已创建")
      setForm(empty)
      setOpen(false)
      onCreated()
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          新建合作社
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>新建合作社</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
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
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" isLoading={saving} disabled={!form.name.trim() || !form.village_id} onClick={save}>
            创建
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

export default VillagesPage
