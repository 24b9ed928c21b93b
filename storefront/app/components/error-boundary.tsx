import { isRouteErrorResponse, Link, useLocation, useRouteError } from "react-router"
import type { MessageKey } from "../lib/i18n"
import { useT } from "../lib/use-i18n"

/**
 * The one error page. Expected failures arrive as thrown Responses (404 for
 * an unknown page or product, 503 when the backend cannot be reached) and get
 * a kind message that says what to do next; anything else is a generic
 * apology. Stack traces are never shown to residents (only in development).
 */
/** The 404 heading for what was not found (a product, an order …). */
export function notFoundTitle(reason: unknown): MessageKey {
  switch (reason) {
    case "product-not-found":
      return "error.productNotFound.title"
    case "category-not-found":
      return "category.notFound"
    case "village-not-found":
      return "village.notFound"
    case "household-not-found":
      return "household.notFound"
    case "order-not-found":
      return "order.notFound"
    default:
      return "error.notFound.title"
  }
}

export function GeneralErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  const location = useLocation()

  let title: MessageKey = "error.generic.title"
  let body: MessageKey = "error.generic.body"
  let retry = true
  let action: { to: string; label: MessageKey } | null = null
  if (isRouteErrorResponse(error)) {
    const reason = (error.data as { reason?: unknown } | null)?.reason
    if (error.status === 404) {
      title = notFoundTitle(reason)
      body = "error.notFound.body"
      retry = false
    } else if (error.status === 409 && reason === "cutoff-passed") {
      title = "error.cutoff.title"
      body = "error.cutoff.body"
      retry = false
      action = { to: "/cart", label: "error.cutoff.action" }
    } else if (error.status === 503) {
      title = "error.unavailable.title"
      body = "error.unavailable.body"
    }
  }
  const detail =
    import.meta.env.DEV && !isRouteErrorResponse(error) && error instanceof Error
      ? (error.stack ?? error.message)
      : null

  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-md py-10 text-center">
      <h1 id="error-title" className="text-xl font-semibold text-stone-900">
        {t(title)}
      </h1>
      <p className="mt-3 text-stone-600">{t(body)}</p>
      <p className="mt-6 flex justify-center gap-3">
        {retry ? (
          // A plain link: a full reload is the most reliable retry, with or without JavaScript.
          <a
            href={`${location.pathname}${location.search}`}
            className="rounded-full bg-emerald-700 px-5 py-2 text-white hover:bg-emerald-800"
          >
            {t("error.retry")}
          </a>
        ) : null}
        {action ? (
          <Link to={action.to} className="rounded-full bg-emerald-700 px-5 py-2 text-white hover:bg-emerald-800">
            {t(action.label)}
          </Link>
        ) : null}
        <Link to="/" className="rounded-full border border-stone-300 px-5 py-2 text-stone-700 hover:bg-stone-100">
          {t("error.home")}
        </Link>
      </p>
      {detail ? <pre className="mt-8 overflow-x-auto text-left text-xs text-stone-500">{detail}</pre> : null}
    </section>
  )
}
