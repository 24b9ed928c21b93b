import { describe, expect, it } from "vitest"
import { parseBody } from "../../../../utils/validate-body"
import { AdminSetProductAttribution } from "./validators"

describe("AdminSetProductAttribution", () => {
  it("accepts one household, or a cooperative with shares summing to 10000", async () => {
    await expect(
      parseBody(AdminSetProductAttribution, { shares: [{ household_id: "hh_1", share_bp: 10000 }] })
    ).resolves.toBeTruthy()
    await expect(
      parseBody(AdminSetProductAttribution, {
        cooperative_id: "coop_1",
        shares: [
          { household_id: "hh_1", share_bp: 3334 },
          { household_id: "hh_2", share_bp: 6666 },
        ],
      })
    ).resolves.toBeTruthy()
  })

  it("answers with the field and the sum when proportions are off", async () => {
    await expect(
      parseBody(AdminSetProductAttribution, {
        cooperative_id: "coop_1",
        shares: [
          { household_id: "hh_1", share_bp: 6000 },
          { household_id: "hh_2", share_bp: 3000 },
        ],
      })
    ).rejects.toThrow("Invalid request: shares: proportions must sum to 10000 basis points, got 9000")
  })

  it("names a fractional share", async () => {
    await expect(
      parseBody(AdminSetProductAttribution, {
        cooperative_id: "c",
        shares: [{ household_id: "hh_1", share_bp: 10.5 }],
      })
    ).rejects.toThrow(/shares\.0\.share_bp/)
  })
})
