import { createElement } from "react"
import { renderToString } from "react-dom/server"
import { createMemoryRouter, RouterProvider } from "react-router"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { HarvestRow } from "../../lib/server/office/pickups.server"
import { ManifestTables } from "./manifest-tables"

/** The harvest table as staff and farmers read it: producers by public code and name, not by id. */
function render(harvest: HarvestRow[]): string {
  const router = createMemoryRouter(
    [{ id: "root", path: "/", Component: () => createElement(ManifestTables, { pickup: [], harvest }) }],
    {
      initialEntries: ["/"],
      hydrationData: { loaderData: { root: { lang: "zh-CN" } } },
    }
  )
  return renderToString(createElement(RouterProvider, { router })).replace(/<!-- -->/g, "")
}

const row = (over: Partial<HarvestRow>): HarvestRow => ({
  producer: "household:hh_1",
  householdIds: "hh_1",
  householdCodes: "",
  householdNames: "",
  cooperativeId: "",
  cooperativeName: "",
  variantId: "variant_apple",
  title: "苹果",
  quantity: 5,
  ...over,
})

describe("harvest table", () => {
  // A memory router on the server warns that its layout effects do nothing there; that is all it warns about.
  const realError = console.error
  beforeEach(() => {
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      if (String(args[0]).includes("useLayoutEffect does nothing on the server")) return
      realError(...args)
    })
  })
  afterEach(() => vi.restoreAllMocks())

  it("shows the household's code and name and the cooperative's name instead of ids", () => {
    const html = render([
      row({ householdCodes: "YN-LC-001", householdNames: "李家" }),
      row({
        producer: "cooperative:coop_1",
        householdIds: "hh_2 hh_3",
        householdCodes: "YN-LC-002 YN-LC-003",
        householdNames: "王家、张家",
        cooperativeId: "coop_1",
        cooperativeName: "连城合作社",
        variantId: "variant_rice",
        title: "大米",
      }),
    ])
    expect(html).toContain("YN-LC-001 李家")
    expect(html).toContain("连城合作社")
    expect(html).toContain("YN-LC-002 王家、YN-LC-003 张家")
    expect(html).not.toMatch(/hh_[123]|coop_1/)
  })

  it("falls back to the id, muted, when no name could be read", () => {
    expect(render([row({})])).toMatch(/text-stone-500">hh_1</)
  })
})
