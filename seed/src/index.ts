import type { MedusaContainer } from "@medusajs/framework/types"
import { appliedScenario, ensureBase, markScenario, type BaseSetup } from "./base"
import { SCENARIOS, type ScenarioName } from "./scenarios"

export { appliedScenario, ensureBase } from "./base"
export type { BaseSetup } from "./base"
export * from "./constants"
export { SCENARIOS } from "./scenarios"
export type { Scenario, ScenarioName } from "./scenarios"
export { E2E } from "./scenarios/e2e-fixtures"
export type { E2EProduct, E2EProductKey } from "./scenarios/e2e-fixtures"
export * from "./data"
export { fenToAmount } from "./money"
export { EMOJI_PACKAGE, emojiFilePath } from "./emoji"

export type SeedResult = BaseSetup & { scenario: string; applied: boolean }

/**
 * Ensures the base setup, then applies `scenario` only when the database has
 * no scenario yet. Safe to run on every start.
 */
export async function seed(container: MedusaContainer, scenario: ScenarioName): Promise<SeedResult> {
  const base = await ensureBase(container)
  const already = await appliedScenario(container)
  if (already) {
    return { ...base, scenario: already, applied: false }
  }
  await SCENARIOS[scenario](container, base)
  await markScenario(container, scenario)
  return { ...base, scenario, applied: true }
}
