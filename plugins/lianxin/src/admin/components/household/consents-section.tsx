import { Container, Heading, Input, Select, Switch, Table, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { CONSENT_LABEL, type ConsentRecord, formatTime } from "../../lib/households"
import { useAdminMutation, useAdminQuery } from "../../lib/query"
import { ConsentBadge } from "../consent-badge"
import { Field } from "../field"
import { FormDrawer } from "../form-drawer"

const EMPTY = { kind: "public_profile", granted: true, method: "纸质签字", note: "", recorded_at: "" }

/** The append-only consent records, and recording a consent or its withdrawal. */
export function ConsentsSection({ householdId }: { householdId: string }) {
  const list = useAdminQuery<{ consent_records: ConsentRecord[] }>(`/admin/households/${householdId}/consents`)
  const [form, setForm] = useState(EMPTY)
  const record = useAdminMutation<typeof EMPTY, { registry_erased: boolean }>({
    path: () => `/admin/households/${householdId}/consents`,
    body: (f) => ({
      kind: f.kind,
      granted: f.granted,
      method: f.method.trim(),
      note: f.note.trim() || null,
      ...(f.recorded_at ? { recorded_at: new Date(f.recorded_at).toISOString() } : {}),
    }),
    // The household's flags, its consents and (after a withdrawal) its erased registry all change.
    invalidates: [`/admin/households/${householdId}`],
    success: ({ registry_erased }) => (registry_erased ? "已记录撤回，登记信息已删除" : "已记录"),
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">同意记录</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            只追加，不修改。每类以最新的一条为准。
          </Text>
        </div>
        <FormDrawer
          title="记录同意 / 撤回"
          trigger="记录同意 / 撤回"
          submitLabel="记录"
          submitting={record.isPending}
          canSubmit={!!form.method.trim()}
          onSubmit={() => record.mutateAsync(form)}
        >
          <Field label="类别">
            <Select value={form.kind} onValueChange={(kind) => setForm({ ...form, kind })}>
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {Object.entries(CONSENT_LABEL).map(([k, label]) => (
                  <Select.Item key={k} value={k}>
                    {label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <Field
            label={form.granted ? "同意" : "撤回同意"}
            hint={
              !form.granted && form.kind === "registry_data" ? "撤回登记信息同意会立即删除已存的登记信息。" : undefined
            }
          >
            <Switch checked={form.granted} onCheckedChange={(granted) => setForm({ ...form, granted })} />
          </Field>
          <Field label="方式" hint="例如：纸质签字、口头+见证">
            <Input value={form.method} onChange={(e) => setForm({ ...form, method: e.target.value })} />
          </Field>
          <Field label="时间（可选，默认现在）">
            <Input
              type="datetime-local"
              value={form.recorded_at}
              onChange={(e) => setForm({ ...form, recorded_at: e.target.value })}
            />
          </Field>
          <Field label="备注">
            <Textarea value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
          </Field>
        </FormDrawer>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>时间</Table.HeaderCell>
            <Table.HeaderCell>类别</Table.HeaderCell>
            <Table.HeaderCell>结果</Table.HeaderCell>
            <Table.HeaderCell>方式</Table.HeaderCell>
            <Table.HeaderCell>备注</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(list.data?.consent_records ?? []).map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell>{formatTime(r.recorded_at)}</Table.Cell>
              <Table.Cell>{CONSENT_LABEL[r.kind]}</Table.Cell>
              <Table.Cell>
                <ConsentBadge granted={r.granted} />
              </Table.Cell>
              <Table.Cell>{r.method}</Table.Cell>
              <Table.Cell>{r.note ?? ""}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}
