import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: {
    // Spec files import the runner from @medusajs/test-utils, as Medusa's docs
    // show; ours clones the run's migrated template instead of migrating per
    // file (integration-tests/README.md). Every other export is test-utils' own.
    alias: [
      {
        find: /^@medusajs\/test-utils$/,
        replacement: fileURLToPath(new URL("./integration-tests/support/runner.ts", import.meta.url)),
      },
    ],
  },
  test: {
    globals: true,
    pool: "forks",
    fileParallelism: false,
    // A guard against hangs, not a performance check (bench/ measures speed; npm test prints times per task).
    testTimeout: 120_000,
    hookTimeout: 180_000,
    include: ["src/**/*.test.ts", "integration-tests/**/*.spec.ts"],
    globalSetup: ["./integration-tests/global-setup.ts"],
    setupFiles: ["./integration-tests/setup.ts"],
  },
})
