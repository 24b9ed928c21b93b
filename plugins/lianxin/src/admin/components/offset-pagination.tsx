import { Table } from "@medusajs/ui"

/** Previous / next over an offset-paged admin list, in Chinese; disabled while a page loads. */
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
      translations={{ of: "/", results: "条", pages: "页", prev: "上一页", next: "下一页" }}
    />
  )
}
