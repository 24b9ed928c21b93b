/**
 * `medusaIntegrationTestRunner` with the options and suite API of @medusajs/test-utils 2.21.2, built from that
 * package's own pieces, with three differences (integration-tests/README.md):
 *
 * - The file's database is a clone (CREATE DATABASE … TEMPLATE) of a template of the run, so a file does not run
 *   every migration again: the migrated template global-setup.ts made, or, with `seeded: "e2e"`, that template with
 *   the e2e scenario already seeded (support/templates.ts).
 * - In the vitest project `shared-app` (vitest.config.ts: one worker process, `isolate: false`) the app is booted by
 *   the first file and kept for the next ones, which start from a fresh clone of their template under it; a file
 *   whose environment differs from the one the app booted with is refused with the names of the variables.
 * - The app and `dbConnection` connect as the app role `lianxin_app`, as the production backend does.
 *
 * Everything else is as in test-utils: the app boots in-process with the admin disabled, the database is
 * snapshotted after the suite's own beforeAll and restored before every test, and dropped at the end.
 * backend/vitest.config.ts points `@medusajs/test-utils` here, so spec files keep importing the runner from where
 * Medusa's docs say. Without a template (LIANXIN_TEST_TEMPLATE_DB unset) or with `dbName` it migrates like the original.
 */
import crypto from "node:crypto"
import { logger } from "@medusajs/framework/logger"
import { Migrator } from "@medusajs/framework/migrations"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  TestDatabaseUtils,
  applyEnvVarsToProcess,
  closeWaitingroomClient,
  createPostgresDatabaseTemplate,
  dropPostgresDatabaseTemplate,
  formatError,
  migrateDatabase,
  migrateSearchIndexes,
  restorePostgresDatabaseFromTemplate,
  syncLinks,
  type MedusaSuiteOptions,
} from "@medusajs/test-utils/dist/index.js"
import { waitWorkflowExecutions } from "@medusajs/test-utils/dist/medusa-test-runner-utils/wait-workflow-executions.js"
import { bootApp, type BootedApp } from "./app"
import { RUN_ID_ENV, TEMPLATE_ENV, cloneDatabase, relaxDurability, serverClient } from "./databases"
import { SEEDED_SCENARIOS, seededTemplate, type SeededScenario } from "./templates"
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { APP_ROLE, TEST_APP_PASSWORD, testRunPrefix, withCredentials } from "../../scripts/postgres.mjs"

export * from "@medusajs/test-utils/dist/index.js"

export type RunnerOptions = {
  moduleName?: string
  env?: Record<string, any>
  dbName?: string
  medusaConfigFile?: string
  schema?: string
  debug?: boolean
  inApp?: boolean
  /**
   * Start from the run's template with this scenario already seeded (built once per run) instead of the migrated
   * one. The file still calls `seed(container, "e2e")` in its beforeAll: on a seeded database that only adds the
   * order cycles of the coming days and returns the publishable key, as `npm start` does on a seeded database.
   */
  seeded?: SeededScenario
  testSuite: (options: MedusaSuiteOptions) => void
  hooks?: { beforeServerStart?: (container: MedusaContainer) => Promise<void> }
  cwd?: string
}

/** Set by vitest.config.ts for the files of the `shared-app` project. */
const SHARED_APP_ENV = "LIANXIN_TEST_SHARED_APP"

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

/** The environment an app booted with, without what vitest itself changes from file to file. */
function environmentOf(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.keys(env)
      .filter((k) => !k.startsWith("VITEST") && !k.startsWith("__VITEST"))
      .sort()
      .map((k) => [k, env[k]])
  )
}

type LiveApp = {
  app: BootedApp
  api: any
  dbName: string
  clientUrl: string
  environment: Record<string, string | undefined>
  stop: () => Promise<void>
}

/** The app of the `shared-app` worker process, kept across its files (modules are not re-evaluated there). */
const SHARED = Symbol.for("lianxin.test.sharedApp")
const shared = globalThis as unknown as { [SHARED]?: LiveApp }

class TemplateTestRunner {
  private readonly dbName: string
  private readonly snapshotName: string
  private readonly cwd: string
  private readonly configPath: string
  private readonly migratedTemplate: string | undefined
  private readonly sharedMode: boolean
  private readonly clientUrl: string
  private readonly dbUtils = TestDatabaseUtils.dbTestUtilFactory()
  private live: LiveApp | null = null
  private restoreEnv = () => {}
  private snapshotReady = false
  private skipNextRestore = false
  private replacedConnections: ReturnType<typeof countReplacedConnections> | undefined

  constructor(private readonly options: RunnerOptions) {
    // A given dbName is the caller's: created and migrated as test-utils does.
    this.migratedTemplate = options.dbName ? undefined : process.env[TEMPLATE_ENV]
    if (options.seeded && !SEEDED_SCENARIOS.includes(options.seeded))
      throw new Error(`no seeded template "${options.seeded}"`)
    this.sharedMode = process.env[SHARED_APP_ENV] === "1"
    if (this.sharedMode && (options.dbName || options.env || options.hooks || !this.migratedTemplate)) {
      throw new Error(
        "A file that passes dbName, env or hooks to the runner boots an app of its own: list it in OWN_APP in backend/vitest.config.ts"
      )
    }
    const prefix = process.env[RUN_ID_ENV] ? `lianxin_it_${process.env[RUN_ID_ENV]}` : testRunPrefix("it")
    this.dbName =
      options.dbName ?? (this.sharedMode ? `${prefix}_shared` : `${prefix}_${crypto.randomBytes(5).toString("hex")}`)
    this.snapshotName = `${this.dbName}-snapshot`
    this.cwd = options.cwd ?? options.medusaConfigFile ?? process.cwd()
    this.configPath = options.medusaConfigFile ?? this.cwd
    // A clone of a template carries the app role's grants: the app (and dbConnection) run as that role, as in
    // production, so a test sees what the running backend may and may not do. A caller's own database is migrated
    // by the app itself and stays with the owner.
    const ownerUrl = TestDatabaseUtils.getDatabaseURL(this.dbName)
    this.clientUrl = this.migratedTemplate ? withCredentials(ownerUrl, APP_ROLE, TEST_APP_PASSWORD) : ownerUrl
  }

  /** The template this file's database starts from. */
  private async baseTemplate(): Promise<string | undefined> {
    if (!this.migratedTemplate) return undefined
    return this.options.seeded ? seededTemplate(this.options.seeded) : this.migratedTemplate
  }

  async beforeAll() {
    const started = Date.now()
    this.replacedConnections = countReplacedConnections()
    try {
      const template = await this.baseTemplate()
      const reused = this.sharedMode ? shared[SHARED] : undefined
      if (reused) {
        this.checkSameEnvironment(reused)
        // A fresh clone of the template under the running app; its pool replaces the connections this ends.
        await restorePostgresDatabaseFromTemplate({ databaseName: reused.dbName, templateName: template! })
        await this.relax(reused.dbName)
        await migrateSearchIndexes(reused.app.container, logger)
        await waitWorkflowExecutions(reused.app.container)
        this.live = reused
      } else {
        this.live = await this.boot(template)
        if (this.sharedMode) shared[SHARED] = this.live
      }
      this.dbUtils.pgConnection_ = this.live.app.pgConnection
      const how = template ? `clone of ${template}` : "migrated"
      logger.info(
        `[test db] ${this.dbName} ready in ${Date.now() - started} ms (${how}${reused ? ", app already running" : ""})`
      )
    } catch (error) {
      await this.cleanup()
      throw error
    }
  }

  private async boot(template: string | undefined): Promise<LiveApp> {
    if (template) {
      await cloneDatabase(template, this.dbName)
    } else {
      // A database of the caller's: created here, migrated by the app below.
      await this.dbUtils.create(this.dbName)
      await this.relax(this.dbName)
    }
    const app = await bootApp({
      cwd: this.cwd,
      configPath: this.configPath,
      clientUrl: this.clientUrl,
      env: this.options.env ?? {},
      debug: this.options.debug,
      afterConfigLoaded: () => {
        this.restoreEnv = applyEnvVarsToProcess(this.options.env ?? {})
      },
      beforeServerStart: this.options.hooks?.beforeServerStart,
      prepareDatabase: template
        ? undefined
        : async (appLoader, container) => {
            await new Migrator({ container }).ensureMigrationsTable()
            await migrateDatabase(appLoader)
            await syncLinks(appLoader, this.configPath, container, logger)
          },
    })
    return this.liveApp(app)
  }

  private async liveApp(app: BootedApp): Promise<LiveApp> {
    const { default: axios } = await import("axios")
    const cancel = axios.CancelToken.source()
    return {
      app,
      api: axios.create({ baseURL: `http://localhost:${app.port}`, cancelToken: cancel.token }),
      dbName: this.dbName,
      clientUrl: this.clientUrl,
      environment: environmentOf(process.env),
      stop: async () => {
        await app.shutdown()
        cancel.cancel("Request canceled by shutdown")
      },
    }
  }

  /** A file of the shared app must see the app it would have booted itself. */
  private checkSameEnvironment(live: LiveApp) {
    const now = environmentOf(process.env)
    const changed = [...new Set([...Object.keys(now), ...Object.keys(live.environment)])].filter(
      (k) => now[k] !== live.environment[k]
    )
    if (changed.length) {
      throw new Error(
        `This file's environment differs from the one the shared app booted with (${changed.join(", ")}): ` +
          "list the file in OWN_APP in backend/vitest.config.ts so that it boots an app of its own"
      )
    }
  }

  private async relax(dbName: string) {
    const client = serverClient()
    await client.connect()
    await relaxDurability(client, dbName).finally(() => client.end())
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
    await this.relax(this.dbName)
  }

  async afterEach() {
    if (this.live) await waitWorkflowExecutions(this.live.app.container)
  }

  async cleanup() {
    const keepApp = this.sharedMode && this.live !== null && shared[SHARED] === this.live
    try {
      process.removeAllListeners("SIGTERM")
      process.removeAllListeners("SIGINT")
      if (keepApp) {
        // The next file of this worker restores the database from its own template under the same app.
        await waitWorkflowExecutions(this.live!.app.container)
        if (this.snapshotReady) await dropPostgresDatabaseTemplate(this.snapshotName)
      } else {
        await this.live?.stop()
        if (this.snapshotReady) await dropPostgresDatabaseTemplate(this.snapshotName)
        await this.dbUtils.shutdown(this.dbName)
        await closeWaitingroomClient()
      }
    } catch (error) {
      logger.error(`Error during cleanup:\n${formatError(error)}`)
    } finally {
      this.snapshotReady = false
      this.skipNextRestore = false
      this.live = null
      this.restoreEnv()
      this.restoreEnv = () => {}
      if (this.replacedConnections) {
        const replaced = this.replacedConnections.count()
        this.replacedConnections.restore()
        this.replacedConnections = undefined
        if (replaced)
          logger.info(`[test db] ${replaced} pooled connection(s) ended by snapshots and restores were replaced`)
      }
    }
  }

  options_(): MedusaSuiteOptions {
    return {
      api: new Proxy({}, { get: (_t, prop) => this.live?.api?.[prop] }),
      dbConnection: new Proxy({}, { get: (_t, prop) => (this.dbUtils.pgConnection_ as any)?.[prop] }),
      getMedusaApp: () => this.live?.app.medusaApp,
      getContainer: () => this.live?.app.container as MedusaContainer,
      dbConfig: { dbName: this.dbName, schema: this.options.schema ?? "public", clientUrl: this.clientUrl },
      dbUtils: {
        ...this.dbUtils,
        snapshot: async (o?: { templateName?: string }) => {
          await createPostgresDatabaseTemplate({
            databaseName: this.dbName,
            templateName: o?.templateName ?? this.snapshotName,
          })
          this.snapshotReady = true
          this.skipNextRestore = true
        },
        restore: (o?: { templateName?: string }) => this.restore(o?.templateName),
      },
      utils: { waitWorkflowExecutions: () => waitWorkflowExecutions(this.live?.app.container as MedusaContainer) },
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
