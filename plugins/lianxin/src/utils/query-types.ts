import type { RemoteQueryEntryPoints } from "@medusajs/framework/types"

/**
 * One row of `query.graph({ entity: E })` as Medusa types it: the entity with all its fields and relations (whichever
 * `fields` were asked for), from .medusa/types/query-entry-points.d.ts, which `npm run codegen` writes (decision 028).
 * Lists of relations are `Array<Maybe<T>>` there (GraphQL's `[T]`); Query never puts a null in them.
 */
export type QueryRow<E extends keyof RemoteQueryEntryPoints> = RemoteQueryEntryPoints[E]

/**
 * An order's display number (#1042) from `query.graph`. Medusa's GraphQL schema of the Order Module declares
 * `display_id: String`, but the column is an integer and Query returns the number (OrderDTO says `number`).
 */
export function orderDisplayId(order: Pick<QueryRow<"order">, "display_id">): number {
  return order.display_id as unknown as number
}

/**
 * A relation list of a `query.graph` row, or [] when it was not asked for: `list ?? []`, typed without GraphQL's
 * nullable items (Query never puts a null in a list).
 */
export function rows<T>(list: ReadonlyArray<T | null> | null | undefined): T[] {
  return (list ?? []) as T[]
}
