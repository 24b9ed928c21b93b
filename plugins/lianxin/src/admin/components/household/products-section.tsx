import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { type HouseholdDetail, percent } from "../../lib/households"

/** The products attributed to the household, with its share of each. */
export function ProductsSection({ household: h }: { household: HouseholdDetail }) {
  const shares = h.attribution_shares.flatMap((s) =>
    s.attribution?.product ? [{ share_bp: s.share_bp, attribution: s.attribution, product: s.attribution.product }] : []
  )
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">产品</Heading>
      </div>
      {shares.length ? (
        <Table>
          <Table.Body>
            {shares.map((s) => (
              <Table.Row key={s.attribution.id}>
                <Table.Cell>
                  <Link className="text-ui-fg-interactive" to={`/products/${s.product.id}`}>
                    {s.product.title}
                  </Link>
                </Table.Cell>
                <Table.Cell>{s.attribution.cooperative_id ? "经合作社" : "自产自销"}</Table.Cell>
                <Table.Cell>{percent(s.share_bp)}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall">{s.product.status}</Badge>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          还没有产品归属到这户。在产品页的“生产者”卡片里设置。
        </Text>
      )}
    </Container>
  )
}
