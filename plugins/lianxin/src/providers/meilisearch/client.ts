import http from "node:http"
import https from "node:https"

/**
 * A small Meilisearch REST client on node:http (Node 20). The official
 * `meilisearch` package is ESM-only and the plugin compiles to CommonJS; the
 * dozen calls we make are simpler to own, with a timeout on every request so a
 * hung engine degrades search instead of hanging it. Not on fetch: Node 20's
 * fetch (undici 6) sends a POST's headers and body in separate writes, and
 * Meilisearch then answers most searches ~40 ms late (delayed ACK), for a
 * search it processed in 1 ms (bench/search.mjs measured it); node:http sends
 * them in one write, over kept-alive connections.
 */

export type MeiliTask = {
  taskUid: number
  indexUid: string | null
  status: "enqueued" | "processing" | "succeeded" | "failed" | "canceled"
  type?: string
  error?: { message: string; code: string } | null
}

/** Meilisearch did not answer (down, refused, timed out): callers fall back or retry later. */
export class MeilisearchUnreachableError extends Error {
  readonly cause?: unknown
  constructor(message: string, options?: { cause?: unknown }) {
    super(message)
    this.name = "MeilisearchUnreachableError"
    this.cause = options?.cause
  }
}

/** Meilisearch answered with an error (bad filter, missing index …). */
export class MeilisearchApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined
  ) {
    super(message)
    this.name = "MeilisearchApiError"
  }
}

export type MeiliClientOptions = {
  host: string
  apiKey?: string
  /** Per request; searches use `searchTimeoutMs`. */
  timeoutMs?: number
  searchTimeoutMs?: number
}

/** Kept-alive connections, shared by every client of the process (per protocol). */
const AGENTS = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 32 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 32 }),
}

export class MeiliClient {
  readonly host: string
  private readonly url: URL
  private readonly apiKey?: string
  private readonly timeoutMs: number
  private readonly searchTimeoutMs: number

  constructor(options: MeiliClientOptions) {
    this.host = options.host.replace(/\/+$/, "")
    this.url = new URL(this.host)
    if (this.url.protocol !== "http:" && this.url.protocol !== "https:") {
      throw new Error(`Meilisearch host must be http(s)://…, got ${options.host}`)
    }
    this.apiKey = options.apiKey
    this.timeoutMs = options.timeoutMs ?? 10_000
    this.searchTimeoutMs = options.searchTimeoutMs ?? 2_000
  }

  /**
   * One round trip: status and body text; rejects on a network failure or after `timeoutMs`. A kept-alive
   * connection the server closed just as we reused it fails with ECONNRESET: such a request is sent once more.
   */
  private async send(method: string, path: string, body: string | undefined, timeoutMs: number) {
    try {
      return await this.sendOnce(method, path, body, timeoutMs)
    } catch (error) {
      const reused = (error as { reusedSocket?: boolean }).reusedSocket
      const code = (error as { code?: string }).code
      if (reused && (code === "ECONNRESET" || code === "EPIPE")) return this.sendOnce(method, path, body, timeoutMs)
      throw error
    }
  }

  private sendOnce(method: string, path: string, body: string | undefined, timeoutMs: number) {
    const basePath = this.url.pathname.replace(/\/+$/, "")
    const protocol = this.url.protocol as "http:" | "https:"
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(body)
      const request = (protocol === "https:" ? https : http).request(
        {
          protocol,
          hostname: this.url.hostname,
          port: this.url.port || undefined,
          path: `${basePath}${path}`,
          method,
          agent: AGENTS[protocol],
          headers: {
            ...(payload ? { "Content-Type": "application/json", "Content-Length": payload.length } : {}),
            ...(this.apiKey ? { Authorization: `Bearer ${this.apiKey}` } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = []
          response.on("data", (chunk: Buffer) => chunks.push(chunk))
          response.on("end", () => {
            clearTimeout(timer)
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") })
          })
          response.on("error", (error) => {
            clearTimeout(timer)
            reject(error)
          })
        }
      )
      const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
      request.on("error", (error) => {
        clearTimeout(timer)
        reject(Object.assign(error, { reusedSocket: request.reusedSocket }))
      })
      request.end(payload)
    })
  }

  async request<T>(method: string, path: string, body?: unknown, timeoutMs = this.timeoutMs): Promise<T> {
    let response: { status: number; text: string }
    try {
      response = await this.send(method, path, body === undefined ? undefined : JSON.stringify(body), timeoutMs)
    } catch (error) {
      throw new MeilisearchUnreachableError(
        `Meilisearch at ${this.host} is unreachable (${method} ${path}): ${error instanceof Error ? error.message : error}`,
        { cause: error }
      )
    }
    const { status, text } = response
    if (status >= 500 || status === 0) {
      throw new MeilisearchUnreachableError(`Meilisearch ${method} ${path} answered ${status}: ${text.slice(0, 300)}`)
    }
    let json: Record<string, unknown>
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {}
    } catch {
      throw new MeilisearchUnreachableError(
        `Meilisearch ${method} ${path} answered ${status} with no JSON: ${text.slice(0, 300)}`
      )
    }
    if (status < 200 || status >= 300) {
      throw new MeilisearchApiError(
        `Meilisearch ${method} ${path} answered ${status}: ${String(json.message ?? text).slice(0, 300)}`,
        status,
        typeof json.code === "string" ? json.code : undefined
      )
    }
    return json as T
  }

  health(timeoutMs = 1_000) {
    return this.request<{ status: string }>("GET", "/health", undefined, timeoutMs)
  }

  getTask(uid: number) {
    return this.request<MeiliTask>("GET", `/tasks/${uid}`)
  }

  /** Polls a task until it is done; fails on a failed or canceled task. */
  async waitForTask(uid: number, timeoutMs = 60_000): Promise<MeiliTask> {
    const deadline = Date.now() + timeoutMs
    let delay = 10
    for (;;) {
      const task = await this.getTask(uid)
      if (task.status === "succeeded") return task
      if (task.status === "failed" || task.status === "canceled") {
        throw new MeilisearchApiError(
          `Meilisearch task ${uid} (${task.type}) ${task.status}: ${task.error?.message ?? "no reason given"}`,
          400,
          task.error?.code
        )
      }
      if (Date.now() > deadline) {
        throw new MeilisearchUnreachableError(`Meilisearch task ${uid} still ${task.status} after ${timeoutMs} ms`)
      }
      await new Promise((resolve) => setTimeout(resolve, delay))
      delay = Math.min(delay * 2, 250)
    }
  }

  createIndex(uid: string, primaryKey: string) {
    return this.request<MeiliTask>("POST", "/indexes", { uid, primaryKey })
  }

  deleteIndex(uid: string) {
    return this.request<MeiliTask>("DELETE", `/indexes/${encodeURIComponent(uid)}`)
  }

  updateSettings(uid: string, settings: Record<string, unknown>) {
    return this.request<MeiliTask>("PATCH", `/indexes/${encodeURIComponent(uid)}/settings`, settings)
  }

  getSettings(uid: string) {
    return this.request<Record<string, unknown>>("GET", `/indexes/${encodeURIComponent(uid)}/settings`)
  }

  listIndexes() {
    return this.request<{ results: { uid: string; createdAt: string; updatedAt: string }[] }>(
      "GET",
      "/indexes?limit=1000"
    )
  }

  stats() {
    return this.request<{ indexes: Record<string, { numberOfDocuments: number }> }>("GET", "/stats")
  }

  addDocuments(uid: string, documents: unknown[], primaryKey: string) {
    return this.request<MeiliTask>(
      "POST",
      `/indexes/${encodeURIComponent(uid)}/documents?primaryKey=${encodeURIComponent(primaryKey)}`,
      documents
    )
  }

  deleteDocumentsByIds(uid: string, ids: string[]) {
    return this.request<MeiliTask>("POST", `/indexes/${encodeURIComponent(uid)}/documents/delete-batch`, ids)
  }

  deleteDocumentsByFilter(uid: string, filter: string) {
    return this.request<MeiliTask>("POST", `/indexes/${encodeURIComponent(uid)}/documents/delete`, { filter })
  }

  deleteAllDocuments(uid: string) {
    return this.request<MeiliTask>("DELETE", `/indexes/${encodeURIComponent(uid)}/documents`)
  }

  getDocuments<T>(uid: string, body: { offset?: number; limit?: number; fields?: string[]; filter?: string }) {
    return this.request<{ results: T[]; total: number }>(
      "POST",
      `/indexes/${encodeURIComponent(uid)}/documents/fetch`,
      body
    )
  }

  multiSearch<T = Record<string, unknown>>(queries: Record<string, unknown>[]) {
    return this.request<{ results: MeiliSearchResponse<T>[] }>(
      "POST",
      "/multi-search",
      { queries },
      this.searchTimeoutMs
    )
  }
}

export type MeiliSearchResponse<T = Record<string, unknown>> = {
  indexUid?: string
  hits: (T & { _formatted?: Record<string, unknown>; _rankingScore?: number })[]
  query: string
  processingTimeMs: number
  limit?: number
  offset?: number
  estimatedTotalHits?: number
  totalHits?: number
  facetDistribution?: Record<string, Record<string, number>>
  facetStats?: Record<string, { min: number; max: number }>
}
