/**
 * Builds the run's template databases, in a child process of its own (Medusa keeps module state in globals):
 *
 *   build-template.ts migrate <database>
 *     Migrates one database (as the server's superuser, the owner) the way @medusajs/test-utils' runner migrates each
 *     of its databases (module migrations, then link sync, with our medusa-config and plugin), grants the app role
 *     its row privileges there, and starts the app on it once (what Medusa writes at its first start: default store
 *     and sales channel, provider rows), so that every test file can start from a clone of it. Run once per
 *     `vitest run` by global-setup.ts.
 *
 *   build-template.ts seed <scenario> <migrated template> <database>
 *     Clones the migrated template, boots the app on it as a test file does (support/app.ts), seeds the scenario with
 *     @lianxin/seed exactly as a file's beforeAll would, waits until every subscriber and workflow it started has
 *     finished, stops the app and seals the database as a template. Run by support/templates.ts the first time a file
 *     asks for that scenario.
 *
 * Started as `node -r ts-node/register/transpile-only -r tsconfig-paths/register build-template.ts …` from backend/.
 */
import path from "node:path"
import { logger } from "@medusajs/framework/logger"
import { Migrator } from "@medusajs/framework/migrations"
import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys, getResolvedPlugins, mergePluginModules } from "@medusajs/framework/utils"
import {
  TestDatabaseUtils,
  clearInstances,
  configLoaderOverride,
  initDb,
  migrateDatabase,
  syncLinks,
} from "@medusajs/test-utils/dist/index.js"
import { waitWorkflowExecutions } from "@medusajs/test-utils/dist/medusa-test-runner-utils/wait-workflow-executions.js"
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { APP_ROLE, grantAppRole } from "../../scripts/postgres.mjs"
import { trackSubscribers } from "../helpers/wait"
import { bootApp } from "./app"
import { cloneDatabase, sealTemplate } from "./databases"
import { applyTestProcessDefaults } from "./test-env"

const cwd = path.resolve(__dirname, "../..")

async function migrate(dbName: string) {
  await configLoaderOverride(cwd, { clientUrl: TestDatabaseUtils.getDatabaseURL(dbName), debug: false })
  const { container, MedusaAppLoader } = await import("@medusajs/framework")
  const appLoader = new MedusaAppLoader({ medusaConfigPath: cwd, cwd })
  const configModule = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  mergePluginModules(configModule, await getResolvedPlugins(cwd, configModule), cwd)
  container.register({ [ContainerRegistrationKeys.LOGGER]: asValue(logger) })

  // One knex for the migrations and the app's first start (the framework keeps it registered), closed at the end.
  const connection = await initDb()
  try {
    await new Migrator({ container }).ensureMigrationsTable()
    await migrateDatabase(appLoader)
    await syncLinks(appLoader, cwd, container, logger)
    await clearInstances()
    // The clones carry these grants: every test file's app runs as the app role.
    await grantAppRole(TestDatabaseUtils.getDatabaseURL(dbName), APP_ROLE)
    // What the app writes when it first starts (default store and sales channel, its providers) is in the template
    // too: a file that gets a clone under an app already running (shared-app) finds what a booted file would.
    const app = await bootApp({ cwd, clientUrl: TestDatabaseUtils.getDatabaseURL(dbName) })
    try {
      await waitWorkflowExecutions(app.container)
    } finally {
      await app.shutdown()
    }
  } finally {
    await connection.destroy()
  }
}

async function seedInto(scenario: string, from: string, dbName: string) {
  await cloneDatabase(from, dbName)
  // As `npm start` seeds: as the owner (the server's superuser on test servers).
  const app = await bootApp({ cwd, clientUrl: TestDatabaseUtils.getDatabaseURL(dbName) })
  try {
    const subscribers = trackSubscribers(app.container)
    const { seed } = await import("@lianxin/seed")
    await seed(app.container, scenario as "e2e")
    // Nothing the seed started may still be running when the database is copied.
    await subscribers.idle(120_000)
    await waitWorkflowExecutions(app.container)
  } finally {
    await app.shutdown()
    await app.pgConnection.destroy()
  }
  await sealTemplate(dbName)
}

async function main() {
  applyTestProcessDefaults()
  const [mode, ...args] = process.argv.slice(2)
  if (mode === "migrate" && args.length === 1) return migrate(args[0])
  if (mode === "seed" && args.length === 3) return seedInto(args[0], args[1], args[2])
  throw new Error("usage: build-template.ts migrate <database> | seed <scenario> <migrated template> <database>")
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
