export * from "./deliver-notifications"
export * from "./notify-event"
export * from "./send-one-time-code"
export * from "./inbox"
