import { Badge } from "@medusajs/ui"
import { METHOD_LABEL } from "../lib/ledger-format"

/** Whether a statement has been paid to the household, and how. */
export function PaymentBadge({ payment }: { payment: { method: string } | null }) {
  return payment ? (
    <Badge color="green">已付 · {METHOD_LABEL[payment.method]}</Badge>
  ) : (
    <Badge color="orange">待付</Badge>
  )
}
