export * from "./register-office-household"
export * from "./create-office-listing"
export * from "./review-listing"
export * from "./link-office-households"
