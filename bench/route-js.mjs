#!/usr/bin/env node
// The JavaScript a phone downloads for one storefront route, measured from a
// production build without a running server: the client entry, the root route
// and the route's own module with every chunk they import (what the HTML
// modulepreloads), each file counted once, gzip -9.
//
//   npm run build -w @lianxin/storefront && node bench/route-js.mjs [routes/product ...]
//
// Same figure as the "product page JavaScript" line of storefront-render.mjs,
// which reads the live page instead.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

const client = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../storefront/build/client")
const assets = path.join(client, "assets")
const manifestFile = fs.readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f))
if (!manifestFile) throw new Error(`no manifest in ${assets}: build the storefront first`)
const manifest = JSON.parse(
  fs
    .readFileSync(path.join(assets, manifestFile), "utf8")
    .replace(/^window\.__reactRouterManifest=/, "")
    .replace(/;?\s*$/, "")
)

const routes = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ["routes/home", "routes/product", "routes/checkout"]
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`

for (const id of routes) {
  const chain = [manifest.entry, manifest.routes.root]
  for (let r = manifest.routes[id]; r; r = r.parentId && r.parentId !== "root" ? manifest.routes[r.parentId] : null)
    chain.push(r)
  if (!manifest.routes[id]) throw new Error(`no route ${id}; known: ${Object.keys(manifest.routes).join(", ")}`)
  const files = new Set(chain.flatMap((r) => [r.module, ...(r.imports ?? [])]))
  let raw = 0
  let gzip = 0
  const sizes = []
  for (const f of files) {
    const body = fs.readFileSync(path.join(client, f))
    const z = gzipSync(body, { level: 9 }).length
    raw += body.length
    gzip += z
    sizes.push([z, f])
  }
  sizes.sort((a, b) => b[0] - a[0])
  console.log(`${id}: ${files.size} files, ${kb(raw)} raw, ${kb(gzip)} gzip (gzip -9)`)
  for (const [z, f] of sizes.slice(0, 4)) console.log(`  ${kb(z).padStart(10)}  ${f}`)
}
