import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Button, Container, Drawer, Heading, Input, Select, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { ConsentBadge } from "../../components/consent-badge"
import { Field } from "../../components/field"
import {
  adminFetch,
  useAdminData,
  type Cooperative,
  type HouseholdSummary,
  type Village,
} from "../../lib/households-api"
import { OffsetPagination } from "../../components/offset-pagination"

const PAGE = 20

const HouseholdsPage = () => {
  const [q, setQ] = useState("")
  const [offset, setOffset] = useState(0)
  const { data, error, loading, reload } = useAdminData<{ households: HouseholdSummary[]; count: number }>(
    "/admin/households",
    { q: q.trim() || undefined, limit: PAGE, offset },
  )
  const navigate = useNavigate()

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">农户</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            对外只显示农户编号；姓名、故事和照片须有公开资料同意记录才会在商城显示。
          </Text>
        </div>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" asChild>
            <Link to="/villages">村与合作社</Link>
          </Button>
          <CreateHousehold onCreated={(id) => navigate(`/households/${id}`)} />
        </div>
      </div>
      <div className="px-6 py-4">
        <Input
          type="search"
          placeholder="搜索编号或姓名"
          value={q}
          onChange={(e) => {
            setQ(e.target.value)
            setOffset(0)
          }}
        />
      </div>
      {error ? (
        <Text className="text-ui-fg-error px-6 py-4">{error}</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>编号</Table.HeaderCell>
              <Table.HeaderCell>姓名</Table.HeaderCell>
              <Table.HeaderCell>村</Table.HeaderCell>
              <Table.HeaderCell>合作社</Table.HeaderCell>
              <Table.HeaderCell>公开资料</Table.HeaderCell>
              <Table.HeaderCell>登记信息</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(data?.households ?? []).map((h) => (
              <Table.Row key={h.id} className="cursor-pointer" onClick={() => navigate(`/households/${h.id}`)}>
                <Table.Cell className="font-mono">{h.code}</Table.Cell>
                <Table.Cell>{h.display_name}</Table.Cell>
                <Table.Cell>{h.village ? `${h.village.name}（${h.village.county}）` : "-"}</Table.Cell>
                <Table.Cell>{h.cooperative?.name ?? "-"}</Table.Cell>
                <Table.Cell>
                  <ConsentBadge granted={h.public_profile_consent} />
                </Table.Cell>
                <Table.Cell>
                  <ConsentBadge granted={h.registry_data_consent} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <OffsetPagination count={data?.count ?? 0} offset={offset} pageSize={PAGE} onOffset={setOffset} busy={loading} />
      <Reload onClick={reload} />
    </Container>
  )
}

function Reload({ onClick }: { onClick: () => void }) {
  return (
    <div className="flex justify-end px-6 py-2">
      <Button size="small" variant="transparent" onClick={onClick}>
        刷新
      </Button>
    </div>
  )
}

function CreateHousehold({ onCreated }: { onCreated: (id: string) => void }) {
  const [open, setOpen] = useState(false)
  const [saving, setSaving] = useState(false)
  const [form, setForm] = useState({
    village_id: "",
    cooperative_id: "",
    code: "",
    display_name: "",
    story: "",
    photo_url: "",
  })
  const villages = useAdminData<{ villages: Village[] }>(open ? "/admin/villages" : null, { limit: 100 })
  const cooperatives = useAdminData<{ cooperatives: Cooperative[] }>(open ? "/admin/cooperatives" : null, {
    limit: 100,
  })
  const village = villages.data?.villages.find((v) => v.id === form.village_id)
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }))

  async function submit() {
    setSaving(true)
    try {
      const { household } = await adminFetch<{ household: { id: string } }>("/admin/households", {
        method: "POST",
        body: {
          village_id: form.village_id,
          code: form.code.trim(),
          display_name: form.display_name.trim(),
          story: form.story.trim() || null,
          photo_url: form.photo_url.trim() || null,
          cooperative_id: form.cooperative_id || null,
        },
      })
      toast.success("农户已创建。请记录同意后再公开资料。")
      setOpen(false)
      onCreated(household.id)
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small">新建农户</Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>新建农户</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <Field label="村">
            <Select value={form.village_id} onValueChange={set("village_id")}>
              <Select.Trigger>
                <Select.Value placeholder="选择村" />
              </Select.Trigger>
              <Select.Content>
                {(villages.data?.villages ?? []).map((v) => (
                  <Select.Item key={v.id} value={v.id}>
                    {v.name}（{v.code}）
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <Field label="农户编号" hint={village ? `以村编号开头，例如 ${village.code}-007；不要用姓名。` : "先选择村"}>
            <Input value={form.code} onChange={(e) => set("code")(e.target.value.toUpperCase())} />
          </Field>
          <Field label="显示名" hint="只有记录了公开资料同意后才会在商城显示">
            <Input value={form.display_name} onChange={(e) => set("display_name")(e.target.value)} />
          </Field>
          <Field label="故事">
            <Textarea value={form.story} onChange={(e) => set("story")(e.target.value)} />
          </Field>
          <Field label="照片地址">
            <Input value={form.photo_url} onChange={(e) => set("photo_url")(e.target.value)} placeholder="https://" />
          </Field>
          <Field label="合作社（可选）">
            <Select value={form.cooperative_id} onValueChange={set("cooperative_id")}>
              <Select.Trigger>
                <Select.Value placeholder="不属于合作社" />
              </Select.Trigger>
              <Select.Content>
                {(cooperatives.data?.cooperatives ?? []).map((c) => (
                  <Select.Item key={c.id} value={c.id}>
                    {c.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              取消
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            isLoading={saving}
            disabled={!form.village_id || !form.code || !form.display_name}
            onClick={submit}
          >
            创建
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

export const config = defineRouteConfig({ label: "农户", icon: Users })

export default HouseholdsPage
