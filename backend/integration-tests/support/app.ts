/**
 * Boots our Medusa app inside this process the way @medusajs/test-utils 2.21.2's runner does it: medusa-config
 * pointed at `clientUrl`, plugin modules merged, search index definitions registered, modules loaded, the search
 * indexes made, then the HTTP app (admin disabled) on a free port. The database must exist; `prepareDatabase` runs
 * before the first connection (the runner migrates a database it was given there). Used by the runner
 * (support/runner.ts) and by the builder of seeded templates (support/build-template.ts), so both boot alike.
 */
import { asValue } from "@medusajs/framework/awilix"
import { logger } from "@medusajs/framework/logger"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, getResolvedPlugins, mergePluginModules } from "@medusajs/framework/utils"
import {
  clearInstances,
  configLoaderOverride,
  initDb,
  migrateSearchIndexes,
  startApp,
} from "@medusajs/test-utils/dist/index.js"
import { waitWorkflowExecutions } from "@medusajs/test-utils/dist/medusa-test-runner-utils/wait-workflow-executions.js"

export type BootOptions = {
  cwd: string
  /** medusa-config's directory (test-utils' medusaConfigFile); defaults to cwd. */
  configPath?: string
  clientUrl: string
  env?: Record<string, unknown>
  debug?: boolean
  /** Runs right after medusa-config is loaded (test-utils applies the runner's `env` option there). */
  afterConfigLoaded?: () => void
  beforeServerStart?: (container: MedusaContainer) => Promise<void>
  /** Runs once the module loader exists and before anything connects (migrations of a caller's own database). */
  prepareDatabase?: (appLoader: any, container: MedusaContainer) => Promise<void>
}

export type BootedApp = {
  container: MedusaContainer
  medusaApp: any
  /** knex of the app's database, as the runner's `dbConnection` (the caller closes it). */
  pgConnection: any
  port: number
  shutdown: () => Promise<void>
}

export async function bootApp(options: BootOptions): Promise<BootedApp> {
  const configPath = options.configPath ?? options.cwd
  await configLoaderOverride(options.cwd, { clientUrl: options.clientUrl, debug: options.debug ?? false })
  options.afterConfigLoaded?.()
  const { container, MedusaAppLoader } = await import("@medusajs/framework")
  const appLoader = new MedusaAppLoader({ medusaConfigPath: configPath, cwd: options.cwd })
  const configModule = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  mergePluginModules(configModule, await getResolvedPlugins(options.cwd, configModule), options.cwd)
  container.register({ [ContainerRegistrationKeys.LOGGER]: asValue(logger) })
  if (options.beforeServerStart) await options.beforeServerStart(container)

  const pgConnection = await initDb()
  if (options.prepareDatabase) await options.prepareDatabase(appLoader, container)
  await clearInstances()

  // Search index definitions are registered before the app loads, and their physical indexes made before the HTTP
  // app starts (they may live outside PostgreSQL, so a clone of a database does not carry them).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadSearchIndexes } = require("@medusajs/medusa/loaders/search")
  await loadSearchIndexes({ plugins: await getResolvedPlugins(options.cwd, configModule, true), configModule, logger })
  const medusaApp = await appLoader.load()
  await migrateSearchIndexes(container, logger)

  const app = await startApp({ cwd: configPath, env: options.env ?? {} })
  await waitWorkflowExecutions(app.container)
  return {
    container: app.container,
    medusaApp,
    pgConnection,
    port: app.port,
    shutdown: async () => {
      await app.shutdown()
      await clearInstances()
      await (app.container as any)?.dispose?.()
    },
  }
}
