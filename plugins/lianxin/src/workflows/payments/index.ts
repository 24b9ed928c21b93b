export * from "./enable-online-payments"
