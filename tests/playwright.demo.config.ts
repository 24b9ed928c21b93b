import { defineConfig } from "@playwright/test"
import base from "./playwright.config"

/**
 * The journeys of demo/ against the `demo` scenario that `npm start` seeds, at
 * the real current time: what a newcomer sees at whatever hour they try it
 * (issue 10). Its own stack (own database), started after the e2e journeys.
 */
export default defineConfig({
  ...base,
  testDir: "./demo",
  outputDir: "./test-results/demo-artifacts",
  globalSetup: "./demo/global-setup.ts",
  reporter: [["list"], ["html", { outputFolder: "./test-results/demo-report", open: "never" }]],
})
