import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CheckCircle } from "@medusajs/icons"
import { Badge, Button, Container, Label, Table, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { FormDrawer } from "../../components/form-drawer"
import { OffsetPagination } from "../../components/offset-pagination"
import { ErrorLine } from "../../components/query-state"
import { shanghaiDay, yuan } from "../../lib/ledger-format"
import { useT } from "../../lib/i18n"
import { useAdminMutation, useAdminQuery } from "../../lib/query"
import { PageHeader } from "../../components/page-header"

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
  { status: "pending_review", label: "listings.filterPending" },
  { status: "approved", label: "listings.filterApproved" },
  { status: "rejected", label: "listings.filterRejected" },
]
const PAGE = 20

/** The approval queue for listings that property staff made for farmer households. */
const ListingsPage = () => {
  const { t } = useT()
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
    success: (_, l) => t("listings.approved", { title: l.title }),
  })
  const busyId = approve.isPending ? approve.variables?.id : undefined

  return (
    <Container className="divide-y p-0">
      <PageHeader title={t("listings.title")} subtitle={t("listings.subtitle")}>
        <fieldset className="flex gap-2" aria-label={t("listings.filter")}>
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
              {t(f.label)}
            </Button>
          ))}
        </fieldset>
      </PageHeader>
      <ErrorLine error={error} />
      {data && data.listings.length === 0 && (
        <Text className="px-6 py-8 text-ui-fg-subtle">
          {status === "pending_review" ? t("listings.nonePending") : t("listings.none")}
        </Text>
      )}
      {data && data.listings.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("listings.product")}</Table.HeaderCell>
              <Table.HeaderCell>{t("listings.household")}</Table.HeaderCell>
              <Table.HeaderCell>{t("listings.priceStock")}</Table.HeaderCell>
              <Table.HeaderCell>{t("listings.harvest")}</Table.HeaderCell>
              <Table.HeaderCell>{t("listings.certificate")}</Table.HeaderCell>
              <Table.HeaderCell>
                {status === "pending_review" ? t("common.actions") : t("listings.result")}
              </Table.HeaderCell>
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
                          {l.product?.category?.name ?? "—"} ·{" "}
                          {l.perishability === "chilled" ? t("listings.chilled") : t("listings.ambient")} ·{" "}
                          {t("listings.submitted", { day: shanghaiDay(l.created_at) })}
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
                      {t("listings.stock", { stock: l.stock })}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>
                    {batch ? (
                      <>
                        {t("listings.harvestedOn", { day: batch.harvested_on })}
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
                          {t("listings.approve")}
                        </Button>
                        <Button size="small" variant="danger" onClick={() => setRejecting(l)} disabled={!!busyId}>
                          {t("listings.reject")}
                        </Button>
                      </div>
                    ) : l.status === "approved" ? (
                      <Badge color="green">
                        {t("listings.listed")} {l.reviewed_at ? shanghaiDay(l.reviewed_at) : ""}
                      </Badge>
                    ) : (
                      <div>
                        <Badge color="red">{t("listings.filterRejected")}</Badge>
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
  const { t } = useT()
  const [reason, setReason] = useState("")
  const [problem, setProblem] = useState<string | null>(null)
  const reject = useAdminMutation<{ reason: string }>({
    path: () => `/admin/listings/${listing.id}/reject`,
    invalidates: ["/admin/listings"],
    success: t("listings.rejected", { title: listing.title }),
    onError: setProblem,
  })

  const submit = async () => {
    const trimmed = reason.trim()
    const local = !trimmed ? t("listings.reasonRequired") : trimmed.length > 500 ? t("listings.reasonTooLong") : null
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
      title={t("listings.rejectTitle", { title: listing.title })}
      submitLabel={t("listings.confirmReject")}
      submitVariant="danger"
      submitting={reject.isPending}
      onSubmit={submit}
    >
      <div className="flex flex-col gap-y-2">
        <Label htmlFor="listing-reject-reason">{t("listings.reason")}</Label>
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
          placeholder={t("listings.reasonExample")}
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

export const config = defineRouteConfig({
  label: "lianxin.menu.listings",
  translationNs: "translation",
  icon: CheckCircle,
})

export default ListingsPage
