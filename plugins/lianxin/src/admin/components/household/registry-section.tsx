import { Container, Heading, Input, Select, Table, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useState } from "react"
import { type AccessLog, formatTime, type MaskedRegistry, POVERTY_LABEL } from "../../lib/households"
import { useAdminMutation, useAdminQuery } from "../../lib/query"
import { Field } from "../field"
import { FormDrawer } from "../form-drawer"
import { REGISTRY_FIELD_LABEL } from "./registry-labels"
import { RevealField } from "./reveal-field"

/** The registry as this page reads it: the shared type plus the masked legal name (王**). */
type Registry = MaskedRegistry & { legal_name?: string | null }

/** The encrypted registry data, masked, with reveal-on-reason, replacement, and the log of every reveal. */
export function RegistrySection({ householdId, consent }: { householdId: string; consent: boolean }) {
  // A consent withdrawal erases the data; recording consent invalidates this household's queries, these included.
  const registry = useAdminQuery<{ registry: Registry | null }>(`/admin/households/${householdId}/registry`)
  const logs = useAdminQuery<{ access_logs: AccessLog[] }>(`/admin/households/${householdId}/registry/access-logs`)
  const r = registry.data?.registry
  const reveal = (field: string, present: unknown) =>
    present ? <RevealField householdId={householdId} field={field} /> : null

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">登记信息</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            敏感个人信息，加密存储，默认打码。查看原文会记录查看人、时间和理由。
          </Text>
        </div>
        {consent ? <SetRegistry householdId={householdId} replacing={!!r} /> : null}
      </div>
      {!consent ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          没有登记信息同意记录，不能存储登记信息。
        </Text>
      ) : !r ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          尚未录入。
        </Text>
      ) : (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Row label="真实姓名" value={r.legal_name ?? "-"} reveal={reveal("legal_name", r.legal_name)} />
          <Row label="帮扶身份" value={POVERTY_LABEL[r.poverty_status]} />
          <Row label="身份证号" value={r.national_id} reveal={reveal("national_id", true)} />
          <Row label="手机号" value={r.phone ?? "-"} reveal={reveal("phone", r.phone)} />
          <Row label="开户行" value={r.bank_name ?? "-"} />
          <Row label="银行账号" value={r.bank_account ?? "-"} reveal={reveal("bank_account", r.bank_account)} />
        </div>
      )}
      <div className="px-6 py-4">
        <Heading level="h3">查看记录</Heading>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>时间</Table.HeaderCell>
            <Table.HeaderCell>字段</Table.HeaderCell>
            <Table.HeaderCell>理由</Table.HeaderCell>
            <Table.HeaderCell>查看人</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(logs.data?.access_logs ?? []).map((l) => (
            <Table.Row key={l.id}>
              <Table.Cell>{formatTime(l.accessed_at)}</Table.Cell>
              <Table.Cell>{REGISTRY_FIELD_LABEL[l.field] ?? l.field}</Table.Cell>
              <Table.Cell>{l.reason}</Table.Cell>
              <Table.Cell className="font-mono">{l.actor_id}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

function Row({ label, value, reveal }: { label: string; value: string; reveal?: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr_auto] items-center gap-x-4">
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="small" className="font-mono">
        {value}
      </Text>
      {reveal ?? <span />}
    </div>
  )
}

const EMPTY = { legal_name: "", poverty_status: "registered", national_id: "", phone: "", bank_name: "", account: "" }

function SetRegistry({ householdId, replacing }: { householdId: string; replacing: boolean }) {
  const [form, setForm] = useState(EMPTY)
  const save = useAdminMutation<typeof EMPTY>({
    path: () => `/admin/households/${householdId}/registry`,
    body: (f) => ({
      legal_name: f.legal_name.trim() || null,
      poverty_status: f.poverty_status,
      national_id: f.national_id.trim(),
      phone: f.phone.trim() || null,
      bank: f.account.trim() ? { bank_name: f.bank_name.trim(), account: f.account.trim() } : null,
    }),
    invalidates: [`/admin/households/${householdId}/registry`],
    success: "已加密保存",
  })
  const title = replacing ? "替换登记信息" : "录入登记信息"
  const text = (key: "legal_name" | "national_id" | "phone" | "bank_name" | "account") => ({
    autoComplete: "off",
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  })

  return (
    <FormDrawer
      title={title}
      trigger={title}
      // What was typed never outlives the drawer: closing (or saving) clears it.
      onOpenChange={(open) => !open && setForm(EMPTY)}
      submitLabel="加密保存"
      submitting={save.isPending}
      canSubmit={!!form.national_id.trim()}
      onSubmit={() => save.mutateAsync(form)}
    >
      {replacing ? <Text size="small">保存后将整体替换现有登记信息。</Text> : null}
      <Field label="真实姓名（可选）" hint="与身份证一致，分成打款的收款人户名">
        <Input {...text("legal_name")} />
      </Field>
      <Field label="帮扶身份">
        <Select value={form.poverty_status} onValueChange={(poverty_status) => setForm({ ...form, poverty_status })}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {Object.entries(POVERTY_LABEL).map(([k, label]) => (
              <Select.Item key={k} value={k}>
                {label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      <Field label="身份证号" hint="18 位，最后一位校验码会核对">
        <Input {...text("national_id")} />
      </Field>
      <Field label="手机号（可选）">
        <Input {...text("phone")} />
      </Field>
      <Field label="开户行（可选）">
        <Input {...text("bank_name")} />
      </Field>
      <Field label="银行账号（可选）" hint="12–19 位数字">
        <Input {...text("account")} />
      </Field>
    </FormDrawer>
  )
}
