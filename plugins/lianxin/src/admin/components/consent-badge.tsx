import { StatusBadge } from "@medusajs/ui"

export function ConsentBadge({ granted }: { granted: boolean }) {
  return <StatusBadge color={granted ? "green" : "grey"}>{granted ? "已同意" : "未同意"}</StatusBadge>
}
