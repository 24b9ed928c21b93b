export * from "./send-one-time-code"
