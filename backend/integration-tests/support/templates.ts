/**
 * The run's template databases. global-setup.ts migrates `<run>_template` once. A file that asks for a scenario
 * (runner option `seeded: "e2e"`) starts from `<run>_<scenario>`: the migrated template with that scenario seeded
 * by the app, built the first time a file asks for it, once per run, in a child process with the environment the
 * workers started with (never a file's own, such as Stripe keys set at the top of payments.spec.ts).
 */
import { spawn } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { RUN_ID_ENV, TEMPLATE_ENV, serverClient } from "./databases"

const backendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const BASE_ENV = Symbol.for("lianxin.test.baseEnv")

export const SEEDED_SCENARIOS = ["e2e"] as const
export type SeededScenario = (typeof SEEDED_SCENARIOS)[number]

/** Called by setup.ts before a spec file is evaluated: the environment seeded templates are built with. */
export function rememberBaseEnv() {
  const holder = globalThis as unknown as Record<symbol, NodeJS.ProcessEnv | undefined>
  holder[BASE_ENV] ??= { ...process.env }
}

function baseEnv(): NodeJS.ProcessEnv {
  return (globalThis as unknown as Record<symbol, NodeJS.ProcessEnv | undefined>)[BASE_ENV] ?? process.env
}

/** Runs support/build-template.ts with `args` in a child process (Medusa keeps its module state in globals). */
export function runTemplateBuilder(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "-r",
        "ts-node/register/transpile-only",
        "-r",
        "tsconfig-paths/register",
        "integration-tests/support/build-template.ts",
        ...args,
      ],
      { cwd: backendDir, env: { ...env, TS_NODE_PROJECT: "tsconfig.json" }, stdio: ["ignore", "pipe", "pipe"] }
    )
    // An interrupted run must not leave the builder running on its own.
    const stop = () => child.kill()
    process.once("exit", stop)
    child.once("exit", () => process.off("exit", stop))
    let output = ""
    child.stdout.on("data", (d) => (output += d))
    child.stderr.on("data", (d) => (output += d))
    child.once("error", reject)
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`build-template ${args.join(" ")} failed (exit ${code}):\n${output.slice(-4000)}`))
    )
  })
}

/**
 * The name of the run's template with `scenario` seeded, building it if no file has asked for it yet. An advisory
 * lock keeps two workers from building it at once.
 */
export async function seededTemplate(scenario: SeededScenario): Promise<string> {
  const migrated = process.env[TEMPLATE_ENV]
  const runId = process.env[RUN_ID_ENV]
  if (!migrated || !runId)
    throw new Error(`seeded templates need the run's migrated template (${TEMPLATE_ENV}, global-setup.ts)`)
  const name = `lianxin_it_${runId}_${scenario}`
  const client = serverClient()
  await client.connect()
  try {
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [name])
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (!rowCount) {
      const started = Date.now()
      await runTemplateBuilder(["seed", scenario, migrated, name], baseEnv())
      console.log(
        `[test db] template ${name} (${scenario} seeded) built in ${((Date.now() - started) / 1000).toFixed(1)} s`
      )
    }
    return name
  } finally {
    await client.end()
  }
}
