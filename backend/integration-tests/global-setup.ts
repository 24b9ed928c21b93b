import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import type { TestProject } from "vitest/node"
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { APP_ROLE, TEST_APP_PASSWORD, ensureLoginRole, medusaTestDbEnv, testPostgresServer, withDatabase } from "../scripts/postgres.mjs"
import { RUN_ID_ENV, TEMPLATE_ENV, createEmptyDatabase, dropDatabasesStartingWith, sealTemplate } from "./support/databases"

const backendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

/** Runs support/build-template.ts in a child process (Medusa keeps its module state in globals). */
function migrateTemplate(dbName: string) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", "-r", "tsconfig-paths/register", "integration-tests/support/build-template.ts", dbName],
      { cwd: backendDir, env: { ...process.env, TS_NODE_PROJECT: "tsconfig.json" }, stdio: ["ignore", "pipe", "pipe"] }
    )
    // An interrupted run must not leave the migration running on its own.
    const stop = () => child.kill()
    process.once("exit", stop)
    child.once("exit", () => process.off("exit", stop))
    let output = ""
    child.stdout.on("data", (d) => (output += d))
    child.stderr.on("data", (d) => (output += d))
    child.once("error", reject)
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`migrating the template database failed (exit ${code}):\n${output.slice(-4000)}`))
    )
  })
}

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

  const runId = crypto.randomBytes(4).toString("hex")
  const prefix = `lianxin_it_${runId}`
  const template = `${prefix}_template`
  process.env[RUN_ID_ENV] = runId
  const teardown = async () => {
    await dropDatabasesStartingWith(prefix).catch((error) => console.error(`[test db] could not drop ${prefix}_*: ${error}`))
    await server.stop()
    fs.rmSync(uploads, { recursive: true, force: true })
  }
  try {
    // The app under test connects as the app role, as in production (docs/security.md).
    await ensureLoginRole(server.serverUrl, APP_ROLE, TEST_APP_PASSWORD)
    await createEmptyDatabase(template)
    await migrateTemplate(template)
    await sealTemplate(template)
  } catch (error) {
    await teardown()
    throw error
  }
  process.env[TEMPLATE_ENV] = template
  console.log(`[test db] template ${template} migrated in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return teardown
}
