import type { LinkDefinition } from "@medusajs/framework/types"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { HOUSEHOLD_MODULE } from "../../modules/household"
import { PICKUP_MODULE } from "../../modules/pickup"
import { validateReferencesStep } from "../household/steps/validate-references"

export const linkOfficeHouseholdsWorkflowId = "link-office-households"

/**
 * Records that households were registered through a property office (for
 * households that existed before the office portal, e.g. the seed's). New
 * registrations go through register-office-household instead.
 */
export const linkOfficeHouseholdsWorkflow = createWorkflow(
  linkOfficeHouseholdsWorkflowId,
  (input: { property_office_id: string; household_ids: string[] }) => {
    validateReferencesStep(
      transform({ input }, ({ input }) => [
        {
          entity: "household" as const,
          field: "household_ids",
          ids: input.household_ids,
          missing: "invalid_data" as const,
        },
      ])
    )
    const links = createRemoteLinkStep(
      transform({ input }, ({ input }): LinkDefinition[] =>
        input.household_ids.map((household_id) => ({
          [HOUSEHOLD_MODULE]: { household_id },
          [PICKUP_MODULE]: { property_office_id: input.property_office_id },
        }))
      )
    )
    return new WorkflowResponse(links)
  }
)
