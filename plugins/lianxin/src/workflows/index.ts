export * from "./revenue-share"
export * from "./household"
export * from "./pickup"
export * from "./listing"
