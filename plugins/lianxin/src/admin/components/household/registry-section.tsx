import { Container, Heading, Input, Select, Table, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useState } from "react"
import { type AccessLog, formatTime, type MaskedRegistry, POVERTY_LABEL } from "../../lib/households"
import { useT } from "../../lib/i18n"
import { useAdminMutation, useAdminQuery } from "../../lib/query"
import { Field } from "../field"
import { FormDrawer } from "../form-drawer"
import { REGISTRY_FIELD_KEY } from "./registry-labels"
import { RevealField } from "./reveal-field"

type AdminUser = { id: string; email: string; first_name?: string | null; last_name?: string | null }

/** The registry as this page reads it: the shared type plus the masked legal name (王**). */
type Registry = MaskedRegistry & { legal_name?: string | null }

/** The encrypted registry data, masked, with reveal-on-reason, replacement, and the log of every reveal. */
export function RegistrySection({ householdId, consent }: { householdId: string; consent: boolean }) {
  // A consent withdrawal erases the data; recording consent invalidates this household's queries, these included.
  const registry = useAdminQuery<{ registry: Registry | null }>(`/admin/households/${householdId}/registry`)
  const logs = useAdminQuery<{ access_logs: AccessLog[] }>(`/admin/households/${householdId}/registry/access-logs`)
  const r = registry.data?.registry
  const { t, locale } = useT()
  // Who looked: the operator's name or email from Medusa's users (an id only for a user that no longer exists).
  const actors = [...new Set((logs.data?.access_logs ?? []).map((l) => l.actor_id).filter(Boolean))]
  const users = useAdminQuery<{ users: AdminUser[] }>(actors.length ? "/admin/users" : null, {
    limit: 100,
    fields: "id,email,first_name,last_name",
  })
  const viewer = (id: string) => {
    const u = users.data?.users.find((x) => x.id === id)
    return u ? [u.first_name, u.last_name].filter(Boolean).join(" ") || u.email : id
  }
  const reveal = (field: string, present: unknown) =>
    present ? <RevealField householdId={householdId} field={field} /> : null

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{t("household.registry")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("household.registryHint")}
          </Text>
        </div>
        {consent ? <SetRegistry householdId={householdId} replacing={!!r} /> : null}
      </div>
      {!consent ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {t("household.noRegistryConsent")}
        </Text>
      ) : !r ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {t("household.registryEmpty")}
        </Text>
      ) : (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Row
            label={t("household.legalName")}
            value={r.legal_name ?? "-"}
            reveal={reveal("legal_name", r.legal_name)}
          />
          <Row
            label={t("household.poverty")}
            value={r.poverty_status in POVERTY_LABEL ? t(`poverty.${r.poverty_status}`) : r.poverty_status}
          />
          <Row label={t("household.nationalId")} value={r.national_id} reveal={reveal("national_id", true)} />
          <Row label={t("household.phone")} value={r.phone ?? "-"} reveal={reveal("phone", r.phone)} />
          <Row label={t("household.bankName")} value={r.bank_name ?? "-"} />
          <Row
            label={t("household.bankAccount")}
            value={r.bank_account ?? "-"}
            reveal={reveal("bank_account", r.bank_account)}
          />
        </div>
      )}
      <div className="px-6 py-4">
        <Heading level="h3">{t("household.accessLogs")}</Heading>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("household.time")}</Table.HeaderCell>
            <Table.HeaderCell>{t("household.field")}</Table.HeaderCell>
            <Table.HeaderCell>{t("household.reason")}</Table.HeaderCell>
            <Table.HeaderCell>{t("household.viewer")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(logs.data?.access_logs ?? []).map((l) => (
            <Table.Row key={l.id}>
              <Table.Cell>{formatTime(l.accessed_at, locale)}</Table.Cell>
              <Table.Cell>{REGISTRY_FIELD_KEY[l.field] ? t(REGISTRY_FIELD_KEY[l.field]) : l.field}</Table.Cell>
              <Table.Cell>{l.reason}</Table.Cell>
              <Table.Cell>{viewer(l.actor_id)}</Table.Cell>
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
  const { t } = useT()
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
    success: t("household.encryptSaved"),
  })
  const title = t(replacing ? "household.replaceRegistry" : "household.enterRegistry")
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
      submitLabel={t("household.encryptSave")}
      submitting={save.isPending}
      canSubmit={!!form.national_id.trim()}
      onSubmit={() => save.mutateAsync(form)}
    >
      {replacing ? <Text size="small">{t("household.replaceHint")}</Text> : null}
      <Field label={t("household.legalNameOptional")} hint={t("household.legalNameHint")}>
        <Input {...text("legal_name")} />
      </Field>
      <Field label={t("household.poverty")}>
        <Select value={form.poverty_status} onValueChange={(poverty_status) => setForm({ ...form, poverty_status })}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {Object.keys(POVERTY_LABEL).map((k) => (
              <Select.Item key={k} value={k}>
                {t(`poverty.${k}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      <Field label={t("household.nationalId")} hint={t("household.nationalIdHint")}>
        <Input {...text("national_id")} />
      </Field>
      <Field label={t("household.phoneOptional")}>
        <Input {...text("phone")} />
      </Field>
      <Field label={t("household.bankNameOptional")}>
        <Input {...text("bank_name")} />
      </Field>
      <Field label={t("household.bankAccountOptional")} hint={t("household.bankAccountHint")}>
        <Input {...text("account")} />
      </Field>
    </FormDrawer>
  )
}
