export * from "./claim-job-run"
export * from "./finish-job-run"
