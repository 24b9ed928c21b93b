import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Button, Container, Input, Select, Table, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { ConsentBadge } from "../../components/consent-badge"
import { Field } from "../../components/field"
import { FormDrawer } from "../../components/form-drawer"
import { OffsetPagination } from "../../components/offset-pagination"
import { ErrorLine } from "../../components/query-state"
import type { Cooperative, HouseholdSummary, Village } from "../../lib/households"
import { useT } from "../../lib/i18n"
import { useAdminMutation, useAdminQuery } from "../../lib/query"
import { PageHeader } from "../../components/page-header"

const PAGE = 20

const HouseholdsPage = () => {
  const { t } = useT()
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
      <PageHeader title={t("households.title")} subtitle={t("households.subtitle")}>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" asChild>
            <Link to="/villages">{t("households.villagesLink")}</Link>
          </Button>
          <CreateHousehold onCreated={(id) => navigate(`/households/${id}`)} />
        </div>
      </PageHeader>
      <div className="px-6 py-4">
        <Input
          type="search"
          placeholder={t("households.search")}
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
              <Table.HeaderCell>{t("households.code")}</Table.HeaderCell>
              <Table.HeaderCell>{t("households.name")}</Table.HeaderCell>
              <Table.HeaderCell>{t("households.village")}</Table.HeaderCell>
              <Table.HeaderCell>{t("households.cooperative")}</Table.HeaderCell>
              <Table.HeaderCell>{t("households.publicProfile")}</Table.HeaderCell>
              <Table.HeaderCell>{t("households.registry")}</Table.HeaderCell>
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
  const { t } = useT()
  return (
    <div className="flex justify-end px-6 py-2">
      <Button size="small" variant="transparent" onClick={onClick}>
        {t("households.reload")}
      </Button>
    </div>
  )
}

const EMPTY = { village_id: "", cooperative_id: "", code: "", display_name: "", story: "", photo_url: "" }

function CreateHousehold({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useT()
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
    success: t("households.created"),
    onSuccess: ({ household }) => onCreated(household.id),
  })

  return (
    <FormDrawer
      title={t("households.create")}
      trigger={t("households.create")}
      triggerVariant="primary"
      open={open}
      onOpenChange={setOpen}
      submitLabel={t("common.create")}
      submitting={create.isPending}
      canSubmit={!!form.village_id && !!form.code && !!form.display_name}
      onSubmit={() => create.mutateAsync(form)}
    >
      <Field label={t("households.village")}>
        <Select value={form.village_id} onValueChange={set("village_id")}>
          <Select.Trigger>
            <Select.Value placeholder={t("villages.chooseVillage")} />
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
      <Field
        label={t("households.codeLabel")}
        hint={village ? t("households.codeHint", { code: village.code }) : t("households.chooseVillageFirst")}
      >
        <Input value={form.code} onChange={(e) => set("code")(e.target.value.toUpperCase())} />
      </Field>
      <Field label={t("households.displayName")} hint={t("households.displayNameHint")}>
        <Input value={form.display_name} onChange={(e) => set("display_name")(e.target.value)} />
      </Field>
      <Field label={t("households.story")}>
        <Textarea value={form.story} onChange={(e) => set("story")(e.target.value)} />
      </Field>
      <Field label={t("households.photoUrl")}>
        <Input value={form.photo_url} onChange={(e) => set("photo_url")(e.target.value)} placeholder="https://" />
      </Field>
      <Field label={t("households.cooperativeOptional")}>
        <Select value={form.cooperative_id} onValueChange={set("cooperative_id")}>
          <Select.Trigger>
            <Select.Value placeholder={t("households.noCooperative")} />
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

export const config = defineRouteConfig({ label: "lianxin.menu.households", translationNs: "translation", icon: Users })

export default HouseholdsPage
