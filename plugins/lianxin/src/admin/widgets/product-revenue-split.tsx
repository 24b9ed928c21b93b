import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, AdminProduct } from "@medusajs/framework/types"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useAdminQuery } from "../lib/query"
import { percent, SCOPE_LABEL, yuan } from "../lib/ledger-format"

type Split = {
  policy: { name: string; scope: string; version: number; shares_bp: Record<string, number> }
  household_codes: string[]
  variants: Array<{ variant_id: string; title: string; price_fen: number; shares_fen: Record<string, number> }>
}

const PARTIES = [
  ["household", "农户"],
  ["cooperative", "合作社"],
  ["property_office", "物业服务点"],
  ["platform", "平台"],
] as const

/** On the product page: who produced it and how each price is split under the policy in force. */
const ProductRevenueSplitWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { data, error } = useAdminQuery<{ revenue_split: Split }>(`/admin/products/${product.id}/revenue-split`)
  const split = data?.revenue_split
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">分账预览</Heading>
        {split && (
          <Text size="small" className="text-ui-fg-subtle">
            {split.policy.name}（{SCOPE_LABEL[split.policy.scope]} v{split.policy.version}）：
            {PARTIES.map(([k, label]) => `${label} ${percent(split.policy.shares_bp[k])}`).join(" · ")}
            {split.household_codes.length ? ` · 农户 ${split.household_codes.join("、")}` : " · 尚未关联农户"}
          </Text>
        )}
        {error && <Text className="text-ui-fg-error">{error}</Text>}
      </div>
      {split && split.variants.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>规格</Table.HeaderCell>
              <Table.HeaderCell>价格</Table.HeaderCell>
              {PARTIES.map(([k, label]) => (
                <Table.HeaderCell key={k}>{label}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {split.variants.map((v) => (
              <Table.Row key={v.variant_id}>
                <Table.Cell>{v.title}</Table.Cell>
                <Table.Cell>{yuan(v.price_fen)}</Table.Cell>
                {PARTIES.map(([k]) => (
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
