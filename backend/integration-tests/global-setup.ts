import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import type { TestProject } from "vitest/node"
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { medusaTestDbEnv, testPostgresServer, withDatabase } from "../scripts/postgres.mjs"

/**
 * One PostgreSQL server for the whole run: the machine's (TEST_DATABASE_URL /
 * DATABASE_URL) or an embedded one. Each test file then creates and drops its
 * own uniquely named database on it through @medusajs/test-utils.
 */
export default async function setup(_project: TestProject) {
  const server = await testPostgresServer()
  Object.assign(process.env, medusaTestDbEnv(server.serverUrl))
  // medusa-config validates DATABASE_URL; the test runner then points the app
  // at the per-file database it creates.
  process.env.DATABASE_URL = withDatabase(server.serverUrl, "postgres")
  // Files uploaded by the tests go to a folder of this run, removed at the end.
  const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-test-uploads-"))
  process.env.LIANXIN_UPLOAD_DIR = uploads
  return async () => {
    await server.stop()
    fs.rmSync(uploads, { recursive: true, force: true })
  }
}
