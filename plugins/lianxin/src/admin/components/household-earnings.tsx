import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useT } from "../lib/i18n"
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
  const { t } = useT()
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("earnings.title")}</Heading>
        {error && <Text className="text-ui-fg-error">{error}</Text>}
        {e && (
          <Text size="small" className="text-ui-fg-subtle">
            {t("earnings.summary", {
              accrued: yuan(e.accrued_fen),
              earned: yuan(e.earned_unpaid_fen),
              paid: yuan(e.paid_out_fen),
            })}
          </Text>
        )}
      </div>
      {e && e.statements.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("earnings.periodStart")}</Table.HeaderCell>
              <Table.HeaderCell>{t("earnings.lines")}</Table.HeaderCell>
              <Table.HeaderCell>{t("earnings.amount")}</Table.HeaderCell>
              <Table.HeaderCell>{t("earnings.status")}</Table.HeaderCell>
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
