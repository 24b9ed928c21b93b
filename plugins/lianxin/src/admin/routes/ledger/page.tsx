import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BookOpen } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Table, Text } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import { ErrorLine } from "../../components/query-state"
import { fenToYuan, useT } from "../../lib/i18n"
import { useAdminQuery } from "../../lib/query"
import { PageHeader } from "../../components/page-header"

type TrialBalance = { debits: number; credits: number; postings: number; unbalanced_transactions: string[] }
type Entry = {
  id: string
  kind: string
  account: string
  direction: string
  amount: number
  party_type: string | null
  party_id: string | null
  occurred_at: string
}

/** The ledger's trial balance and one order's postings (docs/ledger.md, docs/admin.md). */
const LedgerPage = () => {
  const { t, when } = useT()
  const tb = useAdminQuery<{ trial_balance: TrialBalance }>("/admin/ledger/trial-balance")
  const [typed, setTyped] = useState("")
  const [orderId, setOrderId] = useState<string | null>(null)
  const postings = useAdminQuery<{ entries: Entry[] }>(orderId ? `/admin/ledger/orders/${orderId}` : null)
  const b = tb.data?.trial_balance
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (typed.trim()) setOrderId(typed.trim())
  }
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <PageHeader title={t("ledger.title")} subtitle={t("ledger.subtitle")} />
        <ErrorLine error={tb.error} />
        <section aria-label={t("ledger.trialBalance")} className="flex flex-col gap-y-2 px-6 py-4">
          <Heading level="h2">{t("ledger.trialBalance")}</Heading>
          {b ? (
            <dl className="grid grid-cols-2 gap-2 md:grid-cols-4">
              <div>
                <dt className="text-ui-fg-subtle text-sm">{t("ledger.debits")}</dt>
                <dd>{fenToYuan(b.debits)}</dd>
              </div>
              <div>
                <dt className="text-ui-fg-subtle text-sm">{t("ledger.credits")}</dt>
                <dd>{fenToYuan(b.credits)}</dd>
              </div>
              <div>
                <dt className="text-ui-fg-subtle text-sm">{t("ledger.postings")}</dt>
                <dd>{b.postings}</dd>
              </div>
              <div>
                <dd>
                  {b.debits === b.credits && !b.unbalanced_transactions.length ? (
                    <Badge color="green">{t("ledger.balanced")}</Badge>
                  ) : (
                    <Badge color="red">{t("ledger.unbalanced", { count: b.unbalanced_transactions.length })}</Badge>
                  )}
                </dd>
              </div>
            </dl>
          ) : (
            <Text size="small">{t("common.loading")}</Text>
          )}
        </section>
      </Container>
      <Container className="divide-y p-0">
        <form onSubmit={submit} className="flex items-end gap-x-2 px-6 py-4">
          <div className="flex flex-1 flex-col gap-y-1">
            <Heading level="h2">{t("ledger.orderPostings")}</Heading>
            <Input
              aria-label={t("ledger.orderId")}
              placeholder={t("ledger.orderId")}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
          <Button size="small" type="submit" variant="secondary">
            {t("ledger.show")}
          </Button>
        </form>
        <ErrorLine error={postings.error} />
        {postings.data ? (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("ledger.when")}</Table.HeaderCell>
                <Table.HeaderCell>{t("ledger.kind")}</Table.HeaderCell>
                <Table.HeaderCell>{t("ledger.account")}</Table.HeaderCell>
                <Table.HeaderCell>{t("ledger.direction")}</Table.HeaderCell>
                <Table.HeaderCell>{t("ledger.party")}</Table.HeaderCell>
                <Table.HeaderCell>{t("ledger.amount")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {postings.data.entries.map((e) => (
                <Table.Row key={e.id}>
                  <Table.Cell>{when(e.occurred_at)}</Table.Cell>
                  <Table.Cell>{t(`ledgerKind.${e.kind}`)}</Table.Cell>
                  <Table.Cell>{t(`ledgerAccount.${e.account}`)}</Table.Cell>
                  <Table.Cell>{t(`ledgerDirection.${e.direction}`)}</Table.Cell>
                  <Table.Cell>{e.party_type ? t(`partyType.${e.party_type}`) : "–"}</Table.Cell>
                  <Table.Cell>{fenToYuan(e.amount)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : null}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "lianxin.menu.ledger", translationNs: "translation", icon: BookOpen })

export default LedgerPage
