export * from "./revenue-share"
export * from "./household"
