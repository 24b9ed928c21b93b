import type { MedusaContainer } from "@medusajs/framework/types"
import { appliedScenario, ensureBase, markScenario, type BaseSetup } from "./base"
import { SCENARIOS, type ScenarioName } from "./scenarios"

export { appliedScenario, ensureBase } from "./base"
export type { BaseSetup } from "./base"
export { SCENARIOS } from "./scenarios"
export type { ScenarioName } from "./scenarios"

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
