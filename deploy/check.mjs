#!/usr/bin/env node
// `npm run deploy:check`: proves, without a Docker engine or a cluster, that
// deploy/ describes the topology of docs/deploy.md and that every file in it is
// valid for the tool that will read it:
//   Dockerfile     dockerfile-utils (pinned; the Docker language server's validator)
//   compose.yaml   `docker-compose config` (Debian's docker-compose 1.29 validates
//                  against its Compose schema and resolves every variable from
//                  env.example; without the secrets it must refuse)
//   k8s/*.yaml     `kubectl kustomize` renders the set (when kubectl is installed),
//                  every object against the Kubernetes OpenAPI schemas
//                  (kubernetes-models, pinned), unknown fields through the same
//                  models' TypeScript types (tsc's excess-property check)
//   both           the topology (servers ×2 in server mode, one worker, storefronts
//                  ×2 with one session secret, a migration step before them),
//                  probes on /health and /healthz, references between objects,
//                  and that every environment variable set is one the backend or
//                  storefront reads and docs/deploy.md documents
// Exit 0 when all hold; 1 with every problem listed. `--dir DIR` checks another
// copy of deploy/ (the tests break copies on purpose).
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { validate as validateDockerfile } from "dockerfile-utils"
import { parseAllDocuments, parse as parseYaml } from "yaml"

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const read = (...p) => fs.readFileSync(path.join(repoDir, ...p), "utf8")
const matches = (text, re) => [...text.matchAll(re)].map((m) => m[1])

/** Every variable the backend and the storefront (servers and start scripts) read, from their sources. */
export function knownVariables() {
  const backend = new Set([
    ...matches(read("backend/src/config/env.ts"), /^ {4}([A-Z][A-Z0-9_]+):/gm),
    ...matches(read("backend/scripts/start.mjs"), /\benv\.([A-Z][A-Z0-9_]+)/g),
    ...matches(read("backend/scripts/start.mjs"), /process\.env\.([A-Z][A-Z0-9_]+)/g),
    ...matches(read("backend/src/scripts/seed.ts"), /process\.env\.([A-Z][A-Z0-9_]+)/g),
    // Medusa's own: the HTTP port of `medusa start`, and no telemetry.
    "PORT",
    "MEDUSA_DISABLE_TELEMETRY",
  ])
  const storefront = new Set([
    ...matches(read("storefront/app/lib/server/env.server.ts"), /^ {2}([A-Z][A-Z0-9_]+):/gm),
    ...matches(read("storefront/scripts/start.mjs"), /setting\("([A-Z][A-Z0-9_]+)"\)/g),
    ...matches(read("storefront/scripts/server.mjs"), /process\.env\.([A-Z][A-Z0-9_]+)/g),
  ])
  const backup = new Set(["BACKUP_DATABASE_URL", "BACKUP_DIR", "PG_BIN", "DRILL_DATABASE_URL"])
  return { backend, storefront, backup }
}

/** The Dockerfile's stages: name → { user, from }. A stage built FROM another stage inherits its USER. */
export function dockerStages(text) {
  const stages = new Map()
  const args = Object.fromEntries(matches(text, /^ARG ([A-Z_]+=\S+)$/gm).map((a) => a.split("=")))
  let current = null
  for (const line of text.split("\n")) {
    const from = line.match(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i)
    if (from) {
      const base = from[1].replace(/^\$\{(\w+)\}$/, (_, name) => args[name] ?? _)
      const parent = stages.get(base)
      current = { name: from[2] ?? `stage${stages.size}`, base, user: parent ? parent.user : "root", lines: [] }
      stages.set(current.name, current)
      continue
    }
    const user = line.match(/^USER\s+(\S+)/)
    if (user && current) current.user = user[1]
    current?.lines.push(line)
  }
  return stages
}

const MODEL_CACHE = new Map()
async function modelFor(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`
  if (!MODEL_CACHE.has(key)) {
    MODEL_CACHE.set(
      key,
      import(`kubernetes-models/${apiVersion}/${kind}`).then(
        (m) => m[kind],
        () => null
      )
    )
  }
  return MODEL_CACHE.get(key)
}

/**
 * Unknown fields (a misspelt `readinesProbe` is valid JSON Schema here: the
 * models allow additional properties) caught by tsc: each object becomes a
 * literal typed with its model's interface. Returns problems per object label.
 */
function unknownFields(objects) {
  const dir = fs.mkdtempSync(path.join(repoDir, "node_modules", ".deploy-check-"))
  try {
    const lines = []
    const owners = []
    objects.forEach(({ doc }, i) => {
      const iface = `I${doc.kind}`
      lines.push(`import type { ${iface} as T${i} } from "kubernetes-models/${doc.apiVersion}/${doc.kind}"`)
    })
    objects.forEach(({ doc, label }, i) => {
      const body = `export const o${i}: T${i} = ${JSON.stringify(doc, null, 2)}`.split("\n")
      for (const l of body) {
        lines.push(l)
        owners[lines.length] = label
      }
    })
    fs.writeFileSync(path.join(dir, "manifests.ts"), `${lines.join("\n")}\n`)
    const tsconfig = {
      compilerOptions: {
        noEmit: true,
        strict: true,
        skipLibCheck: true,
        module: "nodenext",
        moduleResolution: "nodenext",
        types: [],
      },
      files: ["manifests.ts"],
    }
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig))
    const tsc = path.join(repoDir, "node_modules", "typescript", "bin", "tsc")
    const run = spawnSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8" })
    if (run.status === 0) return []
    return run.stdout
      .split("\n")
      .filter((l) => l.includes("error TS"))
      .map((l) => {
        const m = l.match(/manifests\.ts\((\d+),\d+\): error TS\d+: (.*)/)
        return m ? `${owners[Number(m[1])] ?? "k8s"}: ${m[2]}` : l
      })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function composeConfig(deployDir, envFile, extraEnv = {}) {
  const env = { ...process.env, ...extraEnv }
  // Variables of the shell must not stand in for a missing env file entry.
  for (const name of Object.keys(env))
    if (name in extraEnv === false && /^(LIANXIN_|MEILI_|JWT_|COOKIE_|SESSION_|POSTGRES_)/.test(name)) delete env[name]
  return spawnSync("docker-compose", ["--env-file", envFile, "-f", path.join(deployDir, "compose.yaml"), "config"], {
    encoding: "utf8",
    env,
    cwd: deployDir,
  })
}

/** Runs the checks on `deployDir`; `groups` limits them (compose, k8s, docs; the Dockerfile is always read). */
export async function runChecks({
  deployDir = path.join(repoDir, "deploy"),
  groups = ["compose", "k8s", "docs"],
} = {}) {
  const want = (group) => groups.includes(group)
  const problems = []
  const passed = []
  const known = knownVariables()

  // Dockerfile: multi-stage, Node 20, npm ci, npm run build, every runtime target non-root.
  const dockerfile = fs.readFileSync(path.join(deployDir, "Dockerfile"), "utf8")
  const stages = dockerStages(dockerfile)
  // The Docker language service's validator: instructions, their arguments and flags, stage names.
  const diagnostics = validateDockerfile(dockerfile)
  for (const d of diagnostics) problems.push(`Dockerfile:${d.range.start.line + 1}: ${d.message}`)
  if (stages.size < 2) problems.push("Dockerfile: not multi-stage")
  if (!/^ARG NODE_IMAGE=node:20[-.\w]*$/m.test(dockerfile)) problems.push("Dockerfile: the Node image is not Node 20")
  if (!/\bnpm ci\b/.test(dockerfile)) problems.push("Dockerfile: no `npm ci`")
  if (!/\bnpm run build\b/.test(dockerfile)) problems.push("Dockerfile: no `npm run build`")
  for (const target of ["backend", "storefront", "backup"]) {
    const stage = stages.get(target)
    if (!stage) problems.push(`Dockerfile: no stage "${target}"`)
    else if (["root", "0"].includes(stage.user)) problems.push(`Dockerfile: stage "${target}" runs as root`)
  }
  passed.push(
    `Dockerfile: ${diagnostics.length} dockerfile-utils diagnostics; ${stages.size} stages (${[...stages.keys()].join(", ")}); backend, storefront, backup run as non-root`
  )

  // Compose: docker-compose validates and resolves; then the topology on the resolved file.
  const envExample = path.join(deployDir, "env.example")
  const composeRun = want("compose") ? composeConfig(deployDir, envExample) : null
  if (!composeRun) {
    // not asked for
  } else if (composeRun.error) {
    problems.push(
      `docker-compose could not run (${composeRun.error.code}): install Debian's docker-compose (apt-get install docker-compose; .ci/run does)`
    )
  } else if (composeRun.status !== 0) {
    problems.push(`compose.yaml: docker-compose config refused it: ${composeRun.stderr.trim()}`)
  } else {
    const compose = parseYaml(composeRun.stdout)
    const services = compose.services ?? {}
    const envOf = (s) => services[s]?.environment ?? {}
    const backendServices = Object.keys(services).filter((s) => services[s].build?.target === "backend")
    const storefronts = Object.keys(services).filter((s) => services[s].build?.target === "storefront")
    const modes = backendServices.filter((s) => s !== "migrate").map((s) => envOf(s).MEDUSA_WORKER_MODE)
    if (modes.filter((m) => m === "server").length !== 2)
      problems.push(
        `compose.yaml: ${modes.filter((m) => m === "server").length} backend services in server mode, want 2`
      )
    if (modes.filter((m) => m === "worker").length !== 1)
      problems.push(`compose.yaml: ${modes.filter((m) => m === "worker").length} workers, want exactly 1`)
    if (modes.some((m) => m !== "server" && m !== "worker"))
      problems.push("compose.yaml: a backend service without MEDUSA_WORKER_MODE server or worker")
    if (!services.migrate?.command?.join(" ").includes("--seed-only"))
      problems.push("compose.yaml: the migrate service does not run start.mjs --seed-only")
    for (const s of [...backendServices.filter((s) => s !== "migrate"), ...storefronts]) {
      if (services[s].depends_on?.migrate?.condition !== "service_completed_successfully") {
        problems.push(`compose.yaml: ${s} does not wait for migrate to complete`)
      }
    }
    if (storefronts.length !== 2) problems.push(`compose.yaml: ${storefronts.length} storefronts, want 2`)
    const secrets = new Set(storefronts.map((s) => envOf(s).SESSION_SECRET))
    if (secrets.size !== 1 || !([...secrets][0]?.length >= 32))
      problems.push("compose.yaml: the storefronts do not share one SESSION_SECRET of 32+ characters")
    for (const s of backendServices) {
      for (const name of Object.keys(envOf(s)))
        if (!known.backend.has(name)) problems.push(`compose.yaml: ${s} sets ${name}, which the backend does not read`)
    }
    for (const s of storefronts) {
      for (const name of Object.keys(envOf(s)))
        if (!known.storefront.has(name))
          problems.push(`compose.yaml: ${s} sets ${name}, which the storefront does not read`)
    }
    for (const [name, service] of Object.entries(services)) {
      if (service.build && !stages.has(service.build.target))
        problems.push(`compose.yaml: ${name} builds target ${service.build.target}, which the Dockerfile lacks`)
      for (const dep of Object.keys(service.depends_on ?? {})) {
        if (service.depends_on[dep].condition === "service_healthy" && !services[dep]?.healthcheck)
          problems.push(`compose.yaml: ${name} waits for ${dep} to be healthy, which has no healthcheck`)
      }
    }
    const nginx = fs.readFileSync(path.join(deployDir, "nginx", "lianxin.conf"), "utf8")
    for (const host of matches(nginx, /^\s*server ([\w-]+):\d+/gm)) {
      if (!services[host]) problems.push(`nginx/lianxin.conf: upstream ${host} is not a compose service`)
    }
    passed.push(
      `compose.yaml: docker-compose config accepts it; ${Object.keys(services).length} services, servers ×2 + worker ×1 + storefronts ×2 after migrate`
    )

    const refused = composeConfig(deployDir, os.devNull)
    if (refused.status === 0)
      problems.push("compose.yaml: docker-compose config accepts it without any secret (give secrets the VAR:? form)")
    else passed.push("compose.yaml: refused without the secrets (their VAR:? form)")
  }

  if (want("k8s")) await checkKubernetes({ deployDir, stages, known, problems, passed })
  if (want("docs")) checkDocs({ problems, passed })
  return { problems, passed }
}

/** Kubernetes: schema, unknown fields, topology, references. */
async function checkKubernetes({ deployDir, stages, known, problems, passed }) {
  const k8sDir = path.join(deployDir, "k8s")
  const objects = []
  const files = fs
    .readdirSync(k8sDir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
  for (const file of files) {
    for (const [i, parsed] of parseAllDocuments(fs.readFileSync(path.join(k8sDir, file), "utf8")).entries()) {
      if (parsed.errors.length) {
        problems.push(`k8s/${file} #${i + 1}: ${parsed.errors[0].message}`)
        continue
      }
      const doc = parsed.toJS()
      if (doc) objects.push({ file, doc, label: `k8s/${file} ${doc.kind} ${doc.metadata?.name ?? ""}`.trim() })
    }
  }
  const kustomization = objects.find((o) => o.doc.kind === "Kustomization")
  const apiObjects = objects.filter((o) => o !== kustomization)
  if (!kustomization) problems.push("k8s: no kustomization.yaml")
  else {
    const listed = new Set(kustomization.doc.resources ?? [])
    for (const r of listed)
      if (!files.includes(r)) problems.push(`k8s/kustomization.yaml: lists ${r}, which does not exist`)
    for (const f of files) {
      if (!listed.has(f) && !["kustomization.yaml", "secret.example.yaml", "migrate-job.yaml"].includes(f))
        problems.push(`k8s/${f} is not in kustomization.yaml`)
    }
  }
  // kustomize renders the set (kubectl's built-in kustomize needs no cluster); present on this machine kind, optional elsewhere.
  const kustomize = spawnSync("kubectl", ["kustomize", k8sDir], { encoding: "utf8" })
  if (kustomize.error) passed.push("k8s: kustomize build skipped (no kubectl on PATH)")
  else if (kustomize.status !== 0) problems.push(`k8s: kubectl kustomize failed: ${kustomize.stderr.trim()}`)
  else {
    const rendered = parseAllDocuments(kustomize.stdout).filter((d) => d.toJS())
    const listed = apiObjects.filter((o) => kustomization?.doc.resources?.includes(o.file))
    if (rendered.length !== listed.length)
      problems.push(
        `k8s: kubectl kustomize rendered ${rendered.length} objects, the listed files hold ${listed.length}`
      )
    else passed.push(`k8s: kubectl kustomize renders all ${rendered.length} objects of kustomization.yaml`)
  }
  const valid = []
  for (const o of apiObjects) {
    const Model = await modelFor(o.doc.apiVersion, o.doc.kind)
    if (!Model) {
      problems.push(`${o.label}: unknown apiVersion/kind ${o.doc.apiVersion} ${o.doc.kind}`)
      continue
    }
    try {
      new Model(o.doc).validate()
      valid.push(o)
    } catch (error) {
      problems.push(`${o.label}: ${error.message}`)
    }
  }
  const strict = unknownFields(valid)
  problems.push(...strict)
  passed.push(
    `k8s: ${valid.length}/${apiObjects.length} objects valid against the Kubernetes schemas (kubernetes-models), ${strict.length} unknown fields`
  )

  const byKind = (kind) => apiObjects.filter((o) => o.doc.kind === kind)
  const named = (kind, name) => byKind(kind).find((o) => o.doc.metadata?.name === name)?.doc
  const workloads = [...byKind("Deployment"), ...byKind("StatefulSet")]
  const podSpec = (doc) =>
    doc.kind === "CronJob" ? doc.spec?.jobTemplate?.spec?.template?.spec : doc.spec?.template?.spec
  const podLabels = (doc) =>
    (doc.kind === "CronJob" ? doc.spec?.jobTemplate?.spec?.template : doc.spec?.template)?.metadata?.labels ?? {}
  const envOfContainer = (c) => Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value]))

  const expectations = [
    ["lianxin-server", 2, "server"],
    ["lianxin-worker", 1, "worker"],
    ["lianxin-storefront", 2, null],
  ]
  for (const [name, replicas, mode] of expectations) {
    const d = named("Deployment", name)
    if (!d) {
      problems.push(`k8s: no Deployment ${name}`)
      continue
    }
    if (d.spec?.replicas !== replicas)
      problems.push(`k8s: Deployment ${name} has ${d.spec?.replicas} replicas, want ${replicas}`)
    const env = envOfContainer(podSpec(d).containers[0])
    if (mode && env.MEDUSA_WORKER_MODE !== mode)
      problems.push(`k8s: Deployment ${name} runs MEDUSA_WORKER_MODE=${env.MEDUSA_WORKER_MODE}, want ${mode}`)
  }
  if (named("Deployment", "lianxin-worker")?.spec?.strategy?.type !== "Recreate")
    problems.push("k8s: the worker's strategy is not Recreate (two workers would overlap in a rollout)")
  const job = byKind("Job").find((o) =>
    podSpec(o.doc)?.containers?.some((c) => [...(c.command ?? []), ...(c.args ?? [])].join(" ").includes("--seed-only"))
  )
  if (!job) problems.push("k8s: no Job runs the migrations (start.mjs --seed-only)")

  const configMaps = new Map(byKind("ConfigMap").map((o) => [o.doc.metadata.name, o.doc.data ?? {}]))
  const secrets = new Map(
    byKind("Secret").map((o) => [o.doc.metadata.name, { ...(o.doc.data ?? {}), ...(o.doc.stringData ?? {}) }])
  )
  const claims = new Set(byKind("PersistentVolumeClaim").map((o) => o.doc.metadata.name))
  const podOwners = [...workloads, ...byKind("Job"), ...byKind("CronJob")]
  let probed = 0
  for (const o of podOwners) {
    const spec = podSpec(o.doc)
    for (const c of spec?.containers ?? []) {
      const image = c.image ?? ""
      const component = image.includes("lianxin/backend")
        ? "backend"
        : image.includes("lianxin/storefront")
          ? "storefront"
          : image.includes("lianxin/backup")
            ? "backup"
            : null
      for (const target of ["backend", "storefront", "backup"]) {
        if (image.includes(`lianxin/${target}`) && !stages.has(target))
          problems.push(`${o.label}: image ${image} has no Dockerfile target`)
      }
      const names = new Set((c.env ?? []).map((e) => e.name))
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef ?? e.valueFrom?.configMapKeyRef
        if (!ref || ref.optional) continue
        const store = e.valueFrom.secretKeyRef ? secrets : configMaps
        const kind = e.valueFrom.secretKeyRef ? "Secret" : "ConfigMap"
        if (!store.has(ref.name))
          problems.push(`${o.label}: ${e.name} refers to ${kind} ${ref.name}, which is not defined`)
        else if (!(ref.key in store.get(ref.name)))
          problems.push(`${o.label}: ${e.name} refers to key ${ref.key} missing from ${kind} ${ref.name}`)
      }
      for (const from of c.envFrom ?? []) {
        const ref = from.secretRef ?? from.configMapRef
        const store = from.secretRef ? secrets : configMaps
        if (!store.has(ref.name)) {
          if (!ref.optional)
            problems.push(`${o.label}: envFrom ${from.secretRef ? "Secret" : "ConfigMap"} ${ref.name} is not defined`)
          continue
        }
        for (const key of Object.keys(store.get(ref.name))) names.add(key)
      }
      if (component && component !== "backup") {
        for (const name of names)
          if (!known[component].has(name))
            problems.push(`${o.label}: sets ${name}, which the ${component} does not read`)
      }
      if (o.doc.kind === "Deployment" && component) {
        const health = component === "backend" ? "/health" : "/healthz"
        const ports = new Set((c.ports ?? []).flatMap((p) => [p.name, p.containerPort]))
        for (const probe of ["readinessProbe", "livenessProbe"]) {
          const get = c[probe]?.httpGet
          if (!get) problems.push(`${o.label}: container ${c.name} has no ${probe} (httpGet)`)
          else if (get.path !== health) problems.push(`${o.label}: ${probe} asks ${get.path}, want ${health}`)
          else if (!ports.has(get.port)) problems.push(`${o.label}: ${probe} port ${get.port} is not a container port`)
          else probed += 1
        }
        if (names.has("DATABASE_MIGRATION_URL"))
          problems.push(
            `${o.label}: a running ${component} sees DATABASE_MIGRATION_URL (the owner's URL is the migrate Job's only, decision 011)`
          )
      }
    }
    for (const v of spec?.volumes ?? []) {
      if (v.persistentVolumeClaim && !claims.has(v.persistentVolumeClaim.claimName))
        problems.push(`${o.label}: volume ${v.name} claims ${v.persistentVolumeClaim.claimName}, which is not defined`)
    }
  }
  for (const s of byKind("Service")) {
    const selector = s.doc.spec?.selector ?? {}
    const targets = podOwners.filter((o) => Object.entries(selector).every(([k, v]) => podLabels(o.doc)[k] === v))
    if (!targets.length) problems.push(`${s.label}: its selector matches no pods`)
    for (const port of s.doc.spec?.ports ?? []) {
      const ok = targets.some((t) =>
        podSpec(t.doc).containers.some((c) =>
          (c.ports ?? []).some((p) => p.name === port.targetPort || p.containerPort === port.targetPort)
        )
      )
      if (targets.length && !ok) problems.push(`${s.label}: targetPort ${port.targetPort} is no port of its pods`)
    }
  }
  for (const ing of byKind("Ingress")) {
    for (const rule of ing.doc.spec?.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        const svc = named("Service", p.backend?.service?.name)
        if (!svc)
          problems.push(`${ing.label}: ${rule.host} goes to Service ${p.backend?.service?.name}, which is not defined`)
        else if (
          !svc.spec.ports.some(
            (sp) => sp.name === p.backend.service.port?.name || sp.port === p.backend.service.port?.number
          )
        ) {
          problems.push(`${ing.label}: ${rule.host} uses a port Service ${svc.metadata.name} lacks`)
        }
      }
    }
  }
  passed.push(
    `k8s: servers ×2, worker ×1 (Recreate), storefronts ×2, a migrate Job; ${probed} probes on /health and /healthz; references between objects resolve`
  )
}

function checkDocs({ problems, passed }) {
  const docs = read("docs/deploy.md")
  // docs/deploy.md documents every variable the backend and the storefront read.
  const documented = new Set(matches(docs, /`([A-Z][A-Z0-9_]+)`/g))
  const envSchemas = [
    ...matches(read("backend/src/config/env.ts"), /^ {4}([A-Z][A-Z0-9_]+):/gm),
    ...matches(read("storefront/app/lib/server/env.server.ts"), /^ {2}([A-Z][A-Z0-9_]+):/gm),
  ]
  const undocumented = [...new Set(envSchemas)].filter((v) => !documented.has(v) && v !== "LIANXIN_CONFIG_PHASE")
  for (const v of undocumented) problems.push(`docs/deploy.md does not document ${v}`)
  passed.push(
    `docs/deploy.md: documents all ${new Set(envSchemas).size - 1} variables of the backend and storefront schemas`
  )
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--dir")
  const started = Date.now()
  const { problems, passed } = await runChecks(i > 0 ? { deployDir: path.resolve(process.argv[i + 1]) } : {})
  for (const p of passed) console.log(`[deploy:check] checked ${p}`)
  for (const p of problems) console.error(`[deploy:check] FAIL ${p}`)
  console.log(
    `[deploy:check] ${problems.length ? "FAILED" : "passed"} in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
  process.exit(problems.length ? 1 : 0)
}
