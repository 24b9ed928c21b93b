export * from "./enable-online-payments"
export * from "./reconcile-online-payments"
