import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Cash } from "@medusajs/icons"
import { Button, Container, Drawer, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { OffsetPagination } from "../../components/offset-pagination"
import { PaymentBadge } from "../../components/payment-badge"
import { ErrorLine } from "../../components/query-state"
import { METHOD_LABEL, shanghaiDay, yuan } from "../../lib/ledger-format"
import { useAdminMutation, useAdminQuery } from "../../lib/query"

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
  lines: Array<{ id: string; order_id: string; product_title: string | null; amount: number; occurred_at: string }>
}

const PAGE = 50

const StatementsPage = () => {
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
      r.statement_ids.length ? `生成了 ${r.statement_ids.length} 张对账单` : "上周的对账单都已生成，没有新的",
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">农户对账单</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            每周（周一 00:00 至下周一，北京时间）按账本中已交付的收入生成；重复生成不会产生新单。
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={() => !generate.isPending && generate.mutate()}
          isLoading={generate.isPending}
        >
          生成上周对账单
        </Button>
      </div>
      <ErrorLine error={error} />
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>周期</Table.HeaderCell>
            <Table.HeaderCell>农户</Table.HeaderCell>
            <Table.HeaderCell>明细行</Table.HeaderCell>
            <Table.HeaderCell>金额</Table.HeaderCell>
            <Table.HeaderCell>状态</Table.HeaderCell>
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
  const { data } = useAdminQuery<{ statement: StatementDetail }>(`/admin/statements/${id}`)
  const [method, setMethod] = useState("bank_transfer")
  const [reference, setReference] = useState("")
  const record = useAdminMutation<{ method: string; reference: string }>({
    path: () => `/admin/statements/${id}/payment`,
    invalidates: ["/admin/statements"],
    success: "已记录付款",
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
          <Drawer.Title>对账单 {s?.household ? `· ${s.household.code} ${s.household.display_name}` : ""}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {s && (
            <>
              <Text>
                {shanghaiDay(s.period_start)} 起一周 · 合计 <strong>{yuan(s.total)}</strong> · {s.line_count} 行
              </Text>
              <Button size="small" variant="secondary" asChild>
                <a href={`/admin/statements/${id}/export`} download>
                  导出 CSV（给合作社会计）
                </a>
              </Button>
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>日期</Table.HeaderCell>
                    <Table.HeaderCell>商品</Table.HeaderCell>
                    <Table.HeaderCell>订单</Table.HeaderCell>
                    <Table.HeaderCell>金额</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {s.lines.map((l) => (
                    <Table.Row key={l.id}>
                      <Table.Cell>{shanghaiDay(l.occurred_at)}</Table.Cell>
                      <Table.Cell>{l.product_title ?? "—"}</Table.Cell>
                      <Table.Cell>{l.order_id}</Table.Cell>
                      <Table.Cell>{yuan(l.amount)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              {s.payment ? (
                <Text>
                  已于 {shanghaiDay(s.payment.paid_at)} 以{METHOD_LABEL[s.payment.method]}支付，凭证号{" "}
                  {s.payment.reference}
                </Text>
              ) : (
                <form onSubmit={pay} className="flex flex-col gap-y-3">
                  <Heading level="h3">记录付款</Heading>
                  <div>
                    <Label htmlFor="pay-method">方式</Label>
                    <Select value={method} onValueChange={setMethod}>
                      <Select.Trigger id="pay-method">
                        <Select.Value />
                      </Select.Trigger>
                      <Select.Content>
                        {Object.entries(METHOD_LABEL).map(([value, label]) => (
                          <Select.Item key={value} value={value}>
                            {label}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select>
                  </div>
                  <div>
                    <Label htmlFor="pay-ref">凭证号（转账流水号、收据编号）</Label>
                    <Input
                      id="pay-ref"
                      required
                      maxLength={100}
                      value={reference}
                      onChange={(e) => setReference(e.target.value)}
                    />
                  </div>
                  <Button type="submit" size="small" isLoading={saving} disabled={s.total <= 0 || saving}>
                    确认已付 {yuan(s.total)}
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

export const config = defineRouteConfig({ label: "农户对账单", icon: Cash })

export default StatementsPage
