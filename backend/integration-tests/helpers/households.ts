import { createRequire } from "node:module"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import { productIdByHandle } from "./checkout"

// The app loads the plugin with Node's require: use that same module instance.
const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")

/**
 * A new village with one household that owns every share (100%, no
 * cooperative) of the products with these handles, so their sales accrue to
 * it in the ledger; made through the plugin's workflows.
 */
export async function createHouseholdOwning(
  container: MedusaContainer,
  api: AxiosInstance,
  publishableKey: string,
  owner: {
    village: { code: string; name: string; township: string; county: string; province: string }
    household: { code: string; display_name: string }
    handles: string[]
  }
): Promise<{ village_id: string; household_id: string }> {
  const {
    result: [village],
  } = await wf.createVillagesWorkflow(container).run({ input: { villages: [owner.village] } })
  const {
    result: [household],
  } = await wf.createHouseholdsWorkflow(container).run({
    input: { households: [{ ...owner.household, village_id: village.id }] },
  })
  for (const handle of owner.handles) {
    await wf.attributeProductWorkflow(container).run({
      input: {
        product_id: await productIdByHandle(api, publishableKey, handle),
        cooperative_id: null,
        shares: [{ household_id: household.id, share_bp: 10000 }],
      },
    })
  }
  return { village_id: village.id, household_id: household.id }
}
