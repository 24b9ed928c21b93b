import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { isOnlineProvider, paymentProviderLabel } from "../../utils/payment-labels"
import { useT } from "../lib/i18n"
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

const PROVIDERS = ["pp_system_default", "pp_stripe-wechatpay_stripe", "pp_stripe-alipay_stripe", "pp_stripe_stripe"]

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
  const { t } = useT()
  // Known providers by name in the operator's language; an unknown one as the shared label (its id).
  const provider = (id: string) =>
    !id ? t("paymentWidget.notChosen") : PROVIDERS.includes(id) ? t(`paymentProvider.${id}`) : paymentProviderLabel(id)
  const collections = (data?.order.payment_collections ?? []) as unknown as { payments?: Payment[] }[]
  const payments = collections.flatMap((pc) => pc.payments ?? [])
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("paymentWidget.title")}</Heading>
      </div>
      {error ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-error">
          {error}
        </Text>
      ) : payments.length === 0 ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {data ? t("paymentWidget.none") : t("common.loading")}
        </Text>
      ) : (
        payments.map((p) => (
          <div key={p.id} className="flex flex-col gap-1 px-6 py-4">
            <div className="flex items-center justify-between">
              <Text weight="plus">{provider(p.provider_id)}</Text>
              <Badge color={p.canceled_at ? "grey" : p.captured_at ? "green" : "orange"}>
                {t(
                  p.canceled_at
                    ? "paymentWidget.canceled"
                    : p.captured_at
                      ? isOnlineProvider(p.provider_id)
                        ? "paymentWidget.capturedOnline"
                        : "paymentWidget.capturedCounter"
                      : "paymentWidget.pending"
                )}
              </Badge>
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              {t("paymentWidget.amounts", {
                amount: yuan(p.amount),
                captured: yuan(sum(p.captures)),
                refunded: yuan(sum(p.refunds)),
              })}
            </Text>
          </div>
        ))
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.before" })

export default OrderPaymentMethodWidget
