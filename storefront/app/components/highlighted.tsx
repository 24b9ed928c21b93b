import type { Segment } from "../lib/search"

/** A title with the parts that matched the query marked (<mark>), as the backend segmented it. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed split of one title
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-inherit">
            {segment.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed split of one title
          <span key={i}>{segment.text}</span>
        )
      )}
    </>
  )
}
