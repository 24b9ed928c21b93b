import type { MedusaContainer } from "@medusajs/framework/types"
import type { BaseSetup } from "./base"

export type Scenario = (container: MedusaContainer, base: BaseSetup) => Promise<void>

export const SCENARIOS = {
  demo: async (_container: MedusaContainer, _base: BaseSetup) => {},
  e2e: async (_container: MedusaContainer, _base: BaseSetup) => {},
} satisfies Record<string, Scenario>

export type ScenarioName = keyof typeof SCENARIOS
