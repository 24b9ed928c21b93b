import { createStaffClient, type StaffFetch } from "./client.server"
import type { OfficeDeps } from "./context.server"
import { createOfficeStorage, officeSessionsFrom } from "./session.server"

/**
 * A fake backend for the office loaders and actions: route handlers by
 * "METHOD /path/:param" answering [status, body] (or a Response), behind the
 * real staff client; anything unrouted answers like Express for a missing
 * route (404 without JSON). Plus the real office cookie carried between requests.
 */
export type FakeCall = {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
  authorization: string | null
  forwardedFor?: string | null
}
export type FakeRoute = (
  params: Record<string, string>,
  call: FakeCall
) => [number, unknown] | Response | Promise<[number, unknown] | Response>

export function fakeOffice(routes: Record<string, FakeRoute>, { now }: { now?: () => Date } = {}) {
  const calls: FakeCall[] = []
  const compiled = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(" ") as [string, string]
    const names: string[] = []
    const regex = new RegExp(
      `^${pattern.replace(/:(\w+)/g, (_, name: string) => {
        names.push(name)
        return "([^/]+)"
      })}$`
    )
    return { method, regex, names, handler }
  })
  const fetch: StaffFetch = async (url, init) => {
    const parsed = new URL(url)
    const method = init.method ?? "GET"
    const headers = new Headers(init.headers)
    const body = typeof init.body === "string" ? JSON.parse(init.body) : init.body
    const call: FakeCall = {
      method,
      path: parsed.pathname,
      query: parsed.searchParams,
      body,
      authorization: headers.get("authorization"),
      forwardedFor: headers.get("x-forwarded-for"),
    }
    calls.push(call)
    for (const route of compiled) {
      const match = route.method === method ? route.regex.exec(parsed.pathname) : null
      if (!match) continue
      const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]))
      const answer = await route.handler(params, call)
      if (answer instanceof Response) return answer
      return Response.json(answer[1], { status: answer[0] })
    }
    return new Response("Not Found", { status: 404, headers: { "content-type": "text/html" } })
  }
  const storage = createOfficeStorage("office-test-secret-office-test-secret", false)
  let cookie = ""
  const sessions = officeSessionsFrom(() => storage)
  const remember = (header: string) => {
    cookie = /Max-Age=0|Expires=Thu, 01 Jan 1970/.test(header) ? "" : header.split(";")[0]!
    return header
  }
  const deps: OfficeDeps = {
    client: createStaffClient({ backendUrl: "http://backend.test", fetch, log: () => {} }),
    sessions: {
      get: sessions.get,
      commit: async (request, session) => remember(await sessions.commit(request, session)),
      destroy: async (request, session) => remember(await sessions.destroy(request, session)),
    },
    now,
  }
  return {
    deps,
    calls,
    get cookie() {
      return cookie
    },
    /** A request as the browser would send it, with the current office cookie. */
    request(path: string, form?: Record<string, string> | FormData) {
      const headers: Record<string, string> = { Cookie: cookie }
      if (!form) return new Request(`http://shop.test${path}`, { headers })
      const body = form instanceof FormData ? form : new URLSearchParams(form)
      return new Request(`http://shop.test${path}`, { method: "POST", headers, body })
    },
    session: () => storage.getSession(cookie),
  }
}

/** A JWT-shaped token whose exp is `seconds` from now (only exp is read). */
export function staffToken(seconds = 3600, name = "staff"): string {
  const payload = Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + seconds, name })).toString(
    "base64url"
  )
  return `eyJhbGciOiJIUzI1NiJ9.${payload}.signature`
}
