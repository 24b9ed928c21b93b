import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { isOnlineProvider, paymentProviderLabel } from "../../utils/payment-labels"
import { errorMessage, sdk } from "../lib/sdk"

type Payment = {
  id: string
  provider_id: string
  amount: number
  captured_at: string | null
  canceled_at: string | null
  captures?: { amount: number }[]
  refunds?: { amount: number }[]
}

const FIELDS = [
  "id",
  ...["id", "provider_id", "amount", "captured_at", "canceled_at", "captures.amount", "refunds.amount"].map(
    (f) => `payment_collections.payments.${f}`
  ),
].join(",")

const yuan = (v: number) => `¥${Number(v).toFixed(2)}`
const sum = (xs: { amount: number }[] | undefined) => (xs ?? []).reduce((s, x) => s + Number(x.amount), 0)

/**
 * How the resident paid, in words an operator reads (the dashboard's own payment
 * section prints the provider id): pay at pickup or WeChat Pay / Alipay / card
 * through Stripe, with what was captured and refunded (docs/payments.md).
 */
const OrderPaymentMethodWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, error: failure } = useQuery({
    queryKey: ["lianxin", "order-payments", order.id],
    queryFn: () => sdk.admin.order.retrieve(order.id, { fields: FIELDS }),
  })
  const error = failure ? errorMessage(failure) : undefined
  const collections = (data?.order.payment_collections ?? []) as unknown as { payments?: Payment[] }[]
  const payments = collections.flatMap((pc) => pc.payments ?? [])
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">付款方式</Heading>
      </div>
      {error ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-error">
          {error}
        </Text>
      ) : payments.length === 0 ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {data ? "没有付款记录" : "加载中…"}
        </Text>
      ) : (
        payments.map((p) => (
          <div key={p.id} className="flex flex-col gap-1 px-6 py-4">
            <div className="flex items-center justify-between">
              <Text weight="plus">{paymentProviderLabel(p.provider_id)}</Text>
              <Badge color={p.canceled_at ? "grey" : p.captured_at ? "green" : "orange"}>
                {p.canceled_at
                  ? "已取消"
                  : p.captured_at
                    ? isOnlineProvider(p.provider_id)
                      ? "已在线收款"
                      : "已在柜台收款"
                    : "待收款"}
              </Badge>
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              金额 {yuan(p.amount)} · 已收 {yuan(sum(p.captures))} · 已退 {yuan(sum(p.refunds))}
            </Text>
          </div>
        ))
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.before" })

export default OrderPaymentMethodWidget
