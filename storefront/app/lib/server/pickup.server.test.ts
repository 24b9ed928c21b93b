import { describe, expect, it } from "vitest"
import { createPickupApi } from "./pickup.server"
import { compoundCookie } from "./session.server"
import { cycleJson, pointJson as point } from "./testing/contract-fixtures"
import { fakeStore, FakeHttpError } from "./testing/fake-store"

describe("pickup api", () => {
  it("a backend answer that drifts from the contract is an error, never a guess", async () => {
    const { store } = fakeStore({
      "GET /store/pickup-points/:id/cycles": () => ({
        order_cycles: [{ ...cycleJson(), pickup_starts_at: undefined, pickup_start_at: "2026-11-30T08:00:00Z" }],
      }),
      "GET /store/pickup-orders/:id": () => {
        throw new FakeHttpError(404, "order order_1 was not found")
      },
    })
    const api = createPickupApi(store)
    await expect(api.cycles("ppt_1")).rejects.toThrow(/pickup_starts_at/)
    // An order without a pickup is the backend's 404 naming it: no pickup details.
    expect(await api.orderPickup("order_1", "jwt")).toBeNull()
  })

  it("searches by 小区 name and falls back to the city", async () => {
    const { store, calls } = fakeStore({
      "GET /store/pickup-points": (_p, init) => ({
        pickup_points:
          init.query?.city === "杭州市"
            ? [point("ppt_1", "幸福里")]
            : init.query?.q === "杭州市"
              ? []
              : [point("ppt_1", "幸福里")],
      }),
    })
    const api = createPickupApi(store)
    expect((await api.searchPoints("杭州市")).map((p) => p.compoundName)).toEqual(["幸福里"])
    expect(calls.map((c) => c.init.query)).toEqual([
      { q: "杭州市", limit: 20 },
      { city: "杭州市", limit: 20 },
    ])
  })

  it("reads the chosen compound from its cookie and the open cycles", async () => {
    const { store } = fakeStore({
      "GET /store/pickup-points/:id": (params) => ({
        pickup_point: { ...point(params.id!, "幸福里"), order_cycles: [] },
      }),
      "GET /store/pickup-points/:id/cycles": () => ({
        order_cycles: [cycleJson({ places_left: { chilled: 0, ambient: 0 } })],
      }),
    })
    const api = createPickupApi(store)
    const request = new Request("http://shop.test/", {
      headers: { Cookie: compoundCookie("ppt_01ABCDEFGHJK").split(";")[0]! },
    })
    expect((await api.chosenPoint(request))?.compoundName).toBe("幸福里")
    expect(await api.cycles("ppt_01ABCDEFGHJK")).toEqual([
      {
        id: "pcyc_1",
        name: "11月30日",
        cutoffAt: "2026-11-29T14:00:00Z",
        pickupStartsAt: "2026-11-30T08:00:00Z",
        pickupEndsAt: "2026-11-30T12:00:00Z",
        full: true,
      },
    ])
  })

  it("never asks for a guest's pickup (the route is for signed-in residents)", async () => {
    const { store, calls } = fakeStore({})
    expect(await createPickupApi(store).orderPickup("order_1")).toBeNull()
    expect(calls).toEqual([])
  })

  it("gives the office's phone and hours", async () => {
    const { store } = fakeStore({
      "GET /store/pickup-points": () => ({
        pickup_points: [
          point("ppt_1", "幸福里", {
            office: {
              phone: "0571-88880000",
              opening_hours: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: "08:00", closes: "20:30" }],
            },
          }),
          point("ppt_2", "幸福里"),
        ],
      }),
    })
    const points = await createPickupApi(store).searchPoints("")
    expect(points[0]).toMatchObject({
      phone: "0571-88880000",
      openingHours: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: "08:00", closes: "20:30" }],
    })
    expect(points[1]).toMatchObject({ id: "ppt_2", phone: null, openingHours: [] })
  })
})
