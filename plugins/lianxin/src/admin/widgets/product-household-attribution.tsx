import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Input, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { Field } from "../components/field"
import { FormDrawer } from "../components/form-drawer"
import { type Cooperative, type HouseholdSummary, percent } from "../lib/households"
import { useT } from "../lib/i18n"
import { useAdminMutation, useAdminQuery } from "../lib/query"

type Attribution = {
  id: string
  note: string | null
  cooperative: { id: string; name: string } | null
  shares: { share_bp: number; household: { id: string; code: string; display_name: string } }[]
}

/** Who produced this product, and in which proportions; the ledger splits each sale by these shares. */
const ProductHouseholdAttributionWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { data } = useAdminQuery<{ attribution: Attribution | null }>(`/admin/products/${product.id}/attribution`)
  const a = data?.attribution
  const { t } = useT()

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{t("attribution.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {a
              ? a.cooperative
                ? t("attribution.via", { name: a.cooperative.name })
                : t("attribution.selfSold")
              : t("attribution.notSet")}
          </Text>
        </div>
        <SetAttribution productId={product.id} current={a ?? null} />
      </div>
      {a ? (
        <Table>
          <Table.Body>
            {a.shares.map((s) => (
              <Table.Row key={s.household.id}>
                <Table.Cell>
                  <Link className="text-ui-fg-interactive font-mono" to={`/households/${s.household.id}`}>
                    {s.household.code}
                  </Link>
                </Table.Cell>
                <Table.Cell>{s.household.display_name}</Table.Cell>
                <Table.Cell className="text-right">{percent(s.share_bp)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
    </Container>
  )
}

type ShareRow = { household_id: string; percent: string }

function SetAttribution({ productId, current }: { productId: string; current: Attribution | null }) {
  const { t } = useT()
  const [open, setOpen] = useState(false)
  const [cooperativeId, setCooperativeId] = useState("")
  const [rows, setRows] = useState<ShareRow[]>([{ household_id: "", percent: "100" }])
  const households = useAdminQuery<{ households: HouseholdSummary[] }>(open ? "/admin/households" : null, {
    limit: 100,
  })
  const cooperatives = useAdminQuery<{ cooperatives: Cooperative[] }>(open ? "/admin/cooperatives" : null, {
    limit: 100,
  })
  const save = useAdminMutation<void>({
    path: () => `/admin/products/${productId}/attribution`,
    body: () => ({
      cooperative_id: cooperativeId || null,
      shares: rows.map((r) => ({ household_id: r.household_id, share_bp: toBp(r.percent) })),
    }),
    // The revenue-split preview of this product depends on who produced it.
    invalidates: [`/admin/products/${productId}`],
    success: t("attribution.saved"),
  })

  const toBp = (p: string) => Math.round(Number(p) * 100)
  const total = rows.reduce((sum, r) => sum + (Number.isFinite(toBp(r.percent)) ? toBp(r.percent) : 0), 0)
  const solo = !cooperativeId
  const valid = rows.every((r) => r.household_id) && total === 10000 && (!solo || rows.length === 1)

  function openWith(o: boolean) {
    if (o) {
      setCooperativeId(current?.cooperative?.id ?? "")
      setRows(
        current
          ? current.shares.map((s) => ({ household_id: s.household.id, percent: String(s.share_bp / 100) }))
          : [{ household_id: "", percent: "100" }]
      )
    }
    setOpen(o)
  }

  return (
    <FormDrawer
      title={t("attribution.title")}
      trigger={t(current ? "attribution.edit" : "attribution.set")}
      open={open}
      onOpenChange={openWith}
      submitLabel={t("common.save")}
      submitting={save.isPending}
      canSubmit={valid}
      onSubmit={() => save.mutateAsync()}
    >
      <Field label={t("attribution.cooperative")} hint={t("attribution.cooperativeHint")}>
        <Select value={cooperativeId || "none"} onValueChange={(v) => setCooperativeId(v === "none" ? "" : v)}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="none">{t("attribution.noCooperative")}</Select.Item>
            {(cooperatives.data?.cooperatives ?? []).map((c) => (
              <Select.Item key={c.id} value={c.id}>
                {c.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the rows are fully controlled (value and handlers by index)
        <div key={i} className="grid grid-cols-[1fr_6rem_auto] items-end gap-x-2">
          <Field label={i === 0 ? t("attribution.household") : ""}>
            <Select
              value={row.household_id}
              onValueChange={(household_id) => setRows(rows.map((r, j) => (j === i ? { ...r, household_id } : r)))}
            >
              <Select.Trigger>
                <Select.Value placeholder={t("attribution.chooseHousehold")} />
              </Select.Trigger>
              <Select.Content>
                {(households.data?.households ?? []).map((h) => (
                  <Select.Item key={h.id} value={h.id}>
                    {h.code} {h.display_name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <Field label={i === 0 ? t("attribution.share") : ""}>
            <Input
              inputMode="decimal"
              value={row.percent}
              onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, percent: e.target.value } : r)))}
            />
          </Field>
          <Button
            type="button"
            size="small"
            variant="transparent"
            disabled={rows.length === 1}
            onClick={() => setRows(rows.filter((_, j) => j !== i))}
          >
            {t("attribution.remove")}
          </Button>
        </div>
      ))}
      {!solo ? (
        <Button
          type="button"
          size="small"
          variant="secondary"
          onClick={() => setRows([...rows, { household_id: "", percent: "0" }])}
        >
          {t("attribution.addHousehold")}
        </Button>
      ) : null}
      <Text size="small" className={total === 10000 ? "text-ui-fg-subtle" : "text-ui-fg-error"}>
        {t("attribution.total", { total: percent(total) })}
      </Text>
    </FormDrawer>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ProductHouseholdAttributionWidget
