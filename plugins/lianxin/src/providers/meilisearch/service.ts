import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { AbstractSearchProviderService, MedusaError } from "@medusajs/framework/utils"
import { MeiliClient, MeilisearchApiError } from "./client"
import { compileFilter, fromMeiliResult, meiliSettings, toMeiliQuery } from "./translate"

export type MeilisearchProviderOptions = {
  host: string
  apiKey?: string
  /** Per search request; past it the store route answers from PostgreSQL. Default 2000 ms. */
  searchTimeoutMs?: number
}

type InjectedDependencies = { logger?: Logger }

/**
 * Our thin Meilisearch provider for Medusa's Search Module (decision 012).
 * Writes return Meilisearch's task; `waitForTask` lets the module (and our
 * outbox) acknowledge a change only once Meilisearch has applied it.
 */
export class MeilisearchSearchProvider extends AbstractSearchProviderService {
  static identifier = "meilisearch"

  readonly client: MeiliClient
  protected readonly logger_?: Logger

  constructor(container: InjectedDependencies, options: MeilisearchProviderOptions) {
    super()
    if (!options?.host) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The meilisearch search provider needs options.host")
    }
    this.logger_ = container.logger
    this.client = new MeiliClient({
      host: options.host,
      apiKey: options.apiKey,
      searchTimeoutMs: options.searchTimeoutMs,
    })
  }

  private task(task: { taskUid: number }, index: string): SearchTypes.SearchTask {
    return { id: String(task.taskUid), index, status: "enqueued" }
  }

  async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }): Promise<SearchTypes.SearchTask> {
    const settings = meiliSettings(index)
    try {
      await this.client.waitForTask((await this.client.createIndex(index.physical_name, index.primary_key)).taskUid)
    } catch (error) {
      if (!(error instanceof MeilisearchApiError && error.code === "index_already_exists")) throw error
    }
    const task = await this.client.updateSettings(index.physical_name, settings)
    return this.task(task, index.physical_name)
  }

  async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    try {
      return this.task(await this.client.deleteIndex(index), index)
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.code === "index_not_found") {
        return { index, status: "succeeded" }
      }
      throw error
    }
  }

  async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    const [{ results }, stats] = await Promise.all([this.client.listIndexes(), this.client.stats()])
    return results.map((index) => ({
      name: index.uid,
      provider: MeilisearchSearchProvider.identifier,
      document_count: stats.indexes[index.uid]?.numberOfDocuments ?? 0,
      created_at: new Date(index.createdAt),
      updated_at: new Date(index.updatedAt),
    }))
  }

  async upsertDocuments({
    index,
    definition,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    if (!documents.length) return { index, status: "succeeded" }
    return this.task(await this.client.addDocuments(index, documents, definition.primary_key), index)
  }

  async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const keys = Object.keys(filters)
    const ids = filters.id
    if (keys.length === 1 && Array.isArray(ids) && ids.every((id) => typeof id === "string")) {
      if (!ids.length) return { index, status: "succeeded" }
      return this.task(await this.client.deleteDocumentsByIds(index, ids as string[]), index)
    }
    const filter = compileFilter(filters)
    if (!filter) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Deleting documents needs filters")
    }
    return this.task(await this.client.deleteDocumentsByFilter(index, filter), index)
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    return this.task(await this.client.deleteAllDocuments(index), index)
  }

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const [result] = await this.searchMany([input])
    return result
  }

  async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    if (!inputs.length) return []
    const { results } = await this.client.multiSearch(inputs.map(toMeiliQuery))
    return results.map((result, i) => fromMeiliResult(result, inputs[i]))
  }

  async waitForTask(task: SearchTypes.SearchTask, options?: { timeout_ms?: number }): Promise<SearchTypes.SearchTask> {
    if (!task.id) return task
    try {
      await this.client.waitForTask(Number(task.id), options?.timeout_ms ?? 120_000)
      return { ...task, status: "succeeded" }
    } catch (error) {
      if (error instanceof MeilisearchApiError) {
        return { ...task, status: "failed", error: { message: error.message, code: error.code } }
      }
      throw error
    }
  }
}

export default MeilisearchSearchProvider
