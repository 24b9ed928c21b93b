import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { parseBackendEnv } from "./src/config/env"
import { buildMedusaConfig } from "./src/config/medusa"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig(buildMedusaConfig(parseBackendEnv(process.env)))
