import { defineConfig } from "@playwright/test"
import base from "./playwright.config"

/**
 * Issue 17: the scale-out topology (scripts/cluster/cluster.mjs) under faults. No browser: the tests speak HTTP
 * to the proxies and read the database. The cluster is started by the spec itself (it kills and restarts parts).
 */
export default defineConfig({
  ...base,
  testDir: "./cluster",
  outputDir: "./test-results/cluster-artifacts",
  globalSetup: undefined,
  timeout: 400_000,
  reporter: [["list"], ["html", { outputFolder: "./test-results/cluster-report", open: "never" }]],
})
