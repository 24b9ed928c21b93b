import type { MedusaContainer } from "@medusajs/framework/types"
import type { BaseSetup } from "../base"
import { benchScenario } from "./bench"
import { demoScenario } from "./demo"
import { e2eScenario } from "./e2e"

export type Scenario = (container: MedusaContainer, base: BaseSetup, now?: Date) => Promise<void>

/**
 * `base`: nothing beyond the base setup every scenario gets (store, region, sales channel, the storefront's
 * publishable key): a production database's first start, with no demo catalogue and no demo admin login
 * (operators are created with `medusa user`, docs/deploy.md).
 */
const baseScenario: Scenario = async () => {}

export const SCENARIOS = {
  base: baseScenario,
  demo: demoScenario,
  e2e: e2eScenario,
  bench: benchScenario,
} satisfies Record<string, Scenario>

export type ScenarioName = keyof typeof SCENARIOS
