import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, AdminProduct } from "@medusajs/framework/types"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useT } from "../lib/i18n"
import { useAdminQuery } from "../lib/query"
import { percent, SCOPE_LABEL, yuan } from "../lib/ledger-format"

type Split = {
  policy: { name: string; scope: string; version: number; shares_bp: Record<string, number> }
  household_codes: string[]
  variants: Array<{ variant_id: string; title: string; price_fen: number; shares_fen: Record<string, number> }>
}

const PARTIES = ["household", "cooperative", "property_office", "platform"] as const

/** On the product page: who produced it and how each price is split under the policy in force. */
const ProductRevenueSplitWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { data, error } = useAdminQuery<{ revenue_split: Split }>(`/admin/products/${product.id}/revenue-split`)
  const split = data?.revenue_split
  const { t } = useT()
  const party = (k: (typeof PARTIES)[number]) => t(`splitWidget.party.${k}`)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("splitWidget.title")}</Heading>
        {split && (
          <Text size="small" className="text-ui-fg-subtle">
            {t("splitWidget.policy", {
              name: split.policy.name,
              scope: split.policy.scope in SCOPE_LABEL ? t(`splitScope.${split.policy.scope}`) : split.policy.scope,
              version: split.policy.version,
            })}
            {PARTIES.map((k) => `${party(k)} ${percent(split.policy.shares_bp[k])}`).join(" · ")}
            {" · "}
            {split.household_codes.length
              ? t("splitWidget.households", { codes: split.household_codes.join("、") })
              : t("splitWidget.noHouseholds")}
          </Text>
        )}
        {error && <Text className="text-ui-fg-error">{error}</Text>}
      </div>
      {split && split.variants.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("splitWidget.variant")}</Table.HeaderCell>
              <Table.HeaderCell>{t("splitWidget.price")}</Table.HeaderCell>
              {PARTIES.map((k) => (
                <Table.HeaderCell key={k}>{party(k)}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {split.variants.map((v) => (
              <Table.Row key={v.variant_id}>
                <Table.Cell>{v.title}</Table.Cell>
                <Table.Cell>{yuan(v.price_fen)}</Table.Cell>
                {PARTIES.map((k) => (
                  <Table.Cell key={k}>{yuan(v.shares_fen[k])}</Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.after" })

export default ProductRevenueSplitWidget
