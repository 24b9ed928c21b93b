import { toast } from "@medusajs/ui"
import { keepPreviousData, type QueryKey, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { errorMessage, sdk } from "./sdk"

/** Query parameters; undefined and empty values are left out, as a form's empty filter means "any". */
export type Query = Record<string, string | number | boolean | undefined>

const clean = (query: Query) => Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ""))

/**
 * Every key of our admin data starts with "lianxin" and the route's path segments, so a write invalidates
 * everything under the path it changed (["lianxin", "households", id] also refreshes that household's consents).
 */
export const lianxinKey = (path: string, query?: Query): QueryKey => [
  "lianxin",
  ...path.split("/").filter((s) => s && s !== "admin"),
  ...(query ? [clean(query)] : []),
]

/** GET one of our admin routes through the SDK; `path: null` waits (a drawer not opened yet). */
export function useAdminQuery<T>(path: string | null, query: Query = {}, options: { keepPrevious?: boolean } = {}) {
  const result = useQuery({
    queryKey: lianxinKey(path ?? "", query),
    queryFn: () => sdk.client.fetch<T>(path as string, { query: clean(query) }),
    enabled: path !== null,
    // A list keeps showing its page while the next one loads (no flash of an empty table).
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  })
  return { ...result, error: result.error ? errorMessage(result.error) : undefined }
}

/**
 * POST to one of our admin routes through the SDK. On success: the toast (when given), then every query under
 * `invalidates` is refetched; on failure the server's message as a toast (unless `onError` takes it).
 */
export function useAdminMutation<TBody, TResult = unknown>(options: {
  path: (body: TBody) => string
  body?: (input: TBody) => unknown
  invalidates: string[]
  success?: string | ((result: TResult, input: TBody) => string)
  onSuccess?: (result: TResult, input: TBody) => void
  onError?: (message: string) => void
}) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: TBody) =>
      sdk.client.fetch<TResult>(options.path(input), {
        method: "POST",
        body: (options.body ? options.body(input) : input) as Record<string, unknown>,
      }),
    onSuccess: async (result, input) => {
      if (options.success) {
        toast.success(typeof options.success === "string" ? options.success : options.success(result, input))
      }
      options.onSuccess?.(result, input)
      await Promise.all(options.invalidates.map((path) => client.invalidateQueries({ queryKey: lianxinKey(path) })))
    },
    onError: (error) => {
      const message = errorMessage(error)
      if (options.onError) options.onError(message)
      else toast.error(message)
    },
  })
}
