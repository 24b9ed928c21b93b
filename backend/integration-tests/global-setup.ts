import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import type { TestProject } from "vitest/node"
import {
  APP_ROLE,
  TEST_APP_PASSWORD,
  dropStaleTestDatabases,
  ensureLoginRole,
  medusaTestDbEnv,
  testPostgresServer,
  testRunPrefix,
  withDatabase,
  // @ts-expect-error plain ESM helper shared with scripts/start.mjs (no type declarations)
} from "../scripts/postgres.mjs"
import {
  RUN_ID_ENV,
  TEMPLATE_ENV,
  createEmptyDatabase,
  dropDatabasesStartingWith,
  sealTemplate,
} from "./support/databases"
import { runTemplateBuilder } from "./support/templates"

/**
 * One PostgreSQL server for the whole run: the machine's (TEST_DATABASE_URL /
 * DATABASE_URL) or an embedded one started with durability off. One database
 * is migrated here, once; every test file then works on a clone of it
 * (support/runner.ts), made with CREATE DATABASE … TEMPLATE in well under a second.
 */
export default async function setup(_project: TestProject) {
  const started = Date.now()
  const server = await testPostgresServer()
  Object.assign(process.env, medusaTestDbEnv(server.serverUrl))
  // medusa-config validates DATABASE_URL; the runner then points the app at
  // the per-file database.
  process.env.DATABASE_URL = withDatabase(server.serverUrl, "postgres")
  // Files uploaded by the tests go to a folder of this run, removed at the end.
  const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-test-uploads-"))
  process.env.LIANXIN_UPLOAD_DIR = uploads

  // What runs that crashed or were killed left on this server (databases named by testRunPrefix, older than any run).
  const stale = await dropStaleTestDatabases(server.serverUrl)
  if (stale.length)
    console.log(`[test db] dropped ${stale.length} database(s) left by runs that did not finish: ${stale.join(", ")}`)
  // lianxin_it_<unix seconds>_<random>: unique per run, and its age is in its name.
  const prefix: string = testRunPrefix("it")
  const runId = prefix.slice("lianxin_it_".length)
  const template = `${prefix}_template`
  process.env[RUN_ID_ENV] = runId
  const teardown = async () => {
    await dropDatabasesStartingWith(`${prefix}_`).catch((error) =>
      console.error(`[test db] could not drop ${prefix}_*: ${error}`)
    )
    await server.stop()
    fs.rmSync(uploads, { recursive: true, force: true })
  }
  try {
    // The app under test connects as the app role, as in production (docs/security.md).
    await ensureLoginRole(server.serverUrl, APP_ROLE, TEST_APP_PASSWORD)
    await createEmptyDatabase(template)
    await runTemplateBuilder(["migrate", template])
    await sealTemplate(template)
  } catch (error) {
    await teardown()
    throw error
  }
  process.env[TEMPLATE_ENV] = template
  console.log(`[test db] template ${template} migrated in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return teardown
}
