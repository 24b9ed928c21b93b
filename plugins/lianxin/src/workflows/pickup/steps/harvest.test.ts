import { describe, expect, it } from "vitest"
import { NAMED_HARVEST_COLUMNS, withProducerNames } from "./harvest"
import type { Query } from "./service"

const row = (over: Record<string, unknown> = {}) => ({
  producer: "household:hh_2",
  household_ids: "hh_2",
  cooperative_id: "coop_1",
  product_id: "prod_1",
  variant_id: "v_1",
  title: "苹果",
  quantity: 2,
  ...over,
})

function fakeQuery() {
  const calls: any[] = []
  const tables: Record<string, any[]> = {
    household: [
      { id: "hh_1", code: "YN-LC-001", display_name: "李家" },
      { id: "hh_2", code: "YN-LC-002", display_name: "王家" },
    ],
    cooperative: [{ id: "coop_1", name: "连城合作社" }],
  }
  return {
    calls,
    // Only what the code under test calls; Medusa's query types the entry points generically.
    graph: (async (args: any) => {
      calls.push(args)
      return { data: tables[args.entity].filter((r) => args.filters.id.includes(r.id)) }
    }) as unknown as Query["graph"],
  }
}

describe("withProducerNames", () => {
  it("adds household codes and names in household_ids order and the cooperative name", async () => {
    const query = fakeQuery()
    const [named] = await withProducerNames(query, [
      row({ producer: "cooperative:coop_1", household_ids: "hh_2 hh_1 hh_gone" }),
    ])
    expect(named).toMatchObject({
      household_codes: "YN-LC-002 YN-LC-001",
      household_names: "王家、李家",
      cooperative_name: "连城合作社",
    })
    expect(query.calls.find((c) => c.entity === "household").fields).toEqual(["id", "code", "display_name"])
  })

  it("keeps rows frozen with names as they are and reads nothing for them", async () => {
    const query = fakeQuery()
    const frozen = row({ household_codes: "OLD-001", household_names: "旧名", cooperative_name: "旧社" })
    expect(await withProducerNames(query, [frozen])).toEqual([frozen])
    expect(query.calls).toEqual([])
  })

  it("lists the code and name columns in the CSV next to the ids", () => {
    expect(NAMED_HARVEST_COLUMNS.slice(0, 6)).toEqual([
      "producer",
      "household_ids",
      "household_codes",
      "household_names",
      "cooperative_id",
      "cooperative_name",
    ])
    expect(NAMED_HARVEST_COLUMNS.at(-1)).toBe("section")
  })
})
