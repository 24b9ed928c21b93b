// pg_dump / pg_restore / psql from PG_BIN (e.g. /usr/lib/postgresql/18/bin) or PATH,
// and the checks that keep them honest: a dump tool older than the server fails.
import { spawn } from "node:child_process"
import path from "node:path"

export const tool = (name) => (process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name)

/** Runs a PostgreSQL client tool; rejects with its stderr on a non-zero exit. Never logs the connection URL. */
export function runTool(name, args, { input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(tool(name), args, { stdio: ["pipe", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => {
      stdout += d
    })
    child.stderr.on("data", (d) => {
      stderr += d
    })
    child.once("error", (error) =>
      reject(
        new Error(
          `${name} could not run (${error.code ?? error.message}): install the PostgreSQL client tools or set PG_BIN`
        )
      )
    )
    child.once("exit", (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`${name} exited with ${code}: ${stderr.trim().split("\n").slice(-5).join(" | ")}`))
    )
    child.stdin.end(input ?? "")
  })
}

/** The major version of a client tool, e.g. 15 from "pg_dump (PostgreSQL) 15.20 (Debian …)". */
export async function toolMajor(name) {
  const out = await runTool(name, ["--version"])
  const match = out.match(/\(PostgreSQL\)\s+(\d+)/)
  if (!match) throw new Error(`cannot read the version of ${name}: ${out.trim()}`)
  return Number(match[1])
}

/** Refuses a pg_dump/pg_restore older than the server: it would stop midway or restore what it cannot read. */
export async function assertToolFits(name, client) {
  const { rows } = await client.query("SHOW server_version_num")
  const serverMajor = Math.floor(Number(rows[0].server_version_num) / 10000)
  const major = await toolMajor(name)
  if (major < serverMajor) {
    throw new Error(
      `${name} ${major} is older than the server (PostgreSQL ${serverMajor}): use the server's version (PG_BIN=/usr/lib/postgresql/${serverMajor}/bin)`
    )
  }
  return { tool: major, server: serverMajor }
}

/** The same URL with another database name. */
export function withDatabase(url, database) {
  const u = new URL(url)
  u.pathname = `/${encodeURIComponent(database)}`
  return u.toString()
}

export const databaseOf = (url) => decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres"
