import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Cash } from "@medusajs/icons"
import { Button, Container, Drawer, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { OffsetPagination } from "../../components/offset-pagination"
import { PaymentBadge } from "../../components/payment-badge"
import { ErrorLine } from "../../components/query-state"
import { useT } from "../../lib/i18n"
import { METHOD_LABEL, shanghaiDay, yuan } from "../../lib/ledger-format"
import { useAdminMutation, useAdminQuery } from "../../lib/query"
import { PageHeader } from "../../components/page-header"

type Payment = { method: string; reference: string; paid_at: string } | null
type StatementRow = {
  id: string
  household_id: string
  household: { code: string; display_name: string } | null
  period_start: string
  period_end: string
  total: number
  line_count: number
  payment: Payment
}
type StatementDetail = StatementRow & {
  household: { code: string; display_name: string } | null
  lines: Array<{
    id: string
    order_id: string
    order_display_id: number | null
    product_title: string | null
    amount: number
    occurred_at: string
  }>
}

const PAGE = 50

const StatementsPage = () => {
  const { t } = useT()
  const [offset, setOffset] = useState(0)
  const { data, error } = useAdminQuery<{ statements: StatementRow[]; count: number }>(
    "/admin/statements",
    { limit: PAGE, offset },
    { keepPrevious: true }
  )
  const [openId, setOpenId] = useState<string | null>(null)
  const generate = useAdminMutation<void, { statement_ids: string[] }>({
    path: () => "/admin/statements/generate",
    body: () => ({}),
    invalidates: ["/admin/statements"],
    success: (r) =>
      r.statement_ids.length
        ? t("statements.generated", { count: r.statement_ids.length })
        : t("statements.nothingNew"),
  })

  return (
    <Container className="divide-y p-0">
      <PageHeader title={t("statements.title")} subtitle={t("statements.subtitle")}>
        <Button
          size="small"
          variant="secondary"
          onClick={() => !generate.isPending && generate.mutate()}
          isLoading={generate.isPending}
        >
          {t("statements.generate")}
        </Button>
      </PageHeader>
      <ErrorLine error={error} />
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("statements.period")}</Table.HeaderCell>
            <Table.HeaderCell>{t("statements.household")}</Table.HeaderCell>
            <Table.HeaderCell>{t("statements.lines")}</Table.HeaderCell>
            <Table.HeaderCell>{t("statements.amount")}</Table.HeaderCell>
            <Table.HeaderCell>{t("statements.status")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.statements ?? []).map((s) => (
            <Table.Row key={s.id} className="cursor-pointer" onClick={() => setOpenId(s.id)}>
              <Table.Cell>
                {shanghaiDay(s.period_start)} – {shanghaiDay(new Date(new Date(s.period_end).getTime() - 1))}
              </Table.Cell>
              <Table.Cell>
                {s.household ? `${s.household.code} ${s.household.display_name}` : s.household_id}
              </Table.Cell>
              <Table.Cell>{s.line_count}</Table.Cell>
              <Table.Cell>{yuan(s.total)}</Table.Cell>
              <Table.Cell>
                <PaymentBadge payment={s.payment} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <OffsetPagination count={data?.count ?? 0} offset={offset} pageSize={PAGE} onOffset={setOffset} />
      {openId && <StatementDrawer id={openId} onClose={() => setOpenId(null)} />}
    </Container>
  )
}

/** One statement's lines, its CSV, and recording its payment (the list and this drawer refresh after). */
const StatementDrawer = ({ id, onClose }: { id: string; onClose: () => void }) => {
  const { t } = useT()
  const { data } = useAdminQuery<{ statement: StatementDetail }>(`/admin/statements/${id}`)
  const [method, setMethod] = useState("bank_transfer")
  const [reference, setReference] = useState("")
  const record = useAdminMutation<{ method: string; reference: string }>({
    path: () => `/admin/statements/${id}/payment`,
    invalidates: ["/admin/statements"],
    success: t("statements.paymentRecorded"),
  })
  const saving = record.isPending
  const s = data?.statement

  const pay = (e: React.FormEvent) => {
    e.preventDefault()
    if (!saving) record.mutate({ method, reference })
  }

  return (
    <Drawer open onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>
            {t("statements.statement")} {s?.household ? `· ${s.household.code} ${s.household.display_name}` : ""}
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {s && (
            <>
              <Text>
                {t("statements.weekFrom", { day: shanghaiDay(s.period_start) })} · {t("statements.total")}{" "}
                <strong>{yuan(s.total)}</strong> · {t("statements.lineCount", { count: s.line_count })}
              </Text>
              <Button size="small" variant="secondary" asChild>
                <a href={`/admin/statements/${id}/export`} download>
                  {t("statements.export")}
                </a>
              </Button>
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>{t("statements.date")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("statements.product")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("statements.order")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("statements.amount")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {s.lines.map((l) => (
                    <Table.Row key={l.id}>
                      <Table.Cell>{shanghaiDay(l.occurred_at)}</Table.Cell>
                      <Table.Cell>{l.product_title ?? "—"}</Table.Cell>
                      <Table.Cell>
                        <Link className="text-ui-fg-interactive" to={`/orders/${l.order_id}`}>
                          {l.order_display_id != null ? `#${l.order_display_id}` : t("statements.orderLink")}
                        </Link>
                      </Table.Cell>
                      <Table.Cell>{yuan(l.amount)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              {s.payment ? (
                <Text>
                  {t("statements.paidOn", {
                    day: shanghaiDay(s.payment.paid_at),
                    method: s.payment.method in METHOD_LABEL ? t(`payMethod.${s.payment.method}`) : "–",
                    reference: s.payment.reference,
                  })}
                </Text>
              ) : (
                <form onSubmit={pay} className="flex flex-col gap-y-3">
                  <Heading level="h3">{t("statements.recordPayment")}</Heading>
                  <div>
                    <Label htmlFor="pay-method">{t("statements.method")}</Label>
                    <Select value={method} onValueChange={setMethod}>
                      <Select.Trigger id="pay-method">
                        <Select.Value />
                      </Select.Trigger>
                      <Select.Content>
                        {Object.keys(METHOD_LABEL).map((value) => (
                          <Select.Item key={value} value={value}>
                            {t(`payMethod.${value}`)}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select>
                  </div>
                  <div>
                    <Label htmlFor="pay-ref">{t("statements.reference")}</Label>
                    <Input
                      id="pay-ref"
                      required
                      maxLength={100}
                      value={reference}
                      onChange={(e) => setReference(e.target.value)}
                    />
                  </div>
                  <Button type="submit" size="small" isLoading={saving} disabled={s.total <= 0 || saving}>
                    {t("statements.confirmPaid", { amount: yuan(s.total) })}
                  </Button>
                </form>
              )}
            </>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}

export const config = defineRouteConfig({ label: "lianxin.menu.statements", translationNs: "translation", icon: Cash })

export default StatementsPage
