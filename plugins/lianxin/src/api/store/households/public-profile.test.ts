import { describe, expect, it } from "vitest"
import { toPublicHouseholdProfile, type HouseholdForProfile } from "./public-profile"

const product = (id: string, extra: Record<string, unknown> = {}) => ({
  attribution: {
    product: {
      id,
      handle: `h-${id}`,
      title: `茶 ${id}`,
      thumbnail: null,
      status: "published",
      sales_channels: [{ id: "sc_1" }],
      ...extra,
    },
  },
})

const household = (consent: boolean): HouseholdForProfile & Record<string, unknown> => ({
  code: "YN-LC-007",
  display_name: "李大姐",
  story: "古树茶",
  photo_url: "https://img.example.com/li.jpg",
  public_profile_consent: consent,
  village: { name: "邦东村", township: "邦东乡", county: "临翔区", province: "云南省" },
  // Anything else a query might return must not leak.
  id: "hh_1",
  metadata: { national_id: "11010519491231002X" },
  attribution_shares: [
    product("p1"),
    product("p1"),
    product("p2", { status: "draft" }),
    product("p3", { sales_channels: [{ id: "sc_other" }] }),
    product("p4"),
    { attribution: null },
  ],
})

const options = { salesChannelIds: ["sc_1"], productLimit: 10 }

describe("toPublicHouseholdProfile", () => {
  it("shows only code, village and products without public-profile consent", () => {
    expect(toPublicHouseholdProfile(household(false), options)).toEqual({
      code: "YN-LC-007",
      public_profile: false,
      village: { name: "邦东村", township: "邦东乡", county: "临翔区", province: "云南省" },
      products: [
        { id: "p1", handle: "h-p1", title: "茶 p1", thumbnail: null },
        { id: "p4", handle: "h-p4", title: "茶 p4", thumbnail: null },
      ],
    })
  })

  it("adds display name, story and photo with consent, and nothing else", () => {
    const profile = toPublicHouseholdProfile(household(true), options)
    expect(profile).toMatchObject({
      display_name: "李大姐",
      story: "古树茶",
      photo_url: "https://img.example.com/li.jpg",
    })
    expect(Object.keys(profile).sort()).toEqual(
      ["code", "display_name", "photo_url", "products", "public_profile", "story", "village"].sort()
    )
    expect(JSON.stringify(profile)).not.toContain("11010519491231002X")
    expect(JSON.stringify(profile)).not.toContain("hh_1")
  })

  it("limits the products", () => {
    expect(toPublicHouseholdProfile(household(true), { ...options, productLimit: 1 }).products).toHaveLength(1)
  })
})
