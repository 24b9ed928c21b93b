import type { MedusaContainer } from "@medusajs/framework/types"
import type { BaseSetup } from "../base"
import { benchScenario } from "./bench"
import { demoScenario } from "./demo"
import { e2eScenario } from "./e2e"

export type Scenario = (container: MedusaContainer, base: BaseSetup, now?: Date) => Promise<void>

export const SCENARIOS = {
  demo: demoScenario,
  e2e: e2eScenario,
  bench: benchScenario,
} satisfies Record<string, Scenario>

export type ScenarioName = keyof typeof SCENARIOS
