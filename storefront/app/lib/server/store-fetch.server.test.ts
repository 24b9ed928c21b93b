import { afterEach, describe, expect, it, vi } from "vitest"
import { errorBody, StoreHttpError, storeFetch } from "./medusa.server"

describe("storeFetch", () => {
  afterEach(() => vi.unstubAllGlobals())

  it("sends the key, JSON and a flat query; keeps the whole body of an error answer", async () => {
    const seen: Array<{ url: string; init: RequestInit }> = []
    vi.stubGlobal("fetch", async (url: URL, init: RequestInit) => {
      seen.push({ url: url.toString(), init })
      return new Response(
        JSON.stringify({ type: "not_allowed", code: "point_full", message: "本期已满", next_order_cycle: null }),
        {
          status: 409,
          statusText: "Conflict",
        }
      )
    })
    const error = await storeFetch("http://backend.test/", "pk_1", "/store/carts/cart_1/pickup", {
      method: "POST",
      query: { fields: "id", skip: undefined },
      body: { pickup_point_id: "ppt_1" },
      headers: { authorization: "Bearer jwt" },
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreHttpError)
    expect(error).toMatchObject({ status: 409, message: "本期已满" })
    expect(errorBody(error)).toMatchObject({ code: "point_full", next_order_cycle: null })
    expect(seen[0]!.url).toBe("http://backend.test/store/carts/cart_1/pickup?fields=id")
    expect(seen[0]!.init).toMatchObject({
      method: "POST",
      body: JSON.stringify({ pickup_point_id: "ppt_1" }),
      headers: { "x-publishable-api-key": "pk_1", "content-type": "application/json", authorization: "Bearer jwt" },
    })
  })

  it("returns the JSON of a success; an error without JSON keeps the status text", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ ok: 1 }), { status: 200 }))
    expect(await storeFetch("http://backend.test", "pk_1", "/store/x")).toEqual({ ok: 1 })
    vi.stubGlobal("fetch", async () => new Response("<html>", { status: 404, statusText: "Not Found" }))
    expect(await storeFetch("http://backend.test", "pk_1", "/store/x").catch((e: unknown) => e)).toMatchObject({
      status: 404,
      message: "Not Found",
    })
  })
})
