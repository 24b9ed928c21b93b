export * from "./rotate-keys"
