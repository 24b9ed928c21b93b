/**
 * The leaf route's `headers` export: its loader's caching rules, or those of
 * the Response it threw. React Router only asks the deepest route, so every
 * route uses this one.
 */
export function routeHeaders({
  loaderHeaders,
  actionHeaders,
  errorHeaders,
}: {
  loaderHeaders: Headers
  actionHeaders?: Headers
  errorHeaders?: Headers
}) {
  const headers = new Headers()
  const source = errorHeaders && [...errorHeaders.keys()].length ? errorHeaders : loaderHeaders
  for (const name of ["Cache-Control", "Vary", "Retry-After", "ETag"]) {
    const value = source.get(name)
    if (value) headers.set(name, value)
  }
  // After a form post the page is about this resident: never cache it.
  if (actionHeaders && [...actionHeaders.keys()].length) {
    headers.set("Cache-Control", "private, no-store")
    headers.delete("ETag")
  }
  return headers
}
