export * from "./enqueue-search-sync"
export * from "./drain-search-outbox"
export * from "./reindex-products"
