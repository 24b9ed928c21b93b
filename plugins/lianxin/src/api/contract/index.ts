/** The HTTP contract between the plugin's routes and the storefront (decision 018). Types only. */
export type * from "./common"
export type * from "./office"
export type * from "./pickup-staff"
export * from "./store"
