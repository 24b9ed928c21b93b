import { defineConfig, devices } from "@playwright/test"

/**
 * Journeys in Debian's Chromium (/usr/bin/chromium): Playwright's own browser
 * downloads cannot work here. The global setup starts backend and storefront
 * on a database of their own with the e2e scenario.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/artifacts",
  globalSetup: "./e2e/global-setup.ts",
  // A guard against hangs, not a performance check (bench/ measures speed): on a shared 2-core machine a journey
  // with several checkouts can take a minute and more.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"], ["html", { outputFolder: "./test-results/report", open: "never" }]],
  use: {
    ...devices["Pixel 7"],
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "phone-chromium" }],
})
