import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartPie } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { ErrorLine } from "../../components/query-state"
import { useT } from "../../lib/i18n"
import { percent, SCOPE_LABEL, shanghaiDay } from "../../lib/ledger-format"
import { useAdminMutation, useAdminQuery } from "../../lib/query"
import { PageHeader } from "../../components/page-header"

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
  ["household_bp", "splitPolicies.household"],
  ["cooperative_bp", "splitPolicies.cooperative"],
  ["property_office_bp", "splitPolicies.propertyOffice"],
  ["platform_bp", "splitPolicies.platform"],
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
  const { t } = useT()
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
    success: t("splitPolicies.saved"),
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
        <PageHeader title={t("splitPolicies.title")} subtitle={t("splitPolicies.subtitle")}>
          <Button size="small" variant="secondary" onClick={() => setShowHistory((v) => !v)}>
            {showHistory ? t("splitPolicies.currentOnly") : t("splitPolicies.history")}
          </Button>
        </PageHeader>
        <ErrorLine error={error} />
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("splitPolicies.scope")}</Table.HeaderCell>
              <Table.HeaderCell>{t("splitPolicies.name")}</Table.HeaderCell>
              <Table.HeaderCell>{t("splitPolicies.version")}</Table.HeaderCell>
              {SHARES.map(([k, label]) => (
                <Table.HeaderCell key={k}>{t(label)}</Table.HeaderCell>
              ))}
              <Table.HeaderCell>{t("splitPolicies.created")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(data?.split_policies ?? []).map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>
                  <Badge size="2xsmall">{p.scope in SCOPE_LABEL ? t(`splitScope.${p.scope}`) : p.scope}</Badge>{" "}
                  {p.scope_id ?? ""}
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
        <Heading level="h2">{t("splitPolicies.newVersion")}</Heading>
        <form onSubmit={submit} className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2">
          <div>
            <Label htmlFor="sp-name">{t("splitPolicies.name")}</Label>
            <Input
              id="sp-name"
              required
              maxLength={100}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          </div>
          <div>
            <Label htmlFor="sp-scope">{t("splitPolicies.scope")}</Label>
            <Select value={form.scope} onValueChange={(scope) => setForm({ ...form, scope })}>
              <Select.Trigger id="sp-scope">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {Object.keys(SCOPE_LABEL).map((value) => (
                  <Select.Item key={value} value={value}>
                    {t(`splitScope.${value}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          {form.scope !== "global" && (
            <div>
              <Label htmlFor="sp-scope-id">{t("splitPolicies.scopeId")}</Label>
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
              <Label htmlFor={`sp-${k}`}>{t("splitPolicies.shareLabel", { share: t(label) })}</Label>
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
              {sum === 10000 ? t("splitPolicies.sum", { sum }) : t("splitPolicies.sumWrong", { sum })}
            </Text>
            <Button type="submit" size="small" isLoading={saving} disabled={sum !== 10000 || saving}>
              {t("splitPolicies.save")}
            </Button>
          </div>
        </form>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "lianxin.menu.splitPolicies",
  translationNs: "translation",
  icon: ChartPie,
})

export default SplitPoliciesPage
