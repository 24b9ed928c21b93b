import { Badge } from "@medusajs/ui"
import { useT } from "../lib/i18n"
import { METHOD_LABEL } from "../lib/ledger-format"

/** Whether a statement has been paid to the household, and how. */
export function PaymentBadge({ payment }: { payment: { method: string } | null }) {
  const { t } = useT()
  return payment ? (
    <Badge color="green">
      {t("statements.paid")} · {payment.method in METHOD_LABEL ? t(`payMethod.${payment.method}`) : "–"}
    </Badge>
  ) : (
    <Badge color="orange">{t("statements.unpaid")}</Badge>
  )
}
