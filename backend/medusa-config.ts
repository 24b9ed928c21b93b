import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { parseBackendEnv } from "./src/config/env"
import { buildMedusaConfig, vanillaMedusaConfig } from "./src/config/medusa"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// LIANXIN_BENCH_VANILLA=1: Medusa without our plugin, for `npm run bench` only (bench/README.md).
module.exports = defineConfig(
  process.env.LIANXIN_BENCH_VANILLA === "1"
    ? vanillaMedusaConfig(process.env)
    : buildMedusaConfig(parseBackendEnv(process.env))
)
