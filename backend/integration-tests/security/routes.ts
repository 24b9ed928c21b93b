import fs from "node:fs"
import path from "node:path"

/** Where the plugin's file-based API routes live. */
export const API_DIR = path.resolve(__dirname, "../../../plugins/lianxin/src/api")

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"] as const
const EXPORT = new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+(${METHODS.join("|")})\\b`, "g")

/** "GET /admin/households/:id" — a method and a route path as Medusa serves it. */
export type RouteKey = `${(typeof METHODS)[number]} /${string}`

function routeFiles(dir: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) found.push(...routeFiles(full))
    else if (entry.name === "route.ts" || entry.name === "route.js") found.push(full)
  }
  return found
}

/** The URL path of a route file, the way Medusa's file router maps it: `[id]` → `:id`, `(group)` folders dropped. */
export function routePath(file: string, root = API_DIR) {
  const segments = path
    .relative(root, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[\[?\.{0,3}(.+?)\]?\]$/, ":$1"))
  return `/${segments.join("/")}`
}

/**
 * Every (method, path) the plugin serves, read from the route files' exported
 * handlers — so a route added tomorrow shows up here without anyone listing it.
 */
export function pluginRoutes(root = API_DIR): RouteKey[] {
  const keys: RouteKey[] = []
  for (const file of routeFiles(root)) {
    const source = fs.readFileSync(file, "utf8")
    const methods = new Set([...source.matchAll(EXPORT)].map((m) => m[1]))
    if (!methods.size) throw new Error(`${path.relative(root, file)} exports no HTTP method handler`)
    for (const method of methods) keys.push(`${method} ${routePath(file, root)}` as RouteKey)
  }
  return keys.sort()
}
