#!/usr/bin/env node
// `npm run cluster`: the scale-out topology on this machine (docs/deploy.md):
// two Medusa servers and a worker on one PostgreSQL, Redis and Meilisearch, two
// storefronts, and a round-robin proxy in front of each tier. Ctrl-C stops it all.
//
//   DATABASE_URL   shared PostgreSQL (unset: an embedded one, data in .data-cluster/)
//   REDIS_URL      shared Redis (unset: a private redis-server when installed)
//   MEILISEARCH_HOST + MEILISEARCH_API_KEY   (unset: the packaged Meilisearch)
//   LIANXIN_CLUSTER_BACKEND_PORT (9000), LIANXIN_CLUSTER_STOREFRONT_PORT (3000), LIANXIN_CLUSTER_SERVERS (2)
import path from "node:path"
import { repoDir, startCluster } from "./cluster.mjs"

const log = (line) => console.log(`[cluster] ${line}`)
const number = (name, fallback) => {
  const raw = process.env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`[cluster] ${name} must be a whole number between 0 and 65535 (got "${raw}")`)
    process.exit(1)
  }
  return value
}

const dataDir = path.resolve(repoDir, process.env.LIANXIN_CLUSTER_DATA_DIR ?? ".data-cluster")
let cluster = null
let stopping = false
const shutdown = async (code) => {
  if (stopping) return
  stopping = true
  log("stopping…")
  await cluster?.stop()
  log("stopped")
  process.exit(code)
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void shutdown(0))

try {
  cluster = await startCluster({
    dataDir,
    servers: Math.max(1, number("LIANXIN_CLUSTER_SERVERS", 2)),
    backendPort: number("LIANXIN_CLUSTER_BACKEND_PORT", 9000),
    storefrontPort: number("LIANXIN_CLUSTER_STOREFRONT_PORT", 3000),
    log,
  })
} catch (error) {
  console.error(`[cluster] ${error instanceof Error ? error.message : error}`)
  await shutdown(1)
}
log(
  `storefront ${cluster.storefrontUrl}   backend ${cluster.backendUrl}   (logs in ${path.relative(repoDir, dataDir)}/logs)`
)
for (const part of cluster.parts())
  log(`  ${part.name.padEnd(13)} ${String(part.mode ?? part.kind).padEnd(10)} ${part.url}  pid ${part.pid}`)
