import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useAdminQuery } from "../lib/query"
import { shanghaiDay, yuan } from "../lib/ledger-format"
import { PaymentBadge } from "./payment-badge"

type Earnings = {
  accrued_fen: number
  earned_unpaid_fen: number
  paid_out_fen: number
  statements: Array<{
    id: string
    period_start: string
    total: number
    line_count: number
    payment: { method: string; reference: string } | null
  }>
}

/** The household's money as the ledger holds it, and its latest statements. */
export function HouseholdEarnings({ householdId }: { householdId: string }) {
  const { data, error } = useAdminQuery<{ earnings: Earnings }>(`/admin/households/${householdId}/earnings`)
  const e = data?.earnings
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">收入与对账单</Heading>
        {error && <Text className="text-ui-fg-error">{error}</Text>}
        {e && (
          <Text size="small" className="text-ui-fg-subtle">
            已下单待交付 {yuan(e.accrued_fen)} · 已交付待结算 {yuan(e.earned_unpaid_fen)} · 已付给农户{" "}
            {yuan(e.paid_out_fen)}
          </Text>
        )}
      </div>
      {e && e.statements.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>周期起</Table.HeaderCell>
              <Table.HeaderCell>明细行</Table.HeaderCell>
              <Table.HeaderCell>金额</Table.HeaderCell>
              <Table.HeaderCell>状态</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {e.statements.map((s) => (
              <Table.Row key={s.id}>
                <Table.Cell>{shanghaiDay(s.period_start)}</Table.Cell>
                <Table.Cell>{s.line_count}</Table.Cell>
                <Table.Cell>{yuan(s.total)}</Table.Cell>
                <Table.Cell>
                  <PaymentBadge payment={s.payment} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
