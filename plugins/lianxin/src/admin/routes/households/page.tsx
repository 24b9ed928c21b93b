import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Button, Container, Heading, Input, Select, Table, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { ConsentBadge } from "../../components/consent-badge"
import { Field } from "../../components/field"
import { FormDrawer } from "../../components/form-drawer"
import { OffsetPagination } from "../../components/offset-pagination"
import { ErrorLine } from "../../components/query-state"
import type { Cooperative, HouseholdSummary, Village } from "../../lib/households"
import { useAdminMutation, useAdminQuery } from "../../lib/query"

const PAGE = 20

const HouseholdsPage = () => {
  const [q, setQ] = useState("")
  const [offset, setOffset] = useState(0)
  const { data, error, isFetching, refetch } = useAdminQuery<{ households: HouseholdSummary[]; count: number }>(
    "/admin/households",
    { q: q.trim() || undefined, limit: PAGE, offset },
    { keepPrevious: true }
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
        <ErrorLine error={error} />
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
      <OffsetPagination
        count={data?.count ?? 0}
        offset={offset}
        pageSize={PAGE}
        onOffset={setOffset}
        busy={isFetching}
      />
      <Reload onClick={() => void refetch()} />
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

const EMPTY = { village_id: "", cooperative_id: "", code: "", display_name: "", story: "", photo_url: "" }

function CreateHousehold({ onCreated }: { onCreated: (id: string) => void }) {
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState(EMPTY)
  const villages = useAdminQuery<{ villages: Village[] }>(open ? "/admin/villages" : null, { limit: 100 })
  const cooperatives = useAdminQuery<{ cooperatives: Cooperative[] }>(open ? "/admin/cooperatives" : null, {
    limit: 100,
  })
  const village = villages.data?.villages.find((v) => v.id === form.village_id)
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }))
  const create = useAdminMutation<typeof EMPTY, { household: { id: string } }>({
    path: () => "/admin/households",
    body: (f) => ({
      village_id: f.village_id,
      code: f.code.trim(),
      display_name: f.display_name.trim(),
      story: f.story.trim() || null,
      photo_url: f.photo_url.trim() || null,
      cooperative_id: f.cooperative_id || null,
    }),
    invalidates: ["/admin/households"],
    success: "农户已创建。请记录同意后再公开资料。",
    onSuccess: ({ household }) => onCreated(household.id),
  })

  return (
    <FormDrawer
      title="新建农户"
      trigger="新建农户"
      triggerVariant="primary"
      open={open}
      onOpenChange={setOpen}
      submitLabel="创建"
      submitting={create.isPending}
      canSubmit={!!form.village_id && !!form.code && !!form.display_name}
      onSubmit={() => create.mutateAsync(form)}
    >
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
    </FormDrawer>
  )
}

export const config = defineRouteConfig({ label: "农户", icon: Users })

export default HouseholdsPage
