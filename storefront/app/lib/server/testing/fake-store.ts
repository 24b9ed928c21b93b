import { createSessionStorage } from "../session.server"
import type { Sessions } from "../http.server"
import type { FetchInit, StoreClient } from "../medusa.server"

/**
 * A store client that answers from route handlers, for loader and action
 * tests: `"POST /store/carts/:id/line-items": (params, init) => …`. Anything
 * not routed answers like Express does for a missing route (404 "Not Found").
 * The catalogue version probe of the public copies (public-cache.server.ts) is such a 404 unless a test routes it,
 * so nothing is kept between a test's calls; an unrouted probe is left out of `calls`, which lists the reads a page
 * makes.
 */
export type Handler = (params: Record<string, string>, init: FetchInit) => unknown | Promise<unknown>

export class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The JSON body of the answer (errorBody reads it). */
    readonly body?: Record<string, unknown>
  ) {
    super(message)
  }
}

const CATALOG_VERSION_PATH = "/store/lianxin/catalog/version"

export function fakeStore(routes: Record<string, Handler>) {
  const calls: Array<{ method: string; path: string; init: FetchInit }> = []
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
  const store: StoreClient = {
    listProducts: async () => [],
    listCategories: async () => [],
    listOrigins: async () => [],
    regionId: async () => "reg_cn",
    async request<T>(_what: string, path: string, init: FetchInit = {}): Promise<T> {
      const method = init.method ?? "GET"
      const routed = compiled.some((route) => route.method === method && route.regex.test(path))
      if (routed || path !== CATALOG_VERSION_PATH) calls.push({ method, path, init })
      for (const route of compiled) {
        const match = route.method === method ? route.regex.exec(path) : null
        if (!match) continue
        const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]))
        return (await route.handler(params, init)) as T
      }
      throw new FakeHttpError(404, "Not Found")
    },
  }
  return { store, calls }
}

/** Real signed cookie sessions with a test secret, carried between requests like a browser would. */
export function testSessions() {
  const storage = createSessionStorage("test-secret-test-secret-test-secret", false)
  let cookie = ""
  const sessions: Sessions = {
    get: (request) => storage.getSession(request.headers.get("Cookie")),
    async commit(_request, session) {
      const header = await storage.commitSession(session)
      cookie = header.split(";")[0]!
      return header
    },
  }
  return {
    sessions,
    /** A request as the browser would send it, with the current cookie. */
    request(path: string, form?: Record<string, string>) {
      const headers: Record<string, string> = { Cookie: cookie }
      if (!form) return new Request(`http://shop.test${path}`, { headers })
      return new Request(`http://shop.test${path}`, { method: "POST", headers, body: new URLSearchParams(form) })
    },
    async session() {
      return storage.getSession(cookie)
    },
  }
}

/** The Response a loader or action threw (redirects, 404s). */
export async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error("expected a thrown Response")
}

/** What a data() result carries. */
export function payload<T>(result: unknown): T {
  return (result as { data: T }).data
}
export function initOf(result: unknown): ResponseInit {
  return (result as { init: ResponseInit }).init
}

/** A JWT-shaped token that expires in an hour (only its exp is read by the storefront). */
export function testToken(name = "jwt"): string {
  const payload = Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600, name })).toString("base64url")
  return `eyJhbGciOiJIUzI1NiJ9.${payload}.signature`
}

type TestBrowser = ReturnType<typeof testSessions>

/** Puts values in the browser's session cookie, as earlier requests would have (an order placed here, a token). */
export async function remember(browser: TestBrowser, values: Record<string, unknown>) {
  const session = await browser.session()
  for (const [k, v] of Object.entries(values)) session.set(k as never, v as never)
  await browser.sessions.commit(browser.request("/"), session)
}

/** A browser with a cart (cart_1) in its session, and any further session values. */
export function withCart(browser: TestBrowser, values: Record<string, unknown> = {}) {
  return remember(browser, { cartId: "cart_1", cartCount: 1, ...values })
}

/** The request with the compound cookie of a resident who chose their compound (default ppt_1). */
export function withCompound(request: Request, id = "ppt_1"): Request {
  const headers = new Headers(request.headers)
  headers.set("Cookie", [request.headers.get("Cookie"), `lx_compound=${id}`].filter(Boolean).join("; "))
  return new Request(request.url, {
    method: request.method,
    headers,
    body: request.method === "POST" ? request.body : undefined,
    duplex: "half",
  } as RequestInit)
}
