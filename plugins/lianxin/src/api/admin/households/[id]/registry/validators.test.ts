import { describe, expect, it } from "vitest"
import { nationalIdCheckChar } from "../../../../../utils/prc-id"
import { parseBody } from "../../../../utils/validate-body"
import { AdminSetHouseholdRegistry } from "./validators"

const ID = `53092619780315002${nationalIdCheckChar("53092619780315002")}`
const valid = {
  legal_name: "王秀英",
  poverty_status: "registered",
  national_id: ID,
  phone: "13987654321",
  bank: { bank_name: "中国农业银行", account: "6228 4804 0256 4890 018" },
}

const messageOf = async (body: unknown) => {
  try {
    await parseBody(AdminSetHouseholdRegistry, body)
  } catch (e) {
    return (e as Error).message
  }
  return null
}

describe("AdminSetHouseholdRegistry", () => {
  it("accepts and normalises valid registry data", async () => {
    expect(
      await parseBody(AdminSetHouseholdRegistry, { ...valid, legal_name: " 王秀英 ", national_id: ID.toLowerCase() })
    ).toEqual({
      ...valid,
      national_id: ID,
      bank: { bank_name: "中国农业银行", account: "6228480402564890018" },
    })
    expect(await parseBody(AdminSetHouseholdRegistry, { poverty_status: "none", national_id: ID })).toMatchObject({
      poverty_status: "none",
    })
  })

  it("names the field and the rule, never the value", async () => {
    const wrong = ID.slice(0, 17) + (ID[17] === "1" ? "2" : "1")
    const cases: Array<[unknown, string, string]> = [
      [{ ...valid, national_id: wrong }, "national_id: check digit does not match", wrong],
      [{ ...valid, national_id: Number(ID.slice(0, 15)) }, "national_id: must be string", ID.slice(0, 15)],
      [{ ...valid, phone: "12987654321" }, "phone: must be a mainland mobile number", "12987654321"],
      [{ ...valid, phone: 13987654321 }, "phone: must be string", "13987654321"],
      [
        { ...valid, bank: { bank_name: "农行", account: "62284804" } },
        "bank.account: must be 12-19 digits",
        "62284804",
      ],
      [{ ...valid, poverty_status: "poor" }, "poverty_status: must be registered", "poor"],
      [{ ...valid, legal_name: "王".repeat(51) }, "legal_name: must be at most 50 characters", "王王王"],
      [{ ...valid, legal_name: "   " }, "legal_name: must not be empty", "\u0000"],
      [{ ...valid, legal_name: 42 }, "legal_name: must be string", "42"],
      [{ ...valid, secret_extra: ID }, "unrecognized fields: secret_extra", ID],
      [{ poverty_status: "none" }, "national_id: is required", "\u0000"],
    ]
    for (const [body, expected, secret] of cases) {
      const message = await messageOf(body)
      expect(message).toContain(expected)
      expect(message).not.toContain(secret)
    }
  })
})
