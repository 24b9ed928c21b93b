import type { MedusaContainer } from "@medusajs/framework/types"
import { appliedScenario, ensureBase, markScenario, type BaseSetup } from "./base"
import { ensureOrderCycles } from "./pickup-network"
import { SCENARIOS, type ScenarioName } from "./scenarios"

export { appliedScenario, ensureBase } from "./base"
export { ensureOrderCycles } from "./pickup-network"
export { shanghaiAt, shanghaiDay } from "./clock"
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

export type SeedOptions = {
  /** The instant the scenario is seeded at (default: the real time); tests pin it to check any hour of any day. */
  now?: Date
}

/**
 * Ensures the base setup, then applies `scenario` only when the database has
 * no scenario yet, as of `now`. Safe to run on every start: a database seeded
 * days ago gets the daily order cycles of the coming days (its history stays
 * in the past cycles it was placed in).
 */
export async function seed(
  container: MedusaContainer,
  scenario: ScenarioName,
  options: SeedOptions = {}
): Promise<SeedResult> {
  const now = options.now ?? new Date()
  const base = await ensureBase(container)
  const already = await appliedScenario(container)
  if (already) {
    await ensureOrderCycles(container, now)
    return { ...base, scenario: already, applied: false }
  }
  await SCENARIOS[scenario](container, base, now)
  await markScenario(container, scenario)
  return { ...base, scenario, applied: true }
}
