import fs from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SCENARIOS, seed, type ScenarioName } from "@lianxin/seed"
import { parseBackendEnv } from "../config/env"
import { onlinePaymentProviderIds } from "../config/medusa"

/**
 * `medusa exec ./src/scripts/seed.ts`: base setup plus a named scenario
 * (LIANXIN_SEED_SCENARIO, default demo) on an empty database, then the
 * publishable key written where the storefront's start script reads it.
 * Runs at every `npm start`: the online payment providers (when Stripe is
 * configured) join the regions here too.
 */
export default async function seedScript({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const requested = process.env.LIANXIN_SEED_SCENARIO ?? "demo"
  if (!(requested in SCENARIOS)) {
    throw new Error(`LIANXIN_SEED_SCENARIO must be one of ${Object.keys(SCENARIOS).join(", ")} (got "${requested}")`)
  }
  const result = await seed(container, requested as ScenarioName)
  logger.info(
    result.applied
      ? `Seeded scenario "${result.scenario}".`
      : `Database already holds scenario "${result.scenario}": nothing seeded.`
  )
  // Stripe configured (docs/payments.md): its providers are offered in every region, once.
  const online = onlinePaymentProviderIds(parseBackendEnv(process.env))
  if (online.length) {
    // `medusa exec` does not load the plugin's workflows into the engine by itself.
    require("@lianxin/plugin/workflows")
    await container.resolve(Modules.WORKFLOW_ENGINE).run("enable-online-payments", { input: { provider_ids: online } })
  }
  const keyFile = process.env.LIANXIN_PUBLISHABLE_KEY_FILE
  if (keyFile) {
    fs.mkdirSync(path.dirname(keyFile), { recursive: true })
    fs.writeFileSync(keyFile, `${result.publishableKey}\n`)
    logger.info(`Publishable key written to ${keyFile}`)
  }
}
