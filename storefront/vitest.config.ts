import { defineConfig } from "vitest/config"

// Plain vitest: unit tests run against the modules directly, without the
// React Router Vite plugin (which expects a full app build around it).
export default defineConfig({
  test: {
    include: ["app/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // The real process environment must never leak into env-parsing tests.
    unstubEnvs: true,
    server: {
      deps: {
        // Its ESM build has no "type": "module"; vitest would transform it (and warn about
        // missing source maps). Node 20.19+ loads it natively, as the production server does.
        external: [/@medusajs\/js-sdk/],
      },
    },
  },
})
