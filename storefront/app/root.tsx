import type { ReactNode } from "react"
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  type ShouldRevalidateFunction,
} from "react-router"
import type { Route } from "./+types/root"
import stylesheet from "./app.css?url"
import { GeneralErrorBoundary, notFoundTitle } from "./components/error-boundary"
import { PortalFallbackShell, SiteShell } from "./components/site-shell"
import { langFromCookieHeader, translator } from "./lib/i18n"
import { useNonce } from "./lib/nonce"
import { getNotifyApi } from "./lib/server/app.server"
import { getSession, hasSessionCookie, isExpired } from "./lib/server/session.server"
import { langFromMatches, useLang } from "./lib/use-i18n"
import { isOfficePath } from "./lib/use-root"

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
]

/** Pages set their own titles; this one serves error pages, which only the root renders. */
export const meta: Route.MetaFunction = ({ error, matches }) => {
  const t = translator(langFromMatches(matches))
  const status = isRouteErrorResponse(error) ? error.status : error ? 500 : 200
  const reason = isRouteErrorResponse(error) ? (error.data as { reason?: unknown } | null)?.reason : undefined
  const heading =
    status === 404
      ? t(notFoundTitle(reason))
      : status === 503
        ? t("error.unavailable.title")
        : status === 409 && reason === "cutoff-passed"
          ? t("error.cutoff.title")
          : t("error.generic.title")
  return [{ title: status === 200 ? t("site.name") : `${heading} · ${t("site.name")}` }]
}

/**
 * Only this reaches the browser from the server: the chosen language and what
 * the shop's header shows (cart count, signed in, unread 消息). Read from the
 * session cookie; the one backend call is the unread count of a signed-in
 * resident (their pages are private anyway; a failure shows no count). Nothing
 * from the server environment. The office portal shows no shop header, so its
 * pages do not read the resident session.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const lang = langFromCookieHeader(request.headers.get("Cookie"))
  if (isOfficePath(new URL(request.url).pathname) || !hasSessionCookie(request))
    return { lang, cartCount: 0, signedIn: false, unread: 0 }
  const session = await getSession(request)
  const token = session.get("token")
  const signedIn = Boolean(token) && !isExpired(token as string)
  const unread = signedIn ? await getNotifyApi().unread(token as string) : 0
  return { lang, cartCount: session.get("cartCount") ?? 0, signedIn, unread }
}

/** Crossing between the shop and the office portal reloads the root data (the office skipped the cart count). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || isOfficePath(currentUrl.pathname) !== isOfficePath(nextUrl.pathname)

/** Error pages keep the caching rules of the Response that was thrown (no-store, Retry-After). */
export const headers: Route.HeadersFunction = ({ errorHeaders }) => {
  const kept = new Headers()
  for (const name of ["Cache-Control", "Retry-After", "Vary"]) {
    const value = errorHeaders?.get(name)
    if (value) kept.set(name, value)
  }
  return kept
}

export function Layout({ children }: { children: ReactNode }) {
  const lang = useLang()
  const nonce = useNonce()
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#047857" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

/** The shop's shell around shop pages; /office pages bring their own (components/office/office-shell.tsx). */
export default function App() {
  const { pathname } = useLocation()
  if (isOfficePath(pathname)) return <Outlet />
  return (
    <SiteShell>
      <Outlet />
    </SiteShell>
  )
}

export function ErrorBoundary() {
  const { pathname } = useLocation()
  const Shell = isOfficePath(pathname) ? PortalFallbackShell : SiteShell
  return (
    <Shell>
      <GeneralErrorBoundary />
    </Shell>
  )
}
