import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { MeiliSearchResponse } from "./client"

/**
 * Pure translation between the Search Module's vocabulary (definitions,
 * filters, queries, results) and Meilisearch's. Unit-tested without a server.
 */

type Fields = Record<string, SearchTypes.SearchFieldDefinition>

function flatten(fields: Fields, prefix = ""): [string, SearchTypes.SearchFieldDefinition][] {
  return Object.entries(fields).flatMap(([name, field]) => {
    const path = prefix ? `${prefix}.${name}` : name
    return field.type === "object" && field.fields ? flatten(field.fields, path) : [[path, field] as const]
  })
}

function weight(field: SearchTypes.SearchFieldDefinition): number {
  return typeof field.searchable === "object" ? (field.searchable.weight ?? 1) : 1
}

/**
 * Index settings of a definition: searchable attributes ordered by weight
 * (Meilisearch ranks by attribute order), filterable = filterable or facetable,
 * sortable, displayed = retrievable, then the definition's
 * `provider_options.meilisearch` (synonyms, localizedAttributes, ranking rules …)
 * on top.
 */
export function meiliSettings(definition: SearchTypes.ResolvedSearchIndexDefinition): Record<string, unknown> {
  const fields = flatten(definition.fields)
  const unsupported = fields.filter(([, f]) => f.type === "vector" || f.type === "geo")
  if (unsupported.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `The meilisearch provider does not hold ${unsupported.map(([p, f]) => `${p} (${f.type})`).join(", ")}`
    )
  }
  const searchable = fields
    .filter(([, f]) => f.searchable)
    .map(([path, f], order) => ({ path, weight: weight(f), order }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((f) => f.path)
  const typo = definition.settings.typo_tolerance
  return {
    searchableAttributes: searchable.length ? searchable : ["*"],
    filterableAttributes: fields.filter(([, f]) => f.filterable || f.facetable).map(([p]) => p),
    sortableAttributes: fields.filter(([, f]) => f.sortable).map(([p]) => p),
    displayedAttributes: [
      definition.primary_key,
      ...fields.filter(([, f]) => f.retrievable !== false).map(([p]) => p),
    ].filter((p, i, all) => all.indexOf(p) === i),
    ...(definition.settings.distinct_attribute ? { distinctAttribute: definition.settings.distinct_attribute } : {}),
    ...(typo
      ? {
          typoTolerance: {
            enabled: typo.enabled ?? true,
            ...(typo.min_word_size_for_one_typo || typo.min_word_size_for_two_typos
              ? {
                  minWordSizeForTypos: {
                    ...(typo.min_word_size_for_one_typo ? { oneTypo: typo.min_word_size_for_one_typo } : {}),
                    ...(typo.min_word_size_for_two_typos ? { twoTypos: typo.min_word_size_for_two_typos } : {}),
                  },
                }
              : {}),
            ...(typo.disabled_on_attributes ? { disableOnAttributes: typo.disabled_on_attributes } : {}),
          },
        }
      : {}),
    ...(definition.settings.provider_options?.meilisearch ?? {}),
  }
}

type FilterValue = SearchTypes.SearchFilterValue

function literal(value: FilterValue): string {
  if (value === null) throw invalid("null is only allowed as a whole value (IS NULL)")
  if (value instanceof Date) return String(value.getTime())
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalid(`not a finite number: ${value}`)
    return String(value)
  }
  if (typeof value === "boolean") return value ? "true" : "false"
  return `"${String(value).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`
}

function attribute(path: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(path)) throw invalid(`unsafe field name "${path}"`)
  return path
}

function invalid(message: string) {
  return new MedusaError(MedusaError.Types.INVALID_DATA, `Search filter: ${message}`)
}

function list(values: FilterValue[]): string {
  return `[${values.map(literal).join(", ")}]`
}

function operator(path: string, op: string, value: unknown): string {
  const a = attribute(path)
  switch (op) {
    case "$eq":
      return value === null ? `${a} IS NULL` : `${a} = ${literal(value as FilterValue)}`
    case "$ne":
      return value === null ? `${a} IS NOT NULL` : `${a} != ${literal(value as FilterValue)}`
    case "$in":
    case "$overlaps":
      return (value as FilterValue[]).length ? `${a} IN ${list(value as FilterValue[])}` : "false"
    case "$nin":
      return (value as FilterValue[]).length ? `${a} NOT IN ${list(value as FilterValue[])}` : "true"
    case "$lt":
      return `${a} < ${literal(value as FilterValue)}`
    case "$lte":
      return `${a} <= ${literal(value as FilterValue)}`
    case "$gt":
      return `${a} > ${literal(value as FilterValue)}`
    case "$gte":
      return `${a} >= ${literal(value as FilterValue)}`
    case "$exists":
      return value ? `${a} EXISTS` : `${a} NOT EXISTS`
    case "$contains": {
      const values = Array.isArray(value) ? value : [value]
      return values.map((v) => `${a} = ${literal(v as FilterValue)}`).join(" AND ")
    }
    default:
      throw invalid(`operator ${op} is not supported by Meilisearch`)
  }
}

/** Search Module filters (minus `q`) as a Meilisearch filter expression; undefined when empty. */
export function compileFilter(filters: SearchTypes.SearchFilters | undefined): string | undefined {
  if (!filters) return undefined
  const parts: string[] = []
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || key === "q") continue
    if (key === "$and" || key === "$or") {
      const branches = (value as SearchTypes.SearchFilters[]).map(compileFilter).filter((b): b is string => !!b)
      if (branches.length) parts.push(`(${branches.map((b) => `(${b})`).join(key === "$and" ? " AND " : " OR ")})`)
      continue
    }
    if (key === "$not") {
      const inner = compileFilter(value as SearchTypes.SearchFilters)
      if (inner) parts.push(`NOT (${inner})`)
      continue
    }
    if (value === null) {
      parts.push(`${attribute(key)} IS NULL`)
    } else if (Array.isArray(value)) {
      parts.push(operator(key, "$in", value))
    } else if (typeof value === "object" && !(value instanceof Date)) {
      for (const [op, operand] of Object.entries(value)) {
        if (operand !== undefined) parts.push(operator(key, op, operand))
      }
    } else {
      parts.push(operator(key, "$eq", value))
    }
  }
  return parts.length ? parts.join(" AND ") : undefined
}

/** One multi-search query for a provider query. */
export function toMeiliQuery(input: SearchTypes.ProviderSearchQuery): Record<string, unknown> {
  const options = input.search_options ?? {}
  const take = Math.max(0, input.pagination?.take ?? 20)
  const skip = Math.max(0, input.pagination?.skip ?? 0)
  const facets = (options.facets ?? []).map((facet) => {
    if (typeof facet === "string") return facet
    if ((facet.type ?? "value") !== "value") {
      throw invalid(`${facet.type} facets are not supported by Meilisearch; facet on a value field instead`)
    }
    return facet.field
  })
  const highlight = options.highlight
  const highlightOptions =
    highlight === true
      ? { attributesToHighlight: ["*"] }
      : highlight
        ? {
            attributesToHighlight: highlight.fields,
            ...(highlight.pre_tag ? { highlightPreTag: highlight.pre_tag } : {}),
            ...(highlight.post_tag ? { highlightPostTag: highlight.post_tag } : {}),
            ...(typeof highlight.snippet === "object"
              ? { attributesToCrop: highlight.fields, cropLength: highlight.snippet.length }
              : {}),
          }
        : {}
  const sort = Object.entries(input.pagination?.order ?? {}).map(
    ([field, direction]) => `${attribute(field)}:${direction.toLowerCase()}`
  )
  const exactPage = take > 0 && skip % take === 0 && options.count !== "estimated"
  return {
    indexUid: input.index.physical_name,
    q: input.q ?? "",
    ...(exactPage ? { hitsPerPage: take, page: skip / take + 1 } : { limit: take, offset: skip }),
    ...(input.attributes_to_retrieve?.length ? { attributesToRetrieve: input.attributes_to_retrieve } : {}),
    ...(compileFilter(input.filters) ? { filter: compileFilter(input.filters) } : {}),
    ...(facets.length ? { facets } : {}),
    ...(sort.length ? { sort } : {}),
    ...(options.match_strategy ? { matchingStrategy: options.match_strategy } : {}),
    ...(options.attributes_to_search_on ? { attributesToSearchOn: options.attributes_to_search_on } : {}),
    ...(options.locales ? { locales: options.locales } : {}),
    ...(options.include_score ? { showRankingScore: true } : {}),
    ...(options.min_score ? { rankingScoreThreshold: options.min_score } : {}),
    ...(options.distinct ? { distinct: options.distinct } : {}),
    ...highlightOptions,
    ...(options.provider_options?.meilisearch ?? {}),
  }
}

function highlights(formatted: Record<string, unknown> | undefined, fields: string[] | undefined) {
  if (!formatted) return undefined
  const out: Record<string, string[]> = {}
  for (const [field, value] of Object.entries(formatted)) {
    if (fields && !fields.includes(field)) continue
    if (typeof value === "string") out[field] = [value]
    else if (Array.isArray(value)) out[field] = value.filter((v): v is string => typeof v === "string")
  }
  return out
}

export function fromMeiliResult(
  response: MeiliSearchResponse,
  input: SearchTypes.ProviderSearchQuery
): SearchTypes.SearchResult {
  const primaryKey = input.index.primary_key
  const highlight = input.search_options?.highlight
  const highlightFields = typeof highlight === "object" ? highlight.fields : undefined
  const take = input.pagination?.take ?? 20
  const skip = input.pagination?.skip ?? 0
  return {
    hits: response.hits.map((hit) => {
      const { _formatted, _rankingScore, ...document } = hit
      return {
        id: String(document[primaryKey]),
        document,
        ...(typeof _rankingScore === "number" ? { score: _rankingScore } : {}),
        ...(highlight ? { highlights: highlights(_formatted, highlightFields) } : {}),
      }
    }),
    ...(response.facetDistribution
      ? {
          facets: Object.fromEntries(
            Object.entries(response.facetDistribution).map(([field, counts]) => [
              field,
              {
                type: "value" as const,
                values: Object.entries(counts)
                  .map(([value, count]) => ({ value, count }))
                  .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
              },
            ])
          ),
        }
      : {}),
    metadata: {
      skip,
      take,
      count: response.totalHits ?? response.estimatedTotalHits ?? null,
      query: response.query,
      processing_time_ms: response.processingTimeMs,
    },
  }
}
