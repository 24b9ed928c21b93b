import { getEnv } from "../env.server"
import { StoreUnavailableError } from "../medusa.server"

/**
 * The office portal's door to the plugin's staff routes (/pickup-staff/*) and
 * the pickup_staff login. Plain fetch rather than the js-sdk: the portal needs
 * the whole error body (a lockout's locked_until), CSV passthrough and
 * multipart uploads, and it never sends the publishable key or a resident token.
 */
export type StaffFetch = (url: string, init: RequestInit) => Promise<Response>

export class StaffHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    what: string
  ) {
    super(`${what}: backend answered ${status}${typeof body.message === "string" ? ` (${body.message})` : ""}`)
    this.name = "StaffHttpError"
  }
}

export type StaffRequest = {
  method?: "GET" | "POST"
  token?: string
  query?: Record<string, string | number | undefined>
  body?: unknown
  /** Extra request headers (the client's address on sign-in). */
  headers?: Record<string, string>
}

export type StaffClient = {
  json<T>(what: string, path: string, init?: StaffRequest): Promise<T>
  /** The backend's answer as is (CSV downloads); a failure status throws StaffHttpError. */
  raw(what: string, path: string, init?: StaffRequest): Promise<Response>
  /** multipart/form-data (file uploads). */
  upload<T>(what: string, path: string, token: string, form: FormData): Promise<T>
}

export function createStaffClient({
  backendUrl,
  fetch = globalThis.fetch,
  timeoutMs = 15_000,
  log = (message: string) => console.error(`[office] ${message}`),
}: {
  backendUrl: string
  fetch?: StaffFetch
  timeoutMs?: number
  log?: (message: string) => void
}): StaffClient {
  async function send(what: string, path: string, init: StaffRequest & { form?: FormData }): Promise<Response> {
    const url = new URL(path, `${backendUrl}/`)
    for (const [key, value] of Object.entries(init.query ?? {}))
      if (value !== undefined && value !== "") url.searchParams.set(key, String(value))
    const headers: Record<string, string> = { accept: "application/json", ...init.headers }
    if (init.token) headers.authorization = `Bearer ${init.token}`
    let body: BodyInit | undefined
    if (init.form) body = init.form
    else if (init.body !== undefined) {
      headers["content-type"] = "application/json"
      body = JSON.stringify(init.body)
    }
    let res: Response
    try {
      res = await fetch(url.toString(), {
        method: init.method ?? (body ? "POST" : "GET"),
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      log(
        `backend at ${backendUrl} did not answer while ${what}: ${error instanceof Error ? error.message : String(error)}`
      )
      throw new StoreUnavailableError("backend-unreachable", `cannot reach ${backendUrl}`, { cause: error })
    }
    if (res.status >= 500) {
      log(`backend answered ${res.status} while ${what}`)
      throw new StoreUnavailableError("backend-error", `backend answered ${res.status}`)
    }
    if (!res.ok) {
      const text = await res.text()
      let parsed: Record<string, unknown> = {}
      try {
        const value: unknown = JSON.parse(text)
        if (value && typeof value === "object") parsed = value as Record<string, unknown>
      } catch {
        // Express's HTML 404 page: no JSON body.
      }
      throw new StaffHttpError(res.status, parsed, what)
    }
    return res
  }

  return {
    async json<T>(what: string, path: string, init: StaffRequest = {}) {
      const res = await send(what, path, init)
      return (await res.json()) as T
    },
    raw: (what, path, init = {}) => send(what, path, init),
    async upload<T>(what: string, path: string, token: string, form: FormData) {
      const res = await send(what, path, { method: "POST", token, form })
      return (await res.json()) as T
    },
  }
}

let shared: StaffClient | undefined
export function getStaffClient(): StaffClient {
  shared ??= createStaffClient({ backendUrl: getEnv().backendUrl })
  return shared
}
