import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    exclude: ["dist/**", "node_modules/**"],
    // catalog.test.ts loads @medusajs/framework, which takes a few seconds cold.
    testTimeout: 30_000,
  },
})
