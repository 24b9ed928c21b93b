import { StatusBadge } from "@medusajs/ui"
import { useT } from "../lib/i18n"

export function ConsentBadge({ granted }: { granted: boolean }) {
  const { t } = useT()
  return (
    <StatusBadge color={granted ? "green" : "grey"}>
      {t(granted ? "consent.granted" : "consent.notGranted")}
    </StatusBadge>
  )
}
