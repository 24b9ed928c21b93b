import { describe, expect, it, vi } from "vitest"
import { isNulInQueryText, lianxinErrorHandler, sqlStateOf } from "./error-handler"

function answer(err: unknown) {
  const res: any = { statusCode: 0, body: undefined }
  res.status = (s: number) => {
    res.statusCode = s
    return res
  }
  res.json = (b: unknown) => {
    res.body = b
    return res
  }
  const req: any = {
    path: "/admin/things/x",
    method: "GET",
    scope: { resolve: () => ({ warn: vi.fn(), info: vi.fn() }) },
  }
  lianxinErrorHandler(err, req, res, vi.fn())
  return res
}

describe("lianxinErrorHandler backstops", () => {
  it("answers a value PostgreSQL refuses as data (class 22) with 400, also when wrapped", () => {
    expect(answer(Object.assign(new Error("invalid byte sequence"), { code: "22021" })).statusCode).toBe(400)
    expect(answer(Object.assign(new Error("wrapped"), { cause: { code: "22P02" } })).statusCode).toBe(400)
  })

  it("answers a NUL inlined into the SQL text (08P01 invalid message format) with 400, without quoting the query", () => {
    const err = Object.assign(new Error("select … where id in ('\u0000') - invalid message format"), { code: "08P01" })
    expect(isNulInQueryText(err)).toBe(true)
    const res = answer(err)
    expect(res.statusCode).toBe(400)
    expect(res.body.type).toBe("invalid_data")
    expect(JSON.stringify(res.body)).not.toContain("select")
  })

  it("leaves other protocol errors and codes to Medusa's handler", () => {
    expect(isNulInQueryText(Object.assign(new Error("unexpected message type"), { code: "08P01" }))).toBe(false)
    expect(sqlStateOf(new Error("plain"))).toBe("")
    expect(sqlStateOf({ code: "ECONNRESET" })).toBe("")
  })
})
