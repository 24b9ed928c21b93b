// The plugin's own search code, loaded outside Medusa for bench/search.mjs: the product index definition
// (plugins/lianxin/src/search/products.ts) resolved as the Search Module resolves it, our Meilisearch provider,
// the document builder and the store route's Meilisearch path (`searchMeili`), behind a stand-in for the Search
// Module's `search()` that prepares queries with the module's own helpers (normalizeSearchQuery, disjunctive
// facets). Nothing here is a second implementation: it needs the plugin's build (`npx turbo run build
// --filter=@lianxin/plugin`).
import { createRequire } from "node:module"
import path from "node:path"

const require = createRequire(import.meta.url)

function pluginFile(relative) {
  const root = path.dirname(require.resolve("@lianxin/plugin/package.json"))
  return require(path.join(root, ".medusa", "server", "src", relative))
}

/**
 * Loads the search code against a Meilisearch at `host`. The index definition is declared only when
 * MEILISEARCH_HOST is set (as in the backend), so it is set here before the definition file loads.
 */
export function loadSearchCode({ host, apiKey, prefix }) {
  process.env.MEILISEARCH_HOST = host
  process.env.MEILISEARCH_API_KEY = apiKey
  // defineSearchIndex registers the definition on the global MedusaModule, which this sets up.
  require("@medusajs/framework/modules-sdk")
  const definition = pluginFile("search/products.js").default
  if (!definition?.name) throw new Error("the product index definition did not load (is the plugin built?)")
  const moduleUtils = require("@medusajs/search/dist/utils")
  const resolved = moduleUtils
    .resolveIndexDefinitions({ definitions: [definition], default_provider: "meilisearch", index_prefix: prefix })
    .get(definition.name)
  const { MeilisearchSearchProvider } = pluginFile("providers/meilisearch/service.js")
  const { meiliSettings } = pluginFile("providers/meilisearch/translate.js")
  const { toSearchDocument } = pluginFile("utils/search-document.js")
  const { SEED_BATCH } = pluginFile("search/settings.js")
  const { searchMeili, FACET_FIELDS } = pluginFile("api/store/lianxin/search/search.js")
  const { normalizeQuery } = pluginFile("utils/search-text.js")
  const { StoreSearchProducts } = pluginFile("api/store/lianxin/search/validators.js")
  const provider = new MeilisearchSearchProvider({}, { host, apiKey })

  /** One physical version of the index (`<prefix>_products_v<n>`), as the Search Module names them. */
  const version = (n) => ({ ...resolved, physical_name: `${resolved.physical_name}_v${n}` })

  /**
   * The Search Module's `search()` over one physical index: the same query preparation
   * (searchMany_ in @medusajs/search), then our provider.
   */
  const searchModule = (index, meter = { serverMs: 0, queries: 0 }) => ({
    meter,
    async search(query) {
      const normalized = moduleUtils.normalizeSearchQuery({ query, index })
      moduleUtils.validateFieldUsage({ index, query: normalized })
      const { base, per_facet } = normalized.search_options?.disjunctive_facets
        ? moduleUtils.buildDisjunctiveFacetQueries(normalized)
        : { base: normalized, per_facet: new Map() }
      const fields = [...per_facet.keys()]
      const results = await provider.searchMany([base, ...fields.map((f) => per_facet.get(f))])
      // Every query of the multi-search counts: facet counts with a filter chosen take one query per facet.
      for (const result of results) meter.serverMs += result.metadata?.processing_time_ms ?? 0
      meter.queries += results.length
      const [first, ...rest] = results
      return fields.length
        ? moduleUtils.mergeDisjunctiveFacetResults({
            base: first,
            per_facet: new Map(fields.map((f, i) => [f, rest[i]])),
          })
        : first
    },
  })

  /**
   * What GET /store/lianxin/search does after validation, on the Meilisearch path. `server_ms` is Meilisearch's
   * processingTimeMs summed over every query it took (facet queries, the pinyin retry); `engine_queries` counts them.
   */
  const storeSearch = async (index, params, salesChannelIds) => {
    const input = StoreSearchProducts.parse(params)
    const module = searchModule(index)
    const answer = await searchMeili(module, normalizeQuery(input.q), input, salesChannelIds)
    return { ...answer, server_ms: module.meter.serverMs, engine_queries: module.meter.queries }
  }

  return {
    definition: resolved,
    version,
    provider,
    client: provider.client,
    meiliSettings,
    toSearchDocument,
    seedBatch: SEED_BATCH,
    facetFields: FACET_FIELDS,
    searchModule,
    storeSearch,
  }
}
