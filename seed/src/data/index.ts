export type { Catalog, CategorySeed, Household, ProductSeed, VariantSeed, Village } from "./types"
export { VILLAGES } from "./villages"
export { HOUSEHOLDS } from "./households"
export { CATEGORIES } from "./categories"
export { PRODUCTS } from "./products"
export {
  DEMO_ADMIN,
  DEMO_CATALOG,
  DEMO_HISTORY,
  DEMO_OFFICE_LISTINGS,
  DEMO_PICKUP_NETWORK,
  DEMO_PUBLISHED_PRODUCTS,
  DEMO_STOCK_LOCATION,
} from "./demo"
export { listingHandle, type OfficeListingSeed } from "./listings"
export { E2E_ADMIN, E2E_CATALOG, E2E_STOCK_LOCATION } from "./e2e"
export {
  DEMO_SEARCH_RELEVANCE,
  RELEVANCE_THRESHOLD,
  formatRelevance,
  scoreRelevance,
  type RelevanceCase,
  type RelevanceKind,
  type RelevanceOutcome,
  type RelevanceScore,
} from "./search-relevance"
