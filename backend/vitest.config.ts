import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

/**
 * Integration files that change the app's environment before it boots (Stripe keys, Meilisearch, Redis, SMTP,
 * quiet hours): each boots an app of its own in a process of its own. Every other integration file runs in the
 * `shared-app` project, whose files share one process and one booted app (integration-tests/README.md); the runner
 * refuses a file there whose environment differs from the one the app booted with.
 */
const OWN_APP = [
  "integration-tests/http/identity.spec.ts",
  "integration-tests/http/notifications.spec.ts",
  "integration-tests/http/notifications-otp.spec.ts",
  "integration-tests/http/notifications-payments.spec.ts",
  "integration-tests/http/notifications-quiet-hours.spec.ts",
  "integration-tests/http/payments.spec.ts",
  // Its own Stripe test server, like payments.spec.ts (decision 024: the online-paid edit).
  "integration-tests/http/order-edit.spec.ts",
  "integration-tests/http/redis.spec.ts",
  "integration-tests/http/search.spec.ts",
  "integration-tests/http/search-upkeep.spec.ts",
  // Its own Meilisearch, like search.spec.ts.
  "integration-tests/http/catalog.spec.ts",
  // Swaps the modules' keyrings in place (a rotation is a restart with new keys): an app of its own.
  "integration-tests/http/security-key-rotation.spec.ts",
  // Module-level tests (moduleIntegrationTestRunner): no app, the module alone on a database of its own.
  "integration-tests/modules/*.spec.ts",
]

// Spec files import the runner from @medusajs/test-utils, as Medusa's docs show; ours clones the run's templates
// instead of migrating per file (integration-tests/README.md). Every other export is test-utils' own.
const resolve = {
  alias: [
    {
      find: /^@medusajs\/test-utils$/,
      replacement: fileURLToPath(new URL("./integration-tests/support/runner.ts", import.meta.url)),
    },
  ],
}

const common = {
  globals: true,
  pool: "forks" as const,
  fileParallelism: false,
  // A guard against hangs, not a performance check (bench/ measures speed; npm test prints times per task).
  testTimeout: 120_000,
  hookTimeout: 180_000,
  setupFiles: ["./integration-tests/setup.ts"],
}

// The projects do not extend this root config: they would each run its globalSetup again (vitest runs the root's
// once for the whole run, and every project's that has one). Projects run one after the other (groupOrder).
export default defineConfig({
  resolve,
  test: {
    ...common,
    globalSetup: ["./integration-tests/global-setup.ts"],
    projects: [
      { resolve, test: { ...common, name: "unit", include: ["src/**/*.test.ts"], sequence: { groupOrder: 0 } } },
      {
        resolve,
        test: {
          ...common,
          name: "shared-app",
          include: ["integration-tests/**/*.spec.ts"],
          exclude: OWN_APP,
          // One worker process for all these files, modules evaluated once: the app the first file boots serves the rest.
          isolate: false,
          env: { LIANXIN_TEST_SHARED_APP: "1" },
          sequence: { groupOrder: 1 },
        },
      },
      { resolve, test: { ...common, name: "own-app", include: OWN_APP, sequence: { groupOrder: 2 } } },
    ],
  },
})
