/**
 * What every process that runs our app for tests sets first: the vitest workers (setup.ts) and the builder of
 * seeded templates (build-template.ts), so that a template is seeded by the app exactly as a test file boots it.
 */
export function applyTestProcessDefaults() {
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  // Fixed keys for tests only: registry data and pickup codes written by a test are sealed with them.
  process.env.LIANXIN_REGISTRY_KEY ??= Buffer.alloc(32, 7).toString("base64")
  process.env.LIANXIN_PICKUP_KEY ??= Buffer.alloc(32, 9).toString("base64")
  // The edge that backend/instrumentation.ts installs for `medusa start` (headers, input guard before every
  // route): the app under test gets it too. Installs itself once per process.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("@lianxin/plugin/utils/http-edge").installHttpEdge()
}
