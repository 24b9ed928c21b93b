import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CheckCircle } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Label, Table, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { FormDrawer } from "../../components/form-drawer"
import { OffsetPagination } from "../../components/offset-pagination"
import { ErrorLine } from "../../components/query-state"
import { shanghaiDay, yuan } from "../../lib/ledger-format"
import { useAdminMutation, useAdminQuery } from "../../lib/query"

type Status = "pending_review" | "approved" | "rejected"
type Listing = {
  id: string
  status: Status
  title: string
  price_fen: number
  unit_label: string
  stock: number
  perishability: "chilled" | "ambient"
  image_urls: string[]
  household: { id: string; code: string; display_name: string; village: string | null } | null
  product: { id: string; status: string; category: { name: string } | null } | null
  harvest_batches: Array<{
    id: string
    harvested_on: string
    quantity: number
    quantity_unit: string
    certificate_no: string
    certificate_photo_url: string
  }>
  reject_reason: string | null
  reviewed_at: string | null
  created_at: string
}

// Filter names avoid the words 通过 and 驳回: those name the row actions only.
const FILTERS: Array<{ status: Status; label: string }> = [
  { status: "pending_review", label: "待审核" },
  { status: "approved", label: "已发布" },
  { status: "rejected", label: "已退回" },
]
const PAGE = 20

/** The approval queue for listings that property staff made for farmer households. */
const ListingsPage = () => {
  const [status, setStatus] = useState<Status>("pending_review")
  const [offset, setOffset] = useState(0)
  const { data, error } = useAdminQuery<{ listings: Listing[]; count: number }>(
    "/admin/listings",
    { status, limit: PAGE, offset },
    { keepPrevious: true }
  )
  const [rejecting, setRejecting] = useState<Listing | null>(null)
  const approve = useAdminMutation<Listing>({
    path: (l) => `/admin/listings/${l.id}/approve`,
    body: () => ({}),
    invalidates: ["/admin/listings"],
    success: (_, l) => `「${l.title}」已上架，顾客在商城可以看到了`,
  })
  const busyId = approve.isPending ? approve.variables?.id : undefined

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">上架审核</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            物业代农户提交的商品：核对照片、价格、采收批次和合格证后再上架；退回时写明原因，物业会看到。
          </Text>
        </div>
        <fieldset className="flex gap-2" aria-label="按状态筛选">
          {FILTERS.map((f) => (
            <Button
              key={f.status}
              size="small"
              variant={status === f.status ? "primary" : "secondary"}
              aria-pressed={status === f.status}
              onClick={() => {
                setStatus(f.status)
                setOffset(0)
              }}
            >
              {f.label}
            </Button>
          ))}
        </fieldset>
      </div>
      <ErrorLine error={error} />
      {data && data.listings.length === 0 && (
        <Text className="px-6 py-8 text-ui-fg-subtle">
          {status === "pending_review" ? "没有待审核的商品。" : "这里还没有商品。"}
        </Text>
      )}
      {data && data.listings.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>商品</Table.HeaderCell>
              <Table.HeaderCell>农户</Table.HeaderCell>
              <Table.HeaderCell>价格 / 库存</Table.HeaderCell>
              <Table.HeaderCell>采收批次</Table.HeaderCell>
              <Table.HeaderCell>合格证</Table.HeaderCell>
              <Table.HeaderCell>{status === "pending_review" ? "操作" : "结果"}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.listings.map((l) => {
              const batch = l.harvest_batches[0]
              return (
                <Table.Row key={l.id} aria-label={l.title}>
                  <Table.Cell>
                    <div className="flex items-center gap-3 py-2">
                      {l.image_urls[0] && (
                        <img src={l.image_urls[0]} alt={l.title} className="h-14 w-14 rounded object-cover" />
                      )}
                      <div>
                        <Text weight="plus">{l.title}</Text>
                        <Text size="small" className="text-ui-fg-subtle">
                          {l.product?.category?.name ?? "—"} · {l.perishability === "chilled" ? "冷藏" : "常温"} ·
                          提交于 {shanghaiDay(l.created_at)}
                        </Text>
                      </div>
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    {l.household ? `${l.household.code} ${l.household.display_name}` : "—"}
                    {l.household?.village && (
                      <Text size="small" className="text-ui-fg-subtle">
                        {l.household.village}
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {yuan(l.price_fen)} / {l.unit_label}
                    <Text size="small" className="text-ui-fg-subtle">
                      库存 {l.stock}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>
                    {batch ? (
                      <>
                        {batch.harvested_on} 采收
                        <Text size="small" className="text-ui-fg-subtle">
                          {batch.quantity} {batch.quantity_unit}
                        </Text>
                      </>
                    ) : (
                      "—"
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {batch ? (
                      <a
                        href={batch.certificate_photo_url}
                        target="_blank"
                        rel="noreferrer"
                        className="text-ui-fg-interactive underline"
                      >
                        {batch.certificate_no}
                      </a>
                    ) : (
                      "—"
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {l.status === "pending_review" ? (
                      <div className="flex gap-2">
                        <Button size="small" onClick={() => !busyId && approve.mutate(l)} isLoading={busyId === l.id}>
                          通过
                        </Button>
                        <Button size="small" variant="danger" onClick={() => setRejecting(l)} disabled={!!busyId}>
                          驳回
                        </Button>
                      </div>
                    ) : l.status === "approved" ? (
                      <Badge color="green">已上架 {l.reviewed_at ? shanghaiDay(l.reviewed_at) : ""}</Badge>
                    ) : (
                      <div>
                        <Badge color="red">已退回</Badge>
                        <Text size="small" className="text-ui-fg-subtle">
                          {l.reject_reason}
                        </Text>
                      </div>
                    )}
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}
      <OffsetPagination count={data?.count ?? 0} offset={offset} pageSize={PAGE} onOffset={setOffset} />
      {rejecting && <RejectDrawer listing={rejecting} onClose={() => setRejecting(null)} />}
    </Container>
  )
}

const RejectDrawer = ({ listing, onClose }: { listing: Listing; onClose: () => void }) => {
  const [reason, setReason] = useState("")
  const [problem, setProblem] = useState<string | null>(null)
  const reject = useAdminMutation<{ reason: string }>({
    path: () => `/admin/listings/${listing.id}/reject`,
    invalidates: ["/admin/listings"],
    success: `已退回「${listing.title}」`,
    onError: setProblem,
  })

  const submit = async () => {
    const trimmed = reason.trim()
    const local = !trimmed ? "请写明原因，物业会据此修改后重新提交" : trimmed.length > 500 ? "原因最多 500 字" : null
    if (local) {
      setProblem(local)
      return false
    }
    await reject.mutateAsync({ reason: trimmed })
  }

  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && onClose()}
      title={`退回「${listing.title}」`}
      submitLabel="确认驳回"
      submitVariant="danger"
      submitting={reject.isPending}
      onSubmit={submit}
    >
      <div className="flex flex-col gap-y-2">
        <Label htmlFor="listing-reject-reason">驳回原因</Label>
        <Textarea
          id="listing-reject-reason"
          value={reason}
          maxLength={500}
          rows={5}
          aria-invalid={!!problem}
          aria-describedby={problem ? "listing-reject-problem" : undefined}
          onChange={(e) => {
            setReason(e.target.value)
            setProblem(null)
          }}
          placeholder="例如：合格证照片看不清，请重新拍摄"
        />
        {problem && (
          <Text id="listing-reject-problem" size="small" className="text-ui-fg-error" role="alert">
            {problem}
          </Text>
        )}
      </div>
    </FormDrawer>
  )
}

export const config = defineRouteConfig({ label: "上架审核", icon: CheckCircle })

export default ListingsPage
