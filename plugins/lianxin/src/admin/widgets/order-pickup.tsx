import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Prompt, Text } from "@medusajs/ui"
import { FetchError } from "@medusajs/js-sdk"
import { useQuery } from "@tanstack/react-query"
import { fenToYuan, useT } from "../lib/i18n"
import { useAdminMutation } from "../lib/query"
import { errorMessage, sdk } from "../lib/sdk"

type OrderPickup = {
  id: string
  status: string
  bag_number: number
  point: { code: string; name: string; compound_name: string | null } | null
  cycle: { name: string; pickup_starts_at: string; pickup_ends_at: string } | null
  hold_expires_at: string | null
  code_version: number
  code_issued_at: string | null
  refunded_fen: number
  collect_reduction_fen: number
  lines: { id: string; title: string; short_quantity: number; refund_fen: number }[]
  handovers: {
    id: string
    kind: "full" | "partial"
    method: "code" | "qr"
    proxy: boolean
    staff_name: string | null
    handed_over_at: string
  }[]
}

const STATUS_COLOR: Record<string, "green" | "orange" | "grey" | "blue" | "red"> = {
  placed: "blue",
  ready: "orange",
  collected: "green",
  uncollected: "red",
  canceled: "grey",
}

/**
 * A pay-at-pickup order reads "Authorized / Not fulfilled" in Medusa's own sections; this says where it stands at
 * the point: point, cycle, status, handovers, shortages and refunds, and reissues the code (docs/admin.md).
 */
const OrderPickupWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t, when } = useT()
  const path = `/admin/pickup-orders/${order.id}`
  const { data, error } = useQuery({
    queryKey: ["lianxin", "pickup-orders", order.id],
    queryFn: async () => {
      try {
        return await sdk.client.fetch<{ pickup: OrderPickup }>(path)
      } catch (e) {
        if (e instanceof FetchError && e.status === 404) return { pickup: null }
        throw e
      }
    },
  })
  const reissue = useAdminMutation<Record<string, never>, { pickup: { code_version: number } }>({
    path: () => `${path}/code`,
    invalidates: [path],
    success: (r) => t("orderPickup.reissued", { version: r.pickup.code_version }),
  })
  const p = data?.pickup
  const shortLines = (p?.lines ?? []).filter((l) => l.short_quantity > 0)
  return (
    <Container className="divide-y p-0" role="region" aria-labelledby="lianxin-order-pickup">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2" id="lianxin-order-pickup">
          {t("orderPickup.title")}
        </Heading>
        {p ? <Badge color={STATUS_COLOR[p.status] ?? "grey"}>{t(`assignmentStatus.${p.status}`)}</Badge> : null}
      </div>
      {error ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-error">
          {errorMessage(error)}
        </Text>
      ) : !data ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {t("common.loading")}
        </Text>
      ) : !p ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {t("orderPickup.noPickup")}
        </Text>
      ) : (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 px-6 py-4 text-sm">
            <dt className="text-ui-fg-subtle">{t("orderPickup.point")}</dt>
            <dd>{p.point ? `${p.point.compound_name ?? ""} ${p.point.name}（${p.point.code}）` : "–"}</dd>
            <dt className="text-ui-fg-subtle">{t("orderPickup.cycle")}</dt>
            <dd>
              {p.cycle ? `${p.cycle.name} · ${when(p.cycle.pickup_starts_at)}–${when(p.cycle.pickup_ends_at)}` : "–"}
            </dd>
            <dt className="text-ui-fg-subtle">{t("orderPickup.bag")}</dt>
            <dd>{p.bag_number}</dd>
            {p.hold_expires_at ? (
              <>
                <dt className="text-ui-fg-subtle">{t("orderPickup.holdUntil")}</dt>
                <dd>{when(p.hold_expires_at)}</dd>
              </>
            ) : null}
          </dl>
          <section className="flex flex-col gap-y-1 px-6 py-4">
            <Text size="small" weight="plus">
              {t("orderPickup.handovers")}
            </Text>
            {p.handovers.length ? (
              p.handovers.map((h) => (
                <Text key={h.id} size="small">
                  {when(h.handed_over_at)}{" "}
                  {t("orderPickup.handover", {
                    kind: t(`orderPickup.${h.kind}`),
                    staff: h.staff_name ?? "–",
                    method: t(h.method === "qr" ? "orderPickup.methodQr" : "orderPickup.methodCode"),
                  })}
                  {h.proxy ? ` · ${t("orderPickup.proxy")}` : ""}
                </Text>
              ))
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                {t("orderPickup.noHandovers")}
              </Text>
            )}
          </section>
          <section className="flex flex-col gap-y-1 px-6 py-4">
            <Text size="small" weight="plus">
              {t("orderPickup.shortages")}
            </Text>
            {shortLines.length ? (
              shortLines.map((l) => (
                <Text key={l.id} size="small">
                  {t("orderPickup.shortLine", {
                    title: l.title,
                    quantity: l.short_quantity,
                    refund: fenToYuan(l.refund_fen),
                  })}
                </Text>
              ))
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                {t("orderPickup.noShortages")}
              </Text>
            )}
            {p.refunded_fen ? (
              <Text size="small">{t("orderPickup.refunded", { amount: fenToYuan(p.refunded_fen) })}</Text>
            ) : null}
            {p.collect_reduction_fen ? (
              <Text size="small">{t("orderPickup.reduced", { amount: fenToYuan(p.collect_reduction_fen) })}</Text>
            ) : null}
          </section>
          <section className="flex items-center justify-between gap-x-2 px-6 py-4">
            <div>
              <Text size="small" weight="plus">
                {t("orderPickup.code")}
              </Text>
              <Text size="small" className="text-ui-fg-subtle">
                {t("orderPickup.codeIssued", { version: p.code_version, at: when(p.code_issued_at) })}
              </Text>
            </div>
            {p.status === "placed" || p.status === "ready" ? (
              <Prompt>
                <Prompt.Trigger asChild>
                  <Button size="small" variant="secondary" isLoading={reissue.isPending}>
                    {t("orderPickup.reissue")}
                  </Button>
                </Prompt.Trigger>
                <Prompt.Content>
                  <Prompt.Header>
                    <Prompt.Title>{t("orderPickup.reissueTitle")}</Prompt.Title>
                    <Prompt.Description>{t("orderPickup.reissueHint")}</Prompt.Description>
                  </Prompt.Header>
                  <Prompt.Footer>
                    <Prompt.Cancel>{t("common.cancel")}</Prompt.Cancel>
                    <Prompt.Action onClick={() => reissue.mutate({})}>{t("orderPickup.reissue")}</Prompt.Action>
                  </Prompt.Footer>
                </Prompt.Content>
              </Prompt>
            ) : null}
          </section>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderPickupWidget
