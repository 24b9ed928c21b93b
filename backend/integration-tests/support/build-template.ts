/**
 * Migrates one database (as the server's superuser, the owner) the way @medusajs/test-utils' runner migrates each of
 * its databases (module migrations, then link sync, with our medusa-config and
 * plugin), so that every test file can start from a clone of it instead, and
 * grants the app role its row privileges there.
 * Run once per `vitest run` by global-setup.ts, in a child process of its own
 * (Medusa keeps module state in globals): `node -r ts-node/register/transpile-only
 * -r tsconfig-paths/register build-template.ts <database>`.
 */
import path from "node:path"
import { asValue } from "@medusajs/framework/awilix"
import { logger } from "@medusajs/framework/logger"
import { Migrator } from "@medusajs/framework/migrations"
import { ContainerRegistrationKeys, getResolvedPlugins, mergePluginModules } from "@medusajs/framework/utils"
import { TestDatabaseUtils, clearInstances, configLoaderOverride, initDb, migrateDatabase, syncLinks } from "@medusajs/test-utils"
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { APP_ROLE, grantAppRole } from "../../scripts/postgres.mjs"

async function main() {
  const dbName = process.argv[2]
  if (!dbName) throw new Error("usage: build-template.ts <database>")
  const cwd = path.resolve(__dirname, "../..")
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  await configLoaderOverride(cwd, { clientUrl: TestDatabaseUtils.getDatabaseURL(dbName), debug: false })

  const { container, MedusaAppLoader } = await import("@medusajs/framework")
  const appLoader = new MedusaAppLoader({ medusaConfigPath: cwd, cwd })
  const configModule = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  mergePluginModules(configModule, await getResolvedPlugins(cwd, configModule), cwd)
  container.register({ [ContainerRegistrationKeys.LOGGER]: asValue(logger) })

  const connection = await initDb()
  try {
    await new Migrator({ container }).ensureMigrationsTable()
    await migrateDatabase(appLoader)
    await syncLinks(appLoader, cwd, container, logger)
    await clearInstances()
  } finally {
    await connection.destroy()
  }
  // The clones carry these grants: every test file's app runs as the app role.
  await grantAppRole(TestDatabaseUtils.getDatabaseURL(dbName), APP_ROLE)
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
