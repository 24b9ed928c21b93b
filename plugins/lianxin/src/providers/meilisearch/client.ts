/**
 * A small Meilisearch REST client on fetch (Node 20). The official `meilisearch`
 * package is ESM-only and the plugin compiles to CommonJS; the dozen calls we
 * make are simpler to own, with a timeout on every request so a hung engine
 * degrades search instead of hanging it.
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

export class MeiliClient {
  readonly host: string
  private readonly apiKey?: string
  private readonly timeoutMs: number
  private readonly searchTimeoutMs: number

  constructor(options: MeiliClientOptions) {
    this.host = options.host.replace(/\/+$/, "")
    this.apiKey = options.apiKey
    this.timeoutMs = options.timeoutMs ?? 10_000
    this.searchTimeoutMs = options.searchTimeoutMs ?? 2_000
  }

  async request<T>(method: string, path: string, body?: unknown, timeoutMs = this.timeoutMs): Promise<T> {
    let response: Response
    try {
      response = await fetch(`${this.host}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          ...(this.apiKey ? { Authorization: `Bearer ${this.apiKey}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw new MeilisearchUnreachableError(
        `Meilisearch at ${this.host} is unreachable (${method} ${path}): ${error instanceof Error ? error.message : error}`,
        { cause: error }
      )
    }
    const text = await response.text()
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : {}
    if (!response.ok) {
      if (response.status >= 500) {
        throw new MeilisearchUnreachableError(`Meilisearch ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`)
      }
      throw new MeilisearchApiError(
        `Meilisearch ${method} ${path} answered ${response.status}: ${String(json.message ?? text).slice(0, 300)}`,
        response.status,
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
