import { Table } from "@medusajs/ui"
import { useT } from "../lib/i18n"

/** Previous / next over an offset-paged admin list, in the operator's language; disabled while a page loads. */
export function OffsetPagination({
  count,
  offset,
  pageSize,
  onOffset,
  busy = false,
}: {
  count: number
  offset: number
  pageSize: number
  onOffset: (offset: number) => void
  busy?: boolean
}) {
  const { t } = useT()
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={Math.floor(offset / pageSize)}
      pageCount={Math.max(1, Math.ceil(count / pageSize))}
      canPreviousPage={offset > 0 && !busy}
      canNextPage={offset + pageSize < count && !busy}
      previousPage={() => onOffset(Math.max(0, offset - pageSize))}
      nextPage={() => onOffset(offset + pageSize)}
      translations={{
        of: t("pagination.of"),
        results: t("pagination.results"),
        pages: t("pagination.pages"),
        prev: t("pagination.prev"),
        next: t("pagination.next"),
      }}
    />
  )
}
