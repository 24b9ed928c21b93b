import { Container, Heading, Input, Select, Switch, Table, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { CONSENT_LABEL, type ConsentRecord, formatTime } from "../../lib/households"
import { useT } from "../../lib/i18n"
import { useAdminMutation, useAdminQuery } from "../../lib/query"
import { ConsentBadge } from "../consent-badge"
import { Field } from "../field"
import { FormDrawer } from "../form-drawer"

const EMPTY = { kind: "public_profile", granted: true, method: "", note: "", recorded_at: "" }

/** The append-only consent records, and recording a consent or its withdrawal. */
export function ConsentsSection({ householdId }: { householdId: string }) {
  const list = useAdminQuery<{ consent_records: ConsentRecord[] }>(`/admin/households/${householdId}/consents`)
  const { t, locale } = useT()
  // The usual method, in the operator's language (纸质签字 / Signed on paper).
  const [form, setForm] = useState(() => ({ ...EMPTY, method: t("household.methodDefault") }))
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
    success: ({ registry_erased }) => t(registry_erased ? "household.recordedErased" : "household.recorded"),
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{t("household.consents")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("household.consentsHint")}
          </Text>
        </div>
        <FormDrawer
          title={t("household.recordConsent")}
          trigger={t("household.recordConsent")}
          submitLabel={t("household.record")}
          submitting={record.isPending}
          canSubmit={!!form.method.trim()}
          onSubmit={() => record.mutateAsync(form)}
        >
          <Field label={t("household.kind")}>
            <Select value={form.kind} onValueChange={(kind) => setForm({ ...form, kind })}>
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {Object.keys(CONSENT_LABEL).map((k) => (
                  <Select.Item key={k} value={k}>
                    {t(`consentKind.${k}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <Field
            label={t(form.granted ? "household.grant" : "household.withdraw")}
            hint={!form.granted && form.kind === "registry_data" ? t("household.withdrawHint") : undefined}
          >
            <Switch checked={form.granted} onCheckedChange={(granted) => setForm({ ...form, granted })} />
          </Field>
          <Field label={t("household.method")} hint={t("household.methodHint")}>
            <Input value={form.method} onChange={(e) => setForm({ ...form, method: e.target.value })} />
          </Field>
          <Field label={t("household.recordedAt")}>
            <Input
              type="datetime-local"
              value={form.recorded_at}
              onChange={(e) => setForm({ ...form, recorded_at: e.target.value })}
            />
          </Field>
          <Field label={t("household.note")}>
            <Textarea value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
          </Field>
        </FormDrawer>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("household.time")}</Table.HeaderCell>
            <Table.HeaderCell>{t("household.kind")}</Table.HeaderCell>
            <Table.HeaderCell>{t("household.result")}</Table.HeaderCell>
            <Table.HeaderCell>{t("household.method")}</Table.HeaderCell>
            <Table.HeaderCell>{t("household.note")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(list.data?.consent_records ?? []).map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell>{formatTime(r.recorded_at, locale)}</Table.Cell>
              <Table.Cell>{r.kind in CONSENT_LABEL ? t(`consentKind.${r.kind}`) : r.kind}</Table.Cell>
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
