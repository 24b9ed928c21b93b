export { default as Listing } from "./listing"
export { default as HarvestBatch } from "./harvest-batch"
export { default as HarvestAllocation } from "./harvest-allocation"
export { default as OfficeRegistration } from "./office-registration"
