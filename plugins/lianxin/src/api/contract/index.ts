/** The HTTP contract between the plugin's routes and the storefront (decision 021): types, and the one order field list. */
export type * from "./common"
export type * from "./office"
export type * from "./pickup-staff"
export * from "./store"
