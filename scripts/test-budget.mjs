#!/usr/bin/env node
// Prints, after `npm test`, how long each turbo task took against its budget
// (scripts/test-budgets.json), from the run summary turbo writes with
// --summarize (.turbo/runs/*.json). Warns for every task over budget; never
// fails the run (timings depend on the machine's load, shown alongside).
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const runsDir = path.join(root, ".turbo", "runs")
const budgets = JSON.parse(fs.readFileSync(path.join(root, "scripts", "test-budgets.json"), "utf8"))

const latest = fs.existsSync(runsDir)
  ? fs
      .readdirSync(runsDir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => path.join(runsDir, f))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0]
  : undefined
if (!latest) {
  console.log("[budget] no turbo run summary found (.turbo/runs): run with --summarize")
  process.exit(0)
}
const summary = JSON.parse(fs.readFileSync(latest, "utf8"))
const seconds = (e) => (e?.startTime && e?.endTime ? (e.endTime - e.startTime) / 1000 : null)

const rows = summary.tasks
  .map((t) => ({ id: t.taskId, cache: t.cache?.status ?? "", took: seconds(t.execution), exit: t.execution?.exitCode }))
  .filter((r) => r.took !== null)
  .sort((a, b) => b.took - a.took)
const over = []
const pad = (s, n) => String(s).padEnd(n)
console.log(
  `\n[budget] npm test, per task (budgets: scripts/test-budgets.json; load average now ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")})`
)
for (const r of rows) {
  const budget = budgets.tasks[r.id]
  const flag = budget === undefined ? "no budget" : r.took > budget ? "OVER" : "ok"
  if (flag === "OVER") over.push(r)
  console.log(
    `  ${pad(r.id, 34)} ${pad(`${r.took.toFixed(1)} s`, 10)} ${pad(budget === undefined ? "-" : `${budget} s`, 8)} ${pad(r.cache, 5)} ${flag}${r.exit ? ` (exit ${r.exit})` : ""}`
  )
}
const total = seconds(summary.execution)
console.log(`  ${pad("total", 34)} ${pad(`${total.toFixed(1)} s`, 10)} ${budgets.total} s`)
for (const r of over) {
  console.log(`[budget] WARNING: ${r.id} took ${r.took.toFixed(1)} s, over its budget of ${budgets.tasks[r.id]} s`)
}
if (total > budgets.total)
  console.log(`[budget] WARNING: npm test took ${total.toFixed(1)} s, over the ${budgets.total} s target`)
