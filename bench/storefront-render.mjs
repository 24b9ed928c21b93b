#!/usr/bin/env node
// Server-render times of the storefront's home and product pages (p50/p95 over
// N sequential requests, after a warm-up) and the gzip size of the JavaScript
// a phone downloads for the product page.
//
//   STOREFRONT_URL=http://localhost:3000 node bench/storefront-render.mjs [--requests 200] [--product e2e-apple] [--compound auto|ppt_…]
//
// Run it against a production build (`npm start`, or the Playwright stack) with
// the backend on the same machine: the times include the loaders' backend calls.
// Requests carry no cookies, like a first visit from a shared link. With --compound, the pages are measured a
// second time as a resident who chose a compound (the lx_compound cookie): they then also read the point, its
// cycles and its availability for "unavailable this cycle" marks. "auto" takes the first point /compound lists.
import { gzipSync } from "node:zlib"

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback
}
const base = (process.env.STOREFRONT_URL ?? "http://localhost:3000").replace(/\/+$/, "")
const requests = Number(option("requests", "200"))
const warmup = 10

async function firstProductHandle() {
  const html = await (await fetch(`${base}/`)).text()
  const match = /href="\/products\/([^"?#]+)"/.exec(html)
  if (!match) throw new Error(`no product link on ${base}/ — is the backend seeded?`)
  return decodeURIComponent(match[1])
}

function percentile(sorted, p) {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]
}

async function firstPointId() {
  const html = await (await fetch(`${base}/compound`)).text()
  const match = /name="pickupPointId" value="(ppt_[A-Za-z0-9]+)"/.exec(html)
  if (!match) throw new Error(`no pickup point listed on ${base}/compound`)
  return match[1]
}

async function measure(path, cookie) {
  const url = `${base}${path}`
  const times = []
  for (let i = 0; i < warmup + requests; i++) {
    const started = performance.now()
    const response = await fetch(url, {
      headers: { "user-agent": "lianxin-bench (Mobile)", ...(cookie ? { cookie } : {}) },
    })
    // The whole streamed document, not just the headers.
    await response.arrayBuffer()
    const ms = performance.now() - started
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
    if (i >= warmup) times.push(ms)
  }
  times.sort((a, b) => a - b)
  const mean = times.reduce((s, t) => s + t, 0) / times.length
  return { path, n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), mean, max: times.at(-1) }
}

/** Every script the product page loads before it is interactive: module scripts and modulepreloads. */
async function productJs(path) {
  const html = await (await fetch(`${base}${path}`)).text()
  const urls = new Set()
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) urls.add(m[1])
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) urls.add(m[1])
  for (const m of html.matchAll(/import\s*\(?\s*"([^"]+\.js)"/g)) urls.add(m[1])
  let raw = 0
  let gzip = 0
  for (const u of urls) {
    const body = Buffer.from(await (await fetch(new URL(u, base))).arrayBuffer())
    raw += body.length
    gzip += gzipSync(body, { level: 9 }).length
  }
  return { files: urls.size, raw, gzip, htmlGzip: gzipSync(Buffer.from(html), { level: 9 }).length }
}

const handle = option("product", undefined) ?? (await firstProductHandle())
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`
console.log(`storefront ${base}: ${requests} sequential requests per page after ${warmup} warm-up, no cookies`)
for (const path of ["/", `/products/${encodeURIComponent(handle)}`]) {
  const r = await measure(path)
  console.log(
    `${r.path.padEnd(30)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  mean ${r.mean.toFixed(1)} ms  max ${r.max.toFixed(1)} ms`
  )
}
const compoundOption = option("compound", undefined)
if (compoundOption) {
  const pointId = compoundOption === "auto" ? await firstPointId() : compoundOption
  console.log(`again with a chosen compound (lx_compound=${pointId}):`)
  for (const path of ["/", `/products/${encodeURIComponent(handle)}`]) {
    const r = await measure(path, `lx_compound=${pointId}`)
    console.log(
      `${r.path.padEnd(30)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  mean ${r.mean.toFixed(1)} ms  max ${r.max.toFixed(1)} ms`
    )
  }
}
const js = await productJs(`/products/${encodeURIComponent(handle)}`)
console.log(
  `product page JavaScript: ${js.files} files, ${kb(js.raw)} raw, ${kb(js.gzip)} gzip (gzip -9); HTML ${kb(js.htmlGzip)} gzip`
)
