import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { type HouseholdDetail, percent } from "../../lib/households"
import { useT } from "../../lib/i18n"

const PRODUCT_STATUSES = ["draft", "proposed", "published", "rejected"]

/** The products attributed to the household, with its share of each. */
export function ProductsSection({ household: h }: { household: HouseholdDetail }) {
  const { t } = useT()
  const shares = h.attribution_shares.flatMap((s) =>
    s.attribution?.product ? [{ share_bp: s.share_bp, attribution: s.attribution, product: s.attribution.product }] : []
  )
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("household.products")}</Heading>
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
                <Table.Cell>
                  {t(s.attribution.cooperative_id ? "household.viaCooperative" : "household.selfSold")}
                </Table.Cell>
                <Table.Cell>{percent(s.share_bp)}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall">
                    {PRODUCT_STATUSES.includes(s.product.status)
                      ? t(`productStatus.${s.product.status}`)
                      : s.product.status}
                  </Badge>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {t("household.noProducts")}
        </Text>
      )}
    </Container>
  )
}
