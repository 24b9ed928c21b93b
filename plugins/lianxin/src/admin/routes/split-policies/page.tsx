import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartPie } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { ErrorLine } from "../../components/query-state"
import { percent, SCOPE_LABEL, shanghaiDay } from "../../lib/ledger-format"
import { useAdminMutation, useAdminQuery } from "../../lib/query"

type Policy = {
  id: string
  name: string
  scope: string
  scope_id: string | null
  version: number
  household_bp: number
  cooperative_bp: number
  property_office_bp: number
  platform_bp: number
  note: string | null
  created_at: string
}

const SHARES = [
  ["household_bp", "农户"],
  ["cooperative_bp", "合作社"],
  ["property_office_bp", "物业服务点"],
  ["platform_bp", "平台"],
] as const

const empty = {
  name: "",
  scope: "global",
  scope_id: "",
  household_bp: "7000",
  cooperative_bp: "1000",
  property_office_bp: "1000",
  platform_bp: "1000",
  note: "",
}

const SplitPoliciesPage = () => {
  const [showHistory, setShowHistory] = useState(false)
  const { data, error } = useAdminQuery<{ split_policies: Policy[] }>("/admin/split-policies", {
    history: showHistory ? "true" : undefined,
  })
  const [form, setForm] = useState(empty)
  const sum = SHARES.reduce((s, [k]) => s + (Number(form[k]) || 0), 0)
  const create = useAdminMutation<typeof empty>({
    path: () => "/admin/split-policies",
    body: (f) => ({
      name: f.name,
      scope: f.scope,
      scope_id: f.scope === "global" ? null : f.scope_id,
      note: f.note || null,
      ...Object.fromEntries(SHARES.map(([k]) => [k, Number(f[k])])),
    }),
    invalidates: ["/admin/split-policies"],
    success: "已保存为新版本；此前下单的订单行仍按原版本分账",
    onSuccess: () => setForm(empty),
  })
  const saving = create.isPending

  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    if (!saving) create.mutate(form)
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">分账规则</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              每笔订单行按下单时生效的版本拆分到农户、合作社、物业服务点和平台；规则只追加新版本，从不修改。
            </Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => setShowHistory((v) => !v)}>
            {showHistory ? "只看生效版本" : "查看全部历史版本"}
          </Button>
        </div>
        <ErrorLine error={error} />
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>范围</Table.HeaderCell>
              <Table.HeaderCell>名称</Table.HeaderCell>
              <Table.HeaderCell>版本</Table.HeaderCell>
              {SHARES.map(([k, label]) => (
                <Table.HeaderCell key={k}>{label}</Table.HeaderCell>
              ))}
              <Table.HeaderCell>创建</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(data?.split_policies ?? []).map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>
                  <Badge size="2xsmall">{SCOPE_LABEL[p.scope] ?? p.scope}</Badge> {p.scope_id ?? ""}
                </Table.Cell>
                <Table.Cell>{p.name}</Table.Cell>
                <Table.Cell>v{p.version}</Table.Cell>
                {SHARES.map(([k]) => (
                  <Table.Cell key={k}>{percent(p[k])}</Table.Cell>
                ))}
                <Table.Cell>{shanghaiDay(p.created_at)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      <Container className="p-6">
        <Heading level="h2">新建版本</Heading>
        <form onSubmit={submit} className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2">
          <div>
            <Label htmlFor="sp-name">名称</Label>
            <Input
              id="sp-name"
              required
              maxLength={100}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          </div>
          <div>
            <Label htmlFor="sp-scope">范围</Label>
            <Select value={form.scope} onValueChange={(scope) => setForm({ ...form, scope })}>
              <Select.Trigger id="sp-scope">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {Object.entries(SCOPE_LABEL).map(([value, label]) => (
                  <Select.Item key={value} value={value}>
                    {label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          {form.scope !== "global" && (
            <div>
              <Label htmlFor="sp-scope-id">范围 ID（分类、合作社或农户的 ID）</Label>
              <Input
                id="sp-scope-id"
                required
                value={form.scope_id}
                onChange={(e) => setForm({ ...form, scope_id: e.target.value })}
              />
            </div>
          )}
          {SHARES.map(([k, label]) => (
            <div key={k}>
              <Label htmlFor={`sp-${k}`}>{label}（基点，10000 = 100%）</Label>
              <Input
                id={`sp-${k}`}
                type="number"
                min={0}
                max={10000}
                step={1}
                required
                value={form[k]}
                onChange={(e) => setForm({ ...form, [k]: e.target.value })}
              />
            </div>
          ))}
          <div className="md:col-span-2 flex items-center justify-between">
            <Text size="small" className={sum === 10000 ? "text-ui-fg-subtle" : "text-ui-fg-error"}>
              合计 {sum} 基点{sum === 10000 ? "" : "，必须等于 10000"}
            </Text>
            <Button type="submit" size="small" isLoading={saving} disabled={sum !== 10000 || saving}>
              保存为新版本
            </Button>
          </div>
        </form>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "分账规则", icon: ChartPie })

export default SplitPoliciesPage
