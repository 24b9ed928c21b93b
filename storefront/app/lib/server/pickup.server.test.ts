import { describe, expect, it } from "vitest"
import { createPickupApi } from "./pickup.server"
import { compoundCookie } from "./session.server"
import { fakeStore } from "./testing/fake-store"

const point = (id: string, compound: string, city = "杭州市") => ({
  id,
  code: id.toUpperCase(),
  name: "物业前台",
  office: { compound_name: compound, address: "幸福路 1 号", city, district: "西湖区" },
})

describe("pickup api", () => {
  it("reports 'not available yet' while the pickup routes are missing", async () => {
    const api = createPickupApi(fakeStore({}).store)
    expect(await api.searchPoints("幸福")).toEqual({ available: false, points: [] })
    expect(await api.cycles("ppt_1")).toEqual({ available: false, cycles: [] })
    expect(await api.orderPickup("order_1", "jwt")).toBeNull()
    await expect(api.assignCart("cart_1", "ppt_1")).resolves.toBeUndefined()
  })

  it("searches by 小区 name and falls back to the city", async () => {
    const { store, calls } = fakeStore({
      "GET /store/pickup-points": (_p, init) => ({
        pickup_points: init.query?.city === "杭州市" ? [point("ppt_1", "幸福里")] : init.query?.q === "杭州市" ? [] : [point("ppt_1", "幸福里")],
      }),
    })
    const api = createPickupApi(store)
    expect((await api.searchPoints("杭州市")).points.map((p) => p.compoundName)).toEqual(["幸福里"])
    expect(calls.map((c) => c.init.query)).toEqual([
      { q: "杭州市", limit: 20 },
      { city: "杭州市", limit: 20 },
    ])
  })

  it("reads the chosen compound from its cookie and the open cycles", async () => {
    const { store } = fakeStore({
      "GET /store/pickup-points": () => ({ pickup_points: [point("ppt_01ABCDEFGHJK", "幸福里")] }),
      "GET /store/pickup-points/:id/cycles": () => ({
        order_cycles: [
          {
            id: "pcyc_1",
            name: "11月30日",
            resident_cutoff_at: "2026-11-29T14:00:00Z",
            pickup_starts_at: "2026-11-30T08:00:00Z",
            pickup_ends_at: "2026-11-30T12:00:00Z",
            places_left: { chilled: 0, ambient: 0 },
          },
        ],
      }),
    })
    const api = createPickupApi(store)
    const request = new Request("http://shop.test/", { headers: { Cookie: compoundCookie("ppt_01ABCDEFGHJK").split(";")[0]! } })
    expect((await api.chosenPoint(request))?.compoundName).toBe("幸福里")
    expect(await api.cycles("ppt_01ABCDEFGHJK")).toEqual({
      available: true,
      cycles: [{ id: "pcyc_1", name: "11月30日", cutoffAt: "2026-11-29T14:00:00Z", pickupStartsAt: "2026-11-30T08:00:00Z", pickupEndsAt: "2026-11-30T12:00:00Z", full: true }],
    })
  })

  it("never asks for a guest's pickup (the route is for signed-in residents)", async () => {
    const { store, calls } = fakeStore({})
    expect(await createPickupApi(store).orderPickup("order_1")).toBeNull()
    expect(calls).toEqual([])
  })

  it("gives the office's phone and hours; odd hours are dropped, never the point", async () => {
    const withOffice = (office: Record<string, unknown>) => ({ ...point("ppt_1", "幸福里"), office: { ...point("ppt_1", "幸福里").office, ...office } })
    const { store } = fakeStore({
      "GET /store/pickup-points": () => ({
        pickup_points: [
          withOffice({ phone: "0571-88880000", opening_hours: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: "08:00", closes: "20:30" }] }),
          { ...withOffice({ phone: null, opening_hours: "8-20" }), id: "ppt_2" },
        ],
      }),
    })
    const { points } = await createPickupApi(store).searchPoints("")
    expect(points[0]).toMatchObject({ phone: "0571-88880000", openingHours: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: "08:00", closes: "20:30" }] })
    expect(points[1]).toMatchObject({ id: "ppt_2", phone: null, openingHours: [] })
  })
})
