// deploy/check.mjs (npm run deploy:check): the real deploy/ passes, and copies
// broken on purpose fail with the problem named — so the check can fail.
import assert from "node:assert/strict"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { after, test } from "node:test"
import { runChecks } from "../../deploy/check.mjs"

const deployDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "deploy")
const copies = []
after(() => {
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true })
})

/** A copy of deploy/ with `edits` ([file, from, to]) applied; each `from` must be there. */
function brokenCopy(edits) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-deploy-"))
  copies.push(dir)
  fs.cpSync(deployDir, dir, { recursive: true })
  for (const [file, from, to] of edits) {
    const text = fs.readFileSync(path.join(dir, file), "utf8")
    assert.ok(text.includes(from), `${file} contains ${from}`)
    fs.writeFileSync(path.join(dir, file), text.replace(from, to))
  }
  return dir
}

const has = (problems, pattern) =>
  assert.ok(
    problems.some((p) => pattern.test(p)),
    `no problem matching ${pattern} in:\n${problems.join("\n")}`
  )

test("deploy/ passes: compose resolves, every Kubernetes object is valid, topology, probes and docs hold", async () => {
  const { problems, passed } = await runChecks()
  assert.deepEqual(problems, [])
  assert.equal(passed.length, 7)
})

test("broken manifests fail: a misspelt field, a wrong type, a second server instead of the worker, an unknown variable, a missing Secret, a bad Dockerfile flag, root", async () => {
  const dir = brokenCopy([
    ["k8s/backend.yaml", "          readinessProbe:", "          readinesProbe:"],
    ["k8s/storefront.yaml", "  replicas: 2", '  replicas: "two"'],
    ["k8s/backend.yaml", "              value: worker", "              value: server"],
    [
      "k8s/config.yaml",
      "  TRUST_PROXY: uniquelocal\n  SESSION_COOKIE_SECURE",
      "  TRUST_PROXI: uniquelocal\n  SESSION_COOKIE_SECURE",
    ],
    ["k8s/migrate-job.yaml", "                name: lianxin-migration", "                name: lianxin-migrations"],
    ["Dockerfile", "HEALTHCHECK --interval=15s", "HEALTHCHECK --intervl=15s"],
    ["Dockerfile", "USER node", "USER root"],
  ])
  const { problems } = await runChecks({ deployDir: dir, groups: ["k8s"] })
  has(problems, /Deployment lianxin-server: .*readinesProbe"' does not exist in type 'IContainer'/)
  has(problems, /Deployment lianxin-storefront: .*replicas must be integer/)
  has(problems, /Deployment lianxin-worker runs MEDUSA_WORKER_MODE=server, want worker/)
  has(problems, /sets TRUST_PROXI, which the backend does not read/)
  has(problems, /envFrom Secret lianxin-migrations is not defined/)
  has(problems, /Dockerfile:\d+: Unknown flag: intervl/)
  has(problems, /Dockerfile: stage "backend" runs as root/)
})

test("broken compose files fail: docker-compose refuses an invalid file; a second worker breaks the topology", async () => {
  const invalid = brokenCopy([
    ["compose.yaml", "condition: service_completed_successfully", "condition: service_finished"],
  ])
  has((await runChecks({ deployDir: invalid, groups: ["compose"] })).problems, /docker-compose config refused it/)
  const twoWorkers = brokenCopy([
    // The first server (server-1) becomes a worker; its heap line stays, the topology check must still count.
    [
      "compose.yaml",
      "      MEDUSA_WORKER_MODE: server\n      # The JavaScript heap",
      "      MEDUSA_WORKER_MODE: worker\n      # The JavaScript heap",
    ],
    // The first storefront secret becomes a short literal (the rest of the line turns into a YAML comment).
    ["compose.yaml", "    SESSION_SECRET: $", "    SESSION_SECRET: too-short #$"],
  ])
  const { problems } = await runChecks({ deployDir: twoWorkers, groups: ["compose"] })
  has(problems, /1 backend services in server mode, want 2/)
  has(problems, /2 workers, want exactly 1/)
  has(problems, /do not share one SESSION_SECRET of 32\+ characters/)
})
