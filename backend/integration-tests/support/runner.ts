/**
 * `medusaIntegrationTestRunner` with the options and suite API of
 * @medusajs/test-utils 2.21.2, built from that package's own pieces, with one
 * difference: the file's database is a clone (CREATE DATABASE … TEMPLATE) of the
 * template that global-setup.ts migrated once for the whole run, so a file does
 * not run every migration again. Everything else is as in test-utils: the app
 * boots in-process with the admin disabled, the database is snapshotted after
 * the suite's own beforeAll and restored before every test, and dropped at the end.
 *
 * backend/vitest.config.ts points `@medusajs/test-utils` here, so spec files
 * keep importing the runner from where Medusa's docs say.
 * Without a template (LIANXIN_TEST_TEMPLATE_DB unset) it migrates like the original.
 */
import crypto from "node:crypto"
import { createRequire } from "node:module"
import { asValue } from "@medusajs/framework/awilix"
import { logger } from "@medusajs/framework/logger"
import { Migrator } from "@medusajs/framework/migrations"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, getResolvedPlugins, mergePluginModules } from "@medusajs/framework/utils"
import {
  TestDatabaseUtils,
  applyEnvVarsToProcess,
  clearInstances,
  closeWaitingroomClient,
  configLoaderOverride,
  createPostgresDatabaseTemplate,
  dropPostgresDatabaseTemplate,
  formatError,
  initDb,
  migrateDatabase,
  migrateSearchIndexes,
  restorePostgresDatabaseFromTemplate,
  startApp,
  syncLinks,
  type MedusaSuiteOptions,
} from "@medusajs/test-utils/dist/index.js"
import { waitWorkflowExecutions } from "@medusajs/test-utils/dist/medusa-test-runner-utils/wait-workflow-executions.js"
import { RUN_ID_ENV, TEMPLATE_ENV, cloneDatabase, relaxDurability, serverClient } from "./databases"
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { APP_ROLE, TEST_APP_PASSWORD, withCredentials } from "../../scripts/postgres.mjs"

export * from "@medusajs/test-utils/dist/index.js"

export type RunnerOptions = {
  moduleName?: string
  env?: Record<string, any>
  dbName?: string
  medusaConfigFile?: string
  schema?: string
  debug?: boolean
  inApp?: boolean
  testSuite: (options: MedusaSuiteOptions) => void
  hooks?: { beforeServerStart?: (container: MedusaContainer) => Promise<void> }
  cwd?: string
}

/**
 * Every snapshot and restore drops or copies the file's database with its
 * connections terminated (test-utils' `DROP DATABASE … WITH (FORCE)`); the
 * app's knex pool then finds each of its connections dead on next use and
 * prints "Connection Error: Connection ended unexpectedly" before replacing
 * it — dozens of lines per file that look like failures and are not. Only
 * that exact line is held back and counted; the count is logged at the end.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: knex colours the line with ANSI escapes when it can
const REPLACED_CONNECTION = /^(\u001b\[\d+m)*Connection Error: Connection ended unexpectedly(\u001b\[\d+m)*$/
function countReplacedConnections(): { count: () => number; restore: () => void } {
  const original = console.log
  let replaced = 0
  console.log = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === "string" && REPLACED_CONNECTION.test(args[0])) {
      replaced++
      return
    }
    original(...args)
  }
  return { count: () => replaced, restore: () => (console.log = original) }
}

class TemplateTestRunner {
  private readonly dbName: string
  private readonly snapshotName: string
  private readonly template: string | undefined
  private readonly cwd: string
  private readonly configPath: string
  private readonly clientUrl: string
  private readonly dbUtils = TestDatabaseUtils.dbTestUtilFactory()
  private container: MedusaContainer | null = null
  private medusaApp: any = null
  private api: any = null
  private stopApp = async () => {}
  private restoreEnv = () => {}
  private snapshotReady = false
  private skipNextRestore = false
  private replacedConnections: ReturnType<typeof countReplacedConnections> | undefined

  constructor(private readonly options: RunnerOptions) {
    // A given dbName is the caller's: created and migrated as test-utils does.
    this.template = options.dbName ? undefined : process.env[TEMPLATE_ENV]
    const suffix = crypto.randomBytes(5).toString("hex")
    this.dbName = options.dbName ?? `lianxin_it_${process.env[RUN_ID_ENV] ?? "adhoc"}_${suffix}`
    this.snapshotName = `${this.dbName}-snapshot`
    this.cwd = options.cwd ?? options.medusaConfigFile ?? process.cwd()
    this.configPath = options.medusaConfigFile ?? this.cwd
    // A clone of the template carries the app role's grants: the app (and
    // dbConnection) run as that role, as in production, so a test sees what
    // the running backend may and may not do. A caller's own database is
    // migrated by the app itself and stays with the owner.
    const ownerUrl = TestDatabaseUtils.getDatabaseURL(this.dbName)
    this.clientUrl = this.template ? withCredentials(ownerUrl, APP_ROLE, TEST_APP_PASSWORD) : ownerUrl
  }

  async beforeAll() {
    const started = Date.now()
    this.replacedConnections = countReplacedConnections()
    try {
      await configLoaderOverride(this.cwd, { clientUrl: this.clientUrl, debug: this.options.debug ?? false })
      this.restoreEnv = applyEnvVarsToProcess(this.options.env ?? {})
      await this.setupApplication()
      logger.info(`[test db] ${this.dbName} ready in ${Date.now() - started} ms (${this.template ? `clone of ${this.template}` : "migrated"})`)
    } catch (error) {
      await this.cleanup()
      throw error
    }
  }

  private async setupApplication() {
    const { container, MedusaAppLoader } = await import("@medusajs/framework")
    const appLoader = new MedusaAppLoader({ medusaConfigPath: this.configPath, cwd: this.cwd })
    const configModule = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
    mergePluginModules(configModule, await getResolvedPlugins(this.cwd, configModule), this.cwd)
    container.register({ [ContainerRegistrationKeys.LOGGER]: asValue(logger) })
    if (this.options.hooks?.beforeServerStart) await this.options.hooks.beforeServerStart(container)

    if (this.template) {
      await cloneDatabase(this.template, this.dbName)
      this.dbUtils.pgConnection_ = await initDb()
    } else {
      await this.dbUtils.create(this.dbName)
      const client = serverClient()
      await client.connect()
      await relaxDurability(client, this.dbName).finally(() => client.end())
      this.dbUtils.pgConnection_ = await initDb()
      await new Migrator({ container }).ensureMigrationsTable()
      await migrateDatabase(appLoader)
      await syncLinks(appLoader, this.configPath, container, logger)
    }
    await clearInstances()

    // As in test-utils: search index definitions are registered before the app
    // loads, and their physical indexes made before the HTTP app starts (they
    // may live outside PostgreSQL, so a clone does not carry them).
    const { loadSearchIndexes } = createRequire(import.meta.url)("@medusajs/medusa/loaders/search")
    await loadSearchIndexes({ plugins: await getResolvedPlugins(this.cwd, configModule, true), configModule, logger })
    this.medusaApp = await appLoader.load()
    await migrateSearchIndexes(container, logger)

    const { shutdown, container: appContainer, port } = await startApp({ cwd: this.configPath, env: this.options.env ?? {} })
    this.container = appContainer
    const { default: axios } = await import("axios")
    const cancel = axios.CancelToken.source()
    this.api = axios.create({ baseURL: `http://localhost:${port}`, cancelToken: cancel.token })
    this.stopApp = async () => {
      await shutdown()
      cancel.cancel("Request canceled by shutdown")
    }
    await waitWorkflowExecutions(appContainer)
  }

  async beforeEach() {
    try {
      if (!this.snapshotReady) {
        // After the suite's own beforeAll, so what it created is in every test's starting point.
        await createPostgresDatabaseTemplate({ databaseName: this.dbName, templateName: this.snapshotName })
        this.snapshotReady = true
        return
      }
      if (this.skipNextRestore) {
        this.skipNextRestore = false
        return
      }
      await this.restore()
    } catch (error) {
      logger.error(`Error restoring database:\n${formatError(error)}`)
      throw error
    }
  }

  private async restore(templateName = this.snapshotName) {
    await restorePostgresDatabaseFromTemplate({ databaseName: this.dbName, templateName })
    const client = serverClient()
    await client.connect()
    await relaxDurability(client, this.dbName).finally(() => client.end())
  }

  async afterEach() {
    if (this.container) await waitWorkflowExecutions(this.container)
  }

  async cleanup() {
    try {
      process.removeAllListeners("SIGTERM")
      process.removeAllListeners("SIGINT")
      await this.stopApp()
      await clearInstances()
      await (this.container as any)?.dispose?.()
      if (this.snapshotReady) await dropPostgresDatabaseTemplate(this.snapshotName)
      await this.dbUtils.shutdown(this.dbName)
      await closeWaitingroomClient()
    } catch (error) {
      logger.error(`Error during cleanup:\n${formatError(error)}`)
    } finally {
      this.snapshotReady = false
      this.container = null
      this.medusaApp = null
      this.api = null
      this.restoreEnv()
      this.restoreEnv = () => {}
      if (this.replacedConnections) {
        const replaced = this.replacedConnections.count()
        this.replacedConnections.restore()
        this.replacedConnections = undefined
        if (replaced) logger.info(`[test db] ${replaced} pooled connection(s) ended by snapshots and restores were replaced`)
      }
    }
  }

  options_(): MedusaSuiteOptions {
    return {
      api: new Proxy({}, { get: (_t, prop) => this.api?.[prop] }),
      dbConnection: new Proxy({}, { get: (_t, prop) => (this.dbUtils.pgConnection_ as any)?.[prop] }),
      getMedusaApp: () => this.medusaApp,
      getContainer: () => this.container as MedusaContainer,
      dbConfig: { dbName: this.dbName, schema: this.options.schema ?? "public", clientUrl: this.clientUrl },
      dbUtils: {
        ...this.dbUtils,
        snapshot: async (o?: { templateName?: string }) => {
          await createPostgresDatabaseTemplate({ databaseName: this.dbName, templateName: o?.templateName ?? this.snapshotName })
          this.snapshotReady = true
          this.skipNextRestore = true
        },
        restore: (o?: { templateName?: string }) => this.restore(o?.templateName),
      },
      utils: { waitWorkflowExecutions: () => waitWorkflowExecutions(this.container as MedusaContainer) },
    }
  }
}

export function medusaIntegrationTestRunner(options: RunnerOptions) {
  const runner = new TemplateTestRunner(options)
  const stop = async () => {
    await runner.cleanup()
    process.exit(0)
  }
  return describe("", () => {
    beforeAll(async () => {
      process.on("SIGTERM", stop)
      process.on("SIGINT", stop)
      await runner.beforeAll()
    })
    beforeEach(() => runner.beforeEach())
    afterEach(() => runner.afterEach())
    afterAll(() => runner.cleanup())
    options.testSuite(runner.options_())
  })
}
