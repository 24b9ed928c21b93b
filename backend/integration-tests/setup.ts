// Medusa loads medusa-config.ts and module files with plain `require`, so the
// test process needs ts-node (swc) and tsconfig paths registered.
import "ts-node/register/transpile-only"
import "tsconfig-paths/register"
import { MetadataStorage } from "@medusajs/framework/mikro-orm/core"

process.env.MEDUSA_DISABLE_TELEMETRY = "true"
MetadataStorage.clear()

// A fixed key for tests only: registry data written by a test is encrypted with it.
process.env.LIANXIN_REGISTRY_KEY ??= Buffer.alloc(32, 7).toString("base64")
process.env.LIANXIN_PICKUP_KEY ??= Buffer.alloc(32, 9).toString("base64")

// The edge that backend/instrumentation.ts installs for `medusa start`: the
// app the runner creates gets it too (headers, input guard before every route).
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("@lianxin/plugin/utils/http-edge").installHttpEdge()
