export * from "./request-one-time-code"
export * from "./sign-in-with-phone"
export * from "./claim-orders-by-contact"
export * from "./attach-guest-customer"
