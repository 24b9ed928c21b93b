#!/usr/bin/env node
// A consistent backup of the Lianxin database: pg_dump in custom format, taken
// from a snapshot that this script also measures, so that the manifest written
// beside the dump (row counts per table, ledger totals and checksum, triggers)
// describes exactly what the dump holds. A restore is checked against it by
// restore-drill.mjs. docs/deploy.md#backup-and-restore explains WAL archiving
// for point-in-time recovery on top of these dumps.
//
//   node scripts/backup/backup.mjs [--url postgres://owner@host/db] [--out DIR]
//
// URL: --url, else BACKUP_DATABASE_URL, DATABASE_MIGRATION_URL, DATABASE_URL.
// Use the owner's role (or one that can read every table). DIR: --out, else
// BACKUP_DIR, else ./backups. Prints the dump's path and its manifest.
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { measure, withClient } from "./measure.mjs"
import { assertToolFits, databaseOf, tool } from "./pg-tools.mjs"

/**
 * Dumps `url` into `outDir`; returns { file, manifestFile, manifest }. The
 * exporting transaction stays open while pg_dump runs, so both see one snapshot.
 */
export async function backup({ url, outDir, label }) {
  fs.mkdirSync(outDir, { recursive: true })
  const database = databaseOf(url)
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z")
  const base = path.join(outDir, `${label ?? `lianxin-${database}`}-${stamp}`)
  const file = `${base}.dump`
  const partial = `${file}.partial`
  return withClient(url, async (client) => {
    const versions = await assertToolFits("pg_dump", client)
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    try {
      const { rows } = await client.query("SELECT pg_export_snapshot() AS snapshot")
      const measured = await measure(client)
      await new Promise((resolve, reject) => {
        const child = spawn(
          tool("pg_dump"),
          ["--format=custom", `--snapshot=${rows[0].snapshot}`, `--file=${partial}`, `--dbname=${url}`],
          { stdio: ["ignore", "inherit", "pipe"] }
        )
        let stderr = ""
        child.stderr.on("data", (d) => {
          stderr += d
        })
        child.once("error", reject)
        child.once("exit", (code) =>
          code === 0 ? resolve() : reject(new Error(`pg_dump exited with ${code}: ${stderr.trim()}`))
        )
      })
      fs.renameSync(partial, file)
      const manifest = {
        database,
        taken_at: new Date().toISOString(),
        pg_dump_major: versions.tool,
        server_major: versions.server,
        file: path.basename(file),
        bytes: fs.statSync(file).size,
        sha256: crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex"),
        ...measured,
      }
      const manifestFile = `${base}.manifest.json`
      fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`)
      return { file, manifestFile, manifest }
    } finally {
      fs.rmSync(partial, { force: true })
      await client.query("COMMIT")
    }
  })
}

function option(name) {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const url =
    option("--url") ?? process.env.BACKUP_DATABASE_URL ?? process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL
  if (!url) {
    console.error(
      "[backup] no database: pass --url or set BACKUP_DATABASE_URL (or DATABASE_MIGRATION_URL / DATABASE_URL)"
    )
    process.exit(2)
  }
  backup({ url, outDir: path.resolve(option("--out") ?? process.env.BACKUP_DIR ?? "backups") }).then(
    ({ file, manifestFile, manifest }) => {
      const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0)
      console.log(
        `[backup] ${file} (${manifest.bytes} bytes, ${Object.keys(manifest.counts).length} tables, ${rows} rows)`
      )
      console.log(`[backup] manifest ${manifestFile}`)
    },
    (error) => {
      console.error(`[backup] failed: ${error.message}`)
      process.exit(1)
    }
  )
}
