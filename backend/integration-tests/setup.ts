// Runs before every spec file (in the `shared-app` project several files share one process: what must happen once
// per process is guarded). Medusa loads medusa-config.ts and module files with plain `require`, so the test process
// needs ts-node (swc) and tsconfig paths registered.
import { MetadataStorage } from "@medusajs/framework/mikro-orm/core"
import { applyTestProcessDefaults } from "./support/test-env"
import { rememberBaseEnv } from "./support/templates"

const ONCE = Symbol.for("lianxin.test.processSetUp")
const processState = globalThis as unknown as Record<symbol, boolean | undefined>
if (!processState[ONCE]) {
  processState[ONCE] = true
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("ts-node/register/transpile-only")
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("tsconfig-paths/register")
  // Only before the first app of the process: clearing it under a running app loses every entity's metadata.
  MetadataStorage.clear()
  applyTestProcessDefaults()
  // Before any spec file changes it: seeded templates are built with this environment (support/templates.ts).
  rememberBaseEnv()
}
