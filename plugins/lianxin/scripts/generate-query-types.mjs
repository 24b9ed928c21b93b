#!/usr/bin/env node
// `npm run codegen` (run first by `npm run build` and `npm run typecheck`): writes .medusa/types/query-entry-points.d.ts,
// the `RemoteQueryEntryPoints` declaration that types `query.graph` results in the plugin's source (decision 028).
//
// A Medusa app gets this file from `medusa build`/`medusa start`; `medusa plugin:build` writes none. This does what
// Medusa's own `generateTypes` does for an app (@medusajs/medusa/dist/commands/utils/generate-types.js), with the
// plugin's modules (from source) and links as the app's: Medusa's feature flags, the link loader, MedusaAppLoader in
// schema-only mode (no database, no module loaders), then Medusa's `gqlSchemaToTypes`. Only the entry points are
// written, not Medusa's modules-bindings.d.ts: that one types the container by importing each module's service,
// which in the backend resolves to the built plugin and collides with the source types.
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"

const pluginDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const require = createRequire(path.join(pluginDir, "package.json"))
process.chdir(pluginDir)
// The modules and links are TypeScript: loaded as Medusa's CLI loads them (ts-node with swc, tsconfig.json).
require("ts-node").register({ project: path.join(pluginDir, "tsconfig.json"), swc: true })

const { LinkLoader, MedusaAppLoader } = require("@medusajs/framework")
const { configManager } = require("@medusajs/framework/config")
const { featureFlagsLoader } = require("@medusajs/framework/feature-flags")
const { logger } = require("@medusajs/framework/logger")
const { MedusaModule } = require("@medusajs/framework/modules-sdk")
const { defineConfig, gqlSchemaToTypes } = require("@medusajs/framework/utils")

const outputDir = path.join(pluginDir, ".medusa", "types")
const modulesDir = path.join(pluginDir, "src", "modules")
const modules = fs
  .readdirSync(modulesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({ resolve: path.join(modulesDir, entry.name) }))

configManager.loadConfig({
  // Never connected to (schemaOnly); Medusa's config validation only wants one.
  projectConfig: defineConfig({ projectConfig: { databaseUrl: "postgres://localhost/schema-only" }, modules }),
  baseDir: pluginDir,
  throwOnValidationError: false,
})
// Medusa's own flags (`medusa build` loads them from @medusajs/medusa): some default modules depend on them.
await featureFlagsLoader(path.join(path.dirname(require.resolve("@medusajs/medusa/package.json")), "dist"))
await new LinkLoader([path.join(pluginDir, "src", "links")], logger).load()
const { gqlSchema } = await new MedusaAppLoader().load({ registerInContainer: false, schemaOnly: true })
if (!gqlSchema) throw new Error("Medusa produced no GraphQL schema for the plugin's modules")

// Written aside, then renamed into place: `turbo run build typecheck` runs this twice at once, and a compiler
// reading the file must never see half of it. An unchanged file is left alone.
// On a fresh clone `.medusa/` does not exist yet (this runs before the first plugin build).
fs.mkdirSync(path.join(pluginDir, ".medusa"), { recursive: true })
const scratchDir = fs.mkdtempSync(path.join(pluginDir, ".medusa", "query-types-"))
try {
  await gqlSchemaToTypes({
    outputDir: scratchDir,
    filename: "query-entry-points",
    interfaceName: "RemoteQueryEntryPoints",
    schema: gqlSchema,
    joinerConfigs: MedusaModule.getAllJoinerConfigs(),
  })
  fs.mkdirSync(outputDir, { recursive: true })
  for (const file of ["query-entry-points.d.ts", "index.d.ts"]) {
    const next = fs.readFileSync(path.join(scratchDir, file), "utf8")
    const target = path.join(outputDir, file)
    if (fs.existsSync(target) && fs.readFileSync(target, "utf8") === next) continue
    fs.renameSync(path.join(scratchDir, file), target)
  }
} finally {
  fs.rmSync(scratchDir, { recursive: true, force: true })
}
logger.info(`query.graph types: ${path.relative(pluginDir, path.join(outputDir, "query-entry-points.d.ts"))}`)
